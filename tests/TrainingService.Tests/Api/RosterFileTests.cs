using System.Text;
using Training.Service.Api;
using Training.Service.Domain.Common;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>The roster file's cells, read and written without a service: syntax here, value rules in OfficerMapping.</summary>
public sealed class RosterFileTests
{
    private static string[] Cells(params (string Column, string Text)[] values)
    {
        var cells = Enumerable.Repeat("", RosterFile.Columns.Count).ToArray();
        foreach (var (column, text) in values) cells[RosterFile.IndexOf(column)] = text;
        return cells;
    }

    private static (Officer Officer, List<FieldViolation> Problems) Read(params (string Column, string Text)[] values)
    {
        var problems = new List<FieldViolation>();
        var officer = RosterFile.ToOfficer(Cells(values), problems);
        return (officer, problems);
    }

    [Fact]
    public void Cells_OfAnOfficer_ReadBackToTheSameOfficer()
    {
        var officer = Samples.Officer("Ndiaye-Sène", "Aïssatou");
        officer.RetirementDate = Samples.Date(2026, 6, 30);
        officer.Languages[1].Writing = CefrLevel.Unspecified;
        officer.Skills.Add(new SkillProficiency { SkillCode = "gender", Level = SkillLevel.Basic });
        officer.Certifications.Firearms = new FirearmsQualification { QualificationDate = Samples.Date(2015, 2, 3) };
        officer.Certifications.CompletedCourses.Add(new CompletedCourse
        {
            Course = "courses/cptm",
            CompletionDate = Samples.Date(2024, 3, 1),
            ExpiryDate = Samples.Date(2028, 3, 1),
        });
        officer.Certifications.CompletedCourses.Add(new CompletedCourse { Course = "courses/unpol-stm", CompletionDate = Samples.Date(2025, 1, 10) });
        officer.Vetting.SelfAttestation = new VettingItem { Status = VettingStatus.Pending };
        officer.Vetting.MedicalClearance = new VettingItem { Date = Samples.Date(2026, 1, 10) };

        var problems = new List<FieldViolation>();
        var read = RosterFile.ToOfficer(RosterFile.ToCells(officer), problems);

        Assert.Empty(problems);
        Assert.Equal(officer, read);
    }

    [Fact]
    public void Cells_OfAnOfficer_UseTheDocumentedNotation()
    {
        var officer = Samples.Officer();
        officer.Languages[1].Writing = CefrLevel.Unspecified;
        officer.Certifications.CompletedCourses.Add(new CompletedCourse { Course = "courses/cptm", CompletionDate = Samples.Date(2024, 3, 1) });
        officer.Vetting.SelfAttestation = new VettingItem { Status = VettingStatus.Pending };

        var cells = RosterFile.ToCells(officer);
        string Cell(string column) => cells[RosterFile.IndexOf(column)];

        Assert.Equal("female", Cell("gender"));
        Assert.Equal("1986-05-14", Cell("birth_date"));
        Assert.Equal("fr:C1/C1/C1/C1;en:B2/B2/-/B2", Cell("languages"));
        Assert.Equal("forensics:advanced", Cell("skills"));
        Assert.Equal("cptm:2024-03-01", Cell("completed_courses"));
        Assert.Equal("cleared:2026-01-10", Cell("human_rights_screening"));
        Assert.Equal("pending", Cell("self_attestation"));
        Assert.Equal("", Cell("retirement_date"));
        Assert.Equal("available", Cell("availability"));
    }

    [Fact]
    public void Languages_WithNotAssessedSkillsAndAnyCase_AreRead()
    {
        var (officer, problems) = Read(("languages", " fr:C1/-/b2/c1 ; en:A2/A2/A1/- ;"));
        Assert.Empty(problems);
        Assert.Equal(
            [
                new LanguageProficiency { LanguageCode = "fr", Reading = CefrLevel.C1, Writing = CefrLevel.B2, Speaking = CefrLevel.C1 },
                new LanguageProficiency { LanguageCode = "en", Reading = CefrLevel.A2, Listening = CefrLevel.A2, Writing = CefrLevel.A1 },
            ],
            officer.Languages);
    }

    [Theory]
    [InlineData("fr:C1/C1/B2")]
    [InlineData("fr C1/C1/B2/C1")]
    [InlineData("fr:C1/C1/B2/D1")]
    public void Languages_NotInTheNotation_AreAProblemOfTheColumn(string text)
    {
        var (_, problems) = Read(("languages", text));
        Assert.Equal("languages", Assert.Single(problems).Field);
    }

    [Fact]
    public void Skills_AreReadWithTheirLevels()
    {
        var (officer, problems) = Read(("skills", "forensics:advanced;gender:Basic;"));
        Assert.Empty(problems);
        Assert.Equal(
            [
                new SkillProficiency { SkillCode = "forensics", Level = SkillLevel.Advanced },
                new SkillProficiency { SkillCode = "gender", Level = SkillLevel.Basic },
            ],
            officer.Skills);
    }

    [Fact]
    public void Skills_WithAnUnknownLevel_AreAProblemNamingTheLevels()
    {
        var (_, problems) = Read(("skills", "forensics:guru"));
        var problem = Assert.Single(problems);
        Assert.Equal("skills", problem.Field);
        Assert.Contains("basic, intermediate, advanced, expert", problem.Description);
    }

    [Fact]
    public void CompletedCourses_WithAndWithoutExpiry_AreRead()
    {
        var (officer, problems) = Read(("completed_courses", "cptm:2024-03-01:2028-03-01;unpol-stm:2025-01-10"));
        Assert.Empty(problems);
        Assert.Equal(
            [
                new CompletedCourse { Course = "courses/cptm", CompletionDate = Samples.Date(2024, 3, 1), ExpiryDate = Samples.Date(2028, 3, 1) },
                new CompletedCourse { Course = "courses/unpol-stm", CompletionDate = Samples.Date(2025, 1, 10) },
            ],
            officer.Certifications.CompletedCourses);
    }

    [Theory]
    [InlineData("cptm")]
    [InlineData("cptm:01/03/2024")]
    [InlineData("cptm:2024-03-01:soon")]
    public void CompletedCourses_NotInTheNotation_AreAProblemOfTheColumn(string text)
    {
        var (_, problems) = Read(("completed_courses", text));
        Assert.Equal("completed_courses", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData("cleared:2026-01-10", VettingStatus.Cleared, true)]
    [InlineData("FLAGGED:2026-01-10", VettingStatus.Flagged, true)]
    [InlineData("pending", VettingStatus.Pending, false)]
    [InlineData("-:2026-01-10", VettingStatus.Unspecified, true)]
    public void Vetting_StatusAndDate_AreRead(string text, VettingStatus status, bool dated)
    {
        var (officer, problems) = Read(("misconduct_check", text));
        Assert.Empty(problems);
        Assert.Equal(status, officer.Vetting.MisconductCheck.Status);
        Assert.Equal(dated ? Samples.Date(2026, 1, 10) : null, officer.Vetting.MisconductCheck.Date);
    }

    [Theory]
    [InlineData("ok:2026-01-10")]
    [InlineData("cleared:10/01/2026")]
    [InlineData("cleared:2026-01-10:x")]
    public void Vetting_NotInTheNotation_IsAProblemOfTheColumn(string text)
    {
        var (_, problems) = Read(("medical_clearance", text));
        Assert.Equal("medical_clearance", Assert.Single(problems).Field);
    }

    [Fact]
    public void EmptyOptionalCells_LeaveTheirFieldsUnset()
    {
        var (officer, problems) = Read();
        Assert.Empty(problems);
        Assert.Null(officer.RetirementDate);
        Assert.Null(officer.Certifications.AmsPass);
        Assert.Null(officer.Vetting.HumanRightsScreening);
        Assert.Empty(officer.Languages);
    }

    [Fact]
    public void Dates_OnlyTheirShapeIsCheckedHere_TheCalendarIsTheValidators()
    {
        var (officer, problems) = Read(("birth_date", "2027-02-30"), ("service_start_date", "01/09/2011"));
        Assert.Equal(Samples.Date(2027, 2, 30), officer.BirthDate);
        var problem = Assert.Single(problems);
        Assert.Equal("service_start_date", problem.Field);
        Assert.Contains("YYYY-MM-DD", problem.Description);
    }

    [Fact]
    public void Words_AreReadInAnyCase_AndUnknownOnesAreProblems()
    {
        var (officer, problems) = Read(("gender", "Female"), ("availability", "on leave"));
        Assert.Equal(Gender.Female, officer.Gender);
        Assert.Equal("availability", Assert.Single(problems).Field);
    }

    [Fact]
    public void ACellDecodedFromBytesThatAreNotUtf8_IsAProblem()
    {
        var (_, problems) = Read(("family_name", "Di\uFFFDne"));
        var problem = Assert.Single(problems);
        Assert.Equal("family_name", problem.Field);
        Assert.Contains("UTF-8", problem.Description);
    }

    [Theory]
    [InlineData("officer.birth_date", "birth_date", "is required.")]
    [InlineData("officer.languages[1].language_code", "languages", "entry 2, language_code: is required.")]
    [InlineData("officer.languages[0]", "languages", "entry 1: is required.")]
    [InlineData("officer.certifications.ams_pass.pass_date", "ams_pass_date", "is required.")]
    [InlineData("officer.certifications.completed_courses[0].course", "completed_courses", "entry 1, course: is required.")]
    [InlineData("officer.vetting.medical_clearance.date", "medical_clearance", "date: is required.")]
    public void Locate_TurnsAnApiFieldPathIntoAColumn(string path, string column, string reason)
    {
        var located = RosterFile.Locate(new FieldViolation(path, "is required."));
        Assert.Equal(new FieldViolation(column, reason), located);
    }

    [Fact]
    public async Task Csv_RowsCarryTheLineTheyStartOn_CountingQuotedLineBreaksAndBlankLines()
    {
        var file = "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability,rank\r\n" +
                   "SN-1,Diop,Awa,female,1986-05-14,2011-09-01,available,\"Commissaire\r\nde police\"\r\n" +
                   "\r\n" +
                   "SN-2,Ba,Omar,male,1980-01-01,2005-01-01,available\r\n" +
                   "SN-3,Sow,\"Ami\"e,female,1980-01-01,2005-01-01,available,\r\n";

        var rows = await ReadCsvAsync(file);

        Assert.Equal([2L, 5L, 6L], rows.Select(r => r.Line));
        Assert.Equal("Commissaire\r\nde police", rows[0].Cells[RosterFile.IndexOf("rank")]);
        Assert.Empty(rows[0].Problems);
        Assert.Contains("has 7 fields where the header has 8", Assert.Single(rows[1].Problems).Description);
        Assert.Contains("text after the closing quote", Assert.Single(rows[2].Problems).Description);
    }

    [Fact]
    public async Task Csv_HeaderColumns_AreMatchedInAnyOrderAndCase()
    {
        var rows = await ReadCsvAsync("Given_Name, availability,national_police_id,family_name,gender,birth_date,service_start_date\nAwa,available,SN-1,Diop,female,1986-05-14,2011-09-01\n");
        var row = Assert.Single(rows);
        Assert.Equal("Awa", row.Cells[RosterFile.IndexOf("given_name")]);
        Assert.Equal("SN-1", row.Cells[RosterFile.IndexOf("national_police_id")]);
    }

    [Fact]
    public async Task Csv_HeaderWithAnUnknownOrMissingColumn_RefusesTheFile()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadCsvAsync("national_police_id,family_name,birthdate\n"));
        Assert.All(error.Violations, v => Assert.Equal("header", v.Field));
        Assert.Contains(error.Violations, v => v.Description.Contains("\"birthdate\" is not a column"));
        Assert.Contains(error.Violations, v => v.Description == "birth_date is required.");
    }

    [Fact]
    public async Task Csv_AnUnclosedQuoteRunningPastTheRecordLimit_RefusesTheFile()
    {
        var file = "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability\n" +
                   "SN-1,\"Diop,Awa,female,1986-05-14,2011-09-01,available\n" +
                   string.Concat(Enumerable.Repeat("SN-2,Ba,Omar,male,1980-01-01,2005-01-01,available\n", 4000));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => ReadCsvAsync(file));
        Assert.Equal("chunk", Assert.Single(error.Violations).Field);
        Assert.StartsWith("line 2:", error.Violations[0].Description);
    }

    [Fact]
    public async Task JsonLines_RowsAreNumberedByLine_AndUnknownKeysOrBadJsonAreProblems()
    {
        var file = "{\"national_police_id\":\"SN-1\",\"family_name\":\"Diène\",\"rank\":null}\n" +
                   "\n" +
                   "{\"national_police_id\":\"SN-2\",\"birthdate\":\"1980-01-01\"}\n" +
                   "{\"national_police_id\":7}\n" +
                   "not json\n";

        var rows = new List<RosterRow>();
        await foreach (var row in RosterJsonLines.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), CancellationToken.None))
            rows.Add(row);

        Assert.Equal([1L, 3L, 4L, 5L], rows.Select(r => r.Line));
        Assert.Empty(rows[0].Problems);
        Assert.Equal("Diène", rows[0].Cells[RosterFile.IndexOf("family_name")]);
        Assert.Equal("birthdate", Assert.Single(rows[1].Problems).Field);
        Assert.Equal("national_police_id", Assert.Single(rows[2].Problems).Field);
        Assert.Contains("not valid JSON", Assert.Single(rows[3].Problems).Description);
    }

    [Theory]
    [InlineData(RosterFileFormat.Csv)]
    [InlineData(RosterFileFormat.JsonLines)]
    public async Task WrittenRows_ReadBackCellForCell(RosterFileFormat format)
    {
        var officer = Samples.Officer("O'Neil, \"Jr\"", "Zoë");
        officer.Rank = "Commissaire\nprincipal";
        var cells = RosterFile.ToCells(officer);
        using var writer = RosterFileWriter.For(format);
        writer.Write(cells);
        var bytes = writer.TakeChunk().ToByteArray();

        var rows = new List<RosterRow>();
        var stream = new MemoryStream(bytes);
        var read = format == RosterFileFormat.Csv
            ? RosterCsv.ReadAsync(stream, CancellationToken.None)
            : RosterJsonLines.ReadAsync(stream, CancellationToken.None);
        await foreach (var row in read) rows.Add(row);

        var only = Assert.Single(rows);
        Assert.Empty(only.Problems);
        Assert.Equal(cells, only.Cells);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1 00", "'+33 1 00")]
    [InlineData("-Ndiaye", "'-Ndiaye")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("'=quoted", "''=quoted")]
    [InlineData("''", "'''")]
    [InlineData("'Abd", "'Abd")]
    [InlineData("'", "'")]
    [InlineData("Diop", "Diop")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void ACell_IsNeutralisedForSpreadsheets_AndRestoredExactly(string cell, string written)
    {
        Assert.Equal(written, SpreadsheetFormulas.Neutralise(cell));
        Assert.Equal(cell, SpreadsheetFormulas.Restore(SpreadsheetFormulas.Neutralise(cell)));
    }

    [Fact]
    public async Task CsvRows_WithFormulaCells_AreWrittenNeutralised_AndReadBackCellForCell()
    {
        string[] samples = ["=cmd|' /C calc'!A0", "+1", "-2", "@x", "\tt", "\rr", "'=q", "'Abd"];
        var cells = Enumerable.Range(0, RosterFile.Columns.Count).Select(i => samples[i % samples.Length]).ToArray();
        using var writer = RosterFileWriter.For(RosterFileFormat.Csv);
        writer.Write(cells);
        var text = Encoding.UTF8.GetString(writer.TakeChunk().ToByteArray());

        var rows = await ReadCsvAsync(text);

        Assert.Equal(cells, Assert.Single(rows).Cells);
        var record = text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        Assert.StartsWith("'=cmd", record);
        foreach (var formula in new[] { ",=", ",+", ",-", ",@", ",\"=", ",\"+", ",\"-", ",\"@" })
            Assert.DoesNotContain(formula, record);
    }

    private static async Task<List<RosterRow>> ReadCsvAsync(string file)
    {
        var rows = new List<RosterRow>();
        await foreach (var row in RosterCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), CancellationToken.None))
            rows.Add(row);
        return rows;
    }
}
