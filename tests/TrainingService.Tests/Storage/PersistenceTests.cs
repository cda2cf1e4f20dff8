using System.Diagnostics;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Officers_SurviveAServiceRestartOnTheSameFile()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            var roster = new RosterService.RosterServiceClient(first.As(await first.FocalPointAsync("SN")));
            var created = await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() });
            await first.StopKeepingDataAsync();

            await using var second = await TestService.StartAsync(folder);
            var admin = new RosterService.RosterServiceClient(second.AsAdmin());
            var read = await admin.GetOfficerAsync(new GetOfficerRequest { Name = created.Name });
            Assert.Equal(created, read);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SecondServiceOnTheSameFile_InTheSameProcess_IsRefused()
    {
        await using var first = await TestService.StartAsync();
        var error = await Assert.ThrowsAsync<DatabaseInUseException>(() => TestService.StartAsync(first.Folder));
        Assert.Contains(first.DatabasePath, error.Message);
    }

    [Fact]
    public async Task SecondServiceProcessOnTheSameFile_ExitsAtOnceNonZeroWithAClearMessage()
    {
        await using var first = await TestService.StartAsync();
        var serviceDll = typeof(TrainingHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [serviceDll, $"--Storage:Path={first.DatabasePath}", "--urls=http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited) process.Kill(entireProcessTree: true);

        Assert.True(exited, "The second service kept running on a database that is in use.");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("already in use", await stderr);
    }
}

public sealed class StoredWarningsTests
{
    private static Grpc.Core.Metadata Language(string value) => new() { { "accept-language", value } };

    [Fact]
    public async Task ANominationsWarnings_ReadBackAfterARestart_AreSaidInTheReadersLanguage()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            var focalPoint = first.As(await first.FocalPointAsync("SN"));
            var catalog = new CatalogService.CatalogServiceClient(first.AsAdmin());
            var course = await catalog.CreateCourseAsync("WARN-STM", "warn-stm");
            var session = await catalog.OpenSessionAsync(new OpenSessionRequest { Name = (await catalog.CreateSessionAsync(course.Name, new DateOnly(2027, 3, 1), "march")).Name });
            var deployed = Samples.Officer("Diouf");
            deployed.Availability = Availability.Deployed;
            var officer = await new RosterService.RosterServiceClient(focalPoint).CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = deployed });
            var submitted = await new NominationService.NominationServiceClient(focalPoint).SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Session = session.Name },
            });
            Assert.Contains(submitted.Nomination.Warnings, w => w.Rule == "OFFICER_NOT_AVAILABLE");
            await first.StopKeepingDataAsync();

            await using var second = await TestService.StartAsync(folder);
            var admin = new NominationService.NominationServiceClient(second.AsAdmin());
            var get = new GetNominationRequest { Name = submitted.Nomination.Name };
            var english = (await admin.GetNominationAsync(get)).Warnings.Single(w => w.Rule == "OFFICER_NOT_AVAILABLE");
            var french = (await admin.GetNominationAsync(get, Language("fr"))).Warnings.Single(w => w.Rule == "OFFICER_NOT_AVAILABLE");

            Assert.Equal("The roster shows this officer as deployed.", english.Description);
            Assert.Equal("La liste de candidats indique que cet agent est déployé.", french.Description);
            Assert.Equal((english.Rule, english.Field, english.Severity), (french.Rule, french.Field, french.Severity));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class StoredAuditSummariesTests
{
    private static Grpc.Core.Metadata InFrench => new() { { "accept-language", "fr" } };

    private static async Task<List<AuditEvent>> TrailAsync(TestService service, Grpc.Core.Metadata? headers = null) =>
        [.. (await new AccessService.AccessServiceClient(service.AsAdmin())
            .ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 1000 }, headers)).AuditEvents];

    [Fact]
    public async Task TheAuditTrail_ReadBackAfterARestart_IsSaidInTheReadersLanguage()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            var roster = new RosterService.RosterServiceClient(first.As(await first.FocalPointAsync("SN")));
            await new CatalogService.CatalogServiceClient(first.AsAdmin()).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() });
            await roster.CreateOfficerAsync(new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer() });
            var frenchBefore = await TrailAsync(first, InFrench);
            await first.StopKeepingDataAsync();

            await using var second = await TestService.StartAsync(folder);
            var english = await TrailAsync(second);
            var french = await TrailAsync(second, InFrench);

            Assert.Equal(frenchBefore, french);
            Assert.Equal(
            [
                "issued a focal point token \"Focal point SN\" for SN",
                "created course UNPOL-STM \"UNPOL Specialized Training Materials\"",
                "added the officer to the roster",
            ], english.Select(e => e.Summary));
            Assert.Equal(
            [
                "a délivré un jeton d'accès de point focal « Focal point SN » pour SN",
                "a créé le cours UNPOL-STM « UNPOL Specialized Training Materials »",
                "a ajouté l'agent à la liste de candidats",
            ], french.Select(e => e.Summary));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnEventRecordedBeforeTheTrailKeptFrench_ReadsInEnglish_ToAFrenchCaller()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            await new CatalogService.CatalogServiceClient(first.AsAdmin()).CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() });
            await first.StopKeepingDataAsync();
            // What an earlier release stored: the English summary alone.
            using (var file = new LiteDB.LiteDatabase($"Filename={Path.Combine(folder, "training.db")};Collation=en-US/Ordinal"))
            {
                var events = file.GetCollection("audit_events");
                foreach (var stored in events.FindAll().ToList())
                {
                    Assert.True(stored.Remove("SummaryFrench"), "The event was stored without its French.");
                    events.Update(stored);
                }
            }

            await using var second = await TestService.StartAsync(folder);

            Assert.Equal("created course UNPOL-STM \"UNPOL Specialized Training Materials\"", Assert.Single(await TrailAsync(second, InFrench)).Summary);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
