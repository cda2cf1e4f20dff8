using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Training.Tui.Client;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.EndToEnd;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;
using Xunit.Abstractions;

namespace Training.Tui.Tests.SlowLink;

/// <summary>The real demo service, started once for the slow-link tests; each test puts its own simulated link in front.</summary>
public sealed class SlowLinkService : IDisposable
{
    public SlowLinkService()
    {
        // A service's first calls are slow while .NET compiles them: timings on a link must not count that.
        using var channel = GrpcChannel.ForAddress(Service.Address);
        var headers = new Metadata { { "authorization", $"Bearer {Secret("focal-point-SN")}" } };
        new AccessService.AccessServiceClient(channel).GetCaller(new GetCallerRequest(), headers);
        new RosterService.RosterServiceClient(channel).SearchOfficers(new SearchOfficersRequest { PageSize = 50 }, headers);
    }

    public DemoService Service { get; } = new();

    public string Secret(string identity) => DemoLogin.Read(Service.CredentialsFile, identity).Secret;

    public Uri Address => new(Service.Address);

    public void Dispose() => Service.Dispose();
}

/// <summary>
/// The client's own gRPC facade over <see cref="LinkSimulator"/>: a field link of 300 ms and 256 kbit/s, a line that
/// drops in the middle of a save, a watch, and a link that dies without a word. The bounds are the issue's targets
/// with room for a shared, busy test machine; the measured figures are in docs/benchmarks.md ("Slow link").
/// </summary>
public sealed class SlowLinkTests(SlowLinkService fixture, ITestOutputHelper output) : IClassFixture<SlowLinkService>
{
    private GrpcTrainingClient Client(LinkSimulator link, string identity = "focal-point-SN", KeepAlive? keepAlive = null) =>
        new(new ConnectionOptions(link.Address, fixture.Secret(identity), "unused-token-file", false, TimeSpan.FromSeconds(10))
        {
            KeepAlive = keepAlive ?? KeepAlive.Default,
        });

    [Fact]
    public async Task OnASlowLink_TheFirstCallsAndAScreenOfRoster_ArriveInAFewRoundTrips_AndUnder20KB()
    {
        await using var link = new LinkSimulator(fixture.Address, LinkConditions.Slow);
        using var client = Client(link);
        var rtt = LinkConditions.Slow.RoundTrip;

        // Launch: the connection (one round trip to open, one for HTTP/2's settings alongside the first call), who am I.
        var launch = Stopwatch.StartNew();
        var caller = await client.GetCallerAsync();
        launch.Stop();
        Assert.Equal(Role.FocalPoint, caller.Role);

        // The roster's first page: a screenful, one round trip plus its transfer.
        link.ResetCounters();
        var page = Stopwatch.StartNew();
        var officers = await client.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "SN" }, PageSize = 50 });
        page.Stop();
        var bytes = link.BytesToClient;

        Assert.Equal(50, officers.Officers.Count);
        Assert.True(bytes <= 20 * 1024, $"a screen of officers took {bytes:N0} bytes (aim: at most 20 KB)");
        var transfer = TimeSpan.FromSeconds(bytes * 8.0 / LinkConditions.Slow.BitsPerSecond);
        output.WriteLine($"launch {launch.Elapsed.TotalSeconds:0.00} s; a page of 50: {page.Elapsed.TotalSeconds:0.00} s, {bytes:N0} bytes");
        // Measured: 0.81 s to the caller (two round trips and the client's own start) and 0.56 s for the page of 6.2 KB;
        // the bounds leave room for a busy machine.
        Assert.True(launch.Elapsed < TimeSpan.FromSeconds(3), $"launch took {launch.Elapsed.TotalSeconds:0.00} s (target: 3 s)");
        Assert.True(page.Elapsed < 2 * rtt + transfer + TimeSpan.FromSeconds(1),
            $"the page took {page.Elapsed.TotalSeconds:0.00} s for {bytes:N0} bytes (target: {(2 * rtt + transfer).TotalSeconds:0.00} s)");
    }

    [Fact]
    public async Task AnswersAreGzipped_WhenTheClientAsks_AndPlainForOthers()
    {
        await using var link = new LinkSimulator(fixture.Address, LinkConditions.Loopback);
        using var client = Client(link);
        var request = new SearchOfficersRequest { RegionCodes = { "SN" }, PageSize = 100 };
        await client.SearchOfficersAsync(request);
        link.ResetCounters();
        await client.SearchOfficersAsync(request);
        var compressed = link.BytesToClient;

        using var plain = GrpcChannel.ForAddress(link.Address, new GrpcChannelOptions { CompressionProviders = [] });
        var roster = new RosterService.RosterServiceClient(plain);
        var headers = new Metadata { { "authorization", $"Bearer {fixture.Secret("focal-point-SN")}" } };
        await roster.SearchOfficersAsync(request, headers);
        link.ResetCounters();
        var answer = await roster.SearchOfficersAsync(request, headers);
        var uncompressed = link.BytesToClient;

        Assert.Equal(100, answer.Officers.Count);
        output.WriteLine($"100 officers: gzipped {compressed:N0} bytes, plain {uncompressed:N0} bytes");
        Assert.True(compressed * 2 < uncompressed, $"gzipped {compressed:N0} bytes, plain {uncompressed:N0} bytes");
    }

    [Fact]
    public async Task ALinkCutInTheMiddleOfASave_IsResumed_AndTheOfficerIsAddedOnce()
    {
        // A long one-way delay holds the answer on the line, so the cut surely falls after the service saved and before
        // the client heard: the case where a retry without a request id would add the officer twice.
        await using var link = new LinkSimulator(fixture.Address, new LinkConditions(TimeSpan.FromSeconds(3), 0));
        using var client = Client(link);
        await client.GetCallerAsync();
        var policeId = $"SN-CUT-{Guid.NewGuid():N}"[..20];
        var officer = NewOfficer(policeId);
        var requestId = Guid.NewGuid().ToString();

        var saving = client.CreateOfficerAsync("SN", officer, requestId);
        await Eventually(async () => (await CountDirect(policeId)) == 1, "the service to store the officer");
        Assert.False(saving.IsCompleted);
        link.Cut();
        var saved = await saving;

        Assert.Equal(policeId, saved.NationalPoliceId);
        Assert.Equal(1, await CountDirect(policeId));
        Assert.True(link.ConnectionsAccepted >= 2, "the save went again over a new connection");
        // A person pressing Ctrl+S again after "cannot be reached" sends the same request id: still one officer.
        Assert.Equal(saved.Name, (await client.CreateOfficerAsync("SN", officer, requestId)).Name);
        Assert.Equal(1, await CountDirect(policeId));
    }

    [Fact]
    public async Task KeepAlive_EndsAWatchOverALinkThatDiedSilently_TheSignGoesOff_AndComesBackWithTheLink()
    {
        await using var link = new LinkSimulator(fixture.Address, LinkConditions.Loopback);
        using var client = Client(link, keepAlive: new KeepAlive(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var caller = await client.GetCallerAsync();
        var signs = new List<bool>();
        var context = new ScreenContext(null!, client, caller, null!, TimeProvider.System);
        var watch = new NominationWatch(context, "memberStates/SN", _ => { }, live => { lock (signs) signs.Add(live); }, () => { });
        bool? Sign() { lock (signs) return signs.Count == 0 ? null : signs[^1]; }

        watch.Start(0);
        await Eventually(() => Task.FromResult(Sign() == true), "the watch to be live");
        link.Silence();
        var silent = Stopwatch.StartNew();
        await Eventually(() => Task.FromResult(Sign() == false), "keepalive to find the dead link", TimeSpan.FromSeconds(30));
        silent.Stop();
        link.Restore();
        await Eventually(() => Task.FromResult(Sign() == true), "the watch to be live again once the link is back", TimeSpan.FromSeconds(60));
        watch.Stop();

        output.WriteLine($"dead link found after {silent.Elapsed.TotalSeconds:0.0} s");
        // Keepalive pings after 1 s without traffic and waits 1 s for the answer: found in seconds, not never.
        Assert.True(silent.Elapsed < TimeSpan.FromSeconds(15), $"the dead link was found after {silent.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task AWatchCutByTheLink_ResumesFromTheLastChange_AndMissesNothingMadeMeanwhile()
    {
        await using var link = new LinkSimulator(fixture.Address, LinkConditions.Loopback);
        using var client = Client(link, "focal-point-SN");
        var caller = await client.GetCallerAsync();
        var seen = new List<Nomination>();
        var live = false;
        var context = new ScreenContext(null!, client, caller, null!, TimeProvider.System);
        var watch = new NominationWatch(context, "memberStates/SN", n => { lock (seen) seen.Add(n); }, l => live = l, () => { });
        var nominations = (await client.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN", PageSize = 500 }));
        var withdrawable = nominations.Nominations.First(n => n.State is Nomination.Types.State.Submitted or Nomination.Types.State.Waitlisted);

        watch.Start(nominations.WatchSequence);
        await Eventually(() => Task.FromResult(live), "the watch to be live");
        link.Cut();
        // Made while the watch is down: the direct channel does not go through the link.
        using var direct = GrpcChannel.ForAddress(fixture.Address);
        await new NominationService.NominationServiceClient(direct).WithdrawNominationAsync(
            new WithdrawNominationRequest { Name = withdrawable.Name, Etag = withdrawable.Etag, Reason = "Recalled to national duty." },
            new Metadata { { "authorization", $"Bearer {fixture.Secret("focal-point-SN")}" } });

        await Eventually(() => Task.FromResult(Seen(withdrawable.Name)), "the withdrawal made during the cut", TimeSpan.FromSeconds(30));
        watch.Stop();
        Assert.True(link.ConnectionsAccepted >= 2);

        bool Seen(string name)
        {
            lock (seen) return seen.Any(n => n.Name == name && n.State == Nomination.Types.State.Withdrawn);
        }
    }



    [Fact]
    public async Task AnImportCutByTheLink_RunAgain_LeavesEachOfficerOnce()
    {
        const int rows = 3_000;
        var prefix = $"SN-IMP-{Guid.NewGuid():N}"[..14];
        var file = ImportFile(prefix, rows);
        await using var link = new LinkSimulator(fixture.Address, LinkConditions.VerySlow);
        using var client = Client(link);
        await client.GetCallerAsync();

        link.ResetCounters();
        using var cutting = new CancellationTokenSource();
        var first = client.ImportOfficersAsync("memberStates/SN", RosterFileFormat.Csv, ImportMode.BestEffort, new MemoryStream(file), _ => { });
        await Eventually(() => Task.FromResult(link.BytesToServer > 12_000 || first.IsCompleted), "part of the file to be sent");
        Assert.False(first.IsCompleted, "the import was over before the cut: the file is too small for this link");
        link.Cut();
        try
        {
            await first;
        }
        catch (RpcException e)
        {
            Assert.True(ClientError.From(e).ServerUnreachable, $"the cut import ended with {e.Status}");
        }
        link.Conditions = LinkConditions.Loopback;
        link.ResetCounters();
        var again = await client.ImportOfficersAsync("memberStates/SN", RosterFileFormat.Csv, ImportMode.BestEffort, new MemoryStream(file), _ => { });

        Assert.Equal(rows, again.RowsRead);
        Assert.Equal(0, again.Rejected);
        Assert.Equal(rows, again.Created + again.Updated + again.Unchanged);
        output.WriteLine($"import of {rows:N0} rows: file {file.Length:N0} bytes, sent {link.BytesToServer:N0} bytes");
        Assert.True(link.BytesToServer * 3 < file.Length, $"the file ({file.Length:N0} bytes) went as {link.BytesToServer:N0} bytes: not gzipped");
        var found = 0;
        var token = "";
        do
        {
            var page = await client.SearchOfficersAsync(new SearchOfficersRequest { RegionCodes = { "SN" }, NameText = "Importée", PageSize = 500, PageToken = token });
            found += page.Officers.Count(o => o.NationalPoliceId.StartsWith(prefix, StringComparison.Ordinal));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(rows, found);
    }

    /// <summary>A CSV of <paramref name="rows"/> officers of Senegal with police IDs starting <paramref name="prefix"/>.</summary>
    private static byte[] ImportFile(string prefix, int rows)
    {
        var text = new System.Text.StringBuilder(
            "national_police_id,family_name,given_name,gender,birth_date,rank,service_start_date,retirement_date,availability,languages,skills," +
            "ams_pass_date,ams_language,driving_licence_date,firearms_date,completed_courses,human_rights_screening,self_attestation," +
            "misconduct_check,medical_clearance\n");
        for (var i = 0; i < rows; i++)
            text.Append(FormattableString.Invariant($"{prefix}-{i:D5},Importée,Agent {i:D5},{(i % 3 == 0 ? "female" : "male")},"))
                .Append("1984-03-12,Lieutenant de police,2008-10-01,,available,fr:C1/C1/B2/C1;en:B2/B2/B1/B2,forensics:advanced,")
                .Append("2025-04-15,fr,2006-07-20,2009-02-11,,cleared:2025-01-20,cleared:2025-01-20,cleared:2025-01-22,cleared:2025-02-03\n");
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<int> CountDirect(string policeId)
    {
        using var direct = GrpcChannel.ForAddress(fixture.Address);
        var found = await new RosterService.RosterServiceClient(direct).SearchOfficersAsync(
            new SearchOfficersRequest { RegionCodes = { "SN" }, NationalPoliceId = policeId },
            new Metadata { { "authorization", $"Bearer {fixture.Secret("focal-point-SN")}" } });
        return found.Officers.Count;
    }

    private static Officer NewOfficer(string policeId) => new()
    {
        NationalPoliceId = policeId,
        FamilyName = "Faye",
        GivenName = "Coumba",
        Gender = Gender.Female,
        BirthDate = new Google.Type.Date { Year = 1985, Month = 4, Day = 2 },
        ServiceStartDate = new Google.Type.Date { Year = 2010, Month = 9, Day = 1 },
        Rank = "Lieutenant de police",
        Availability = Availability.Available,
    };

    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming what was awaited after a generous bound.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? bound = null)
    {
        var limit = Stopwatch.StartNew();
        while (!await condition())
        {
            if (limit.Elapsed > (bound ?? TimeSpan.FromSeconds(30))) throw new Xunit.Sdk.XunitException($"Waited in vain for {what}.");
            await Task.Delay(50);
        }
    }
}
