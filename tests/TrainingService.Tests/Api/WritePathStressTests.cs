using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using Xunit.Abstractions;

namespace Training.Service.Tests.Api;

/// <summary>
/// The product as it is used: focal points submitting and withdrawing, an administrator deciding, readers listing,
/// and terminal clients that keep a watch open and resume it — some from far back — all at once, over real
/// sockets. Nothing may fault, nothing may stall, every watcher sees every change exactly once, and the log keeps
/// being checkpointed.
/// </summary>
public sealed class WritePathStressTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    private readonly ConcurrentBag<(string Call, StatusCode Code, TimeSpan Took)> _calls = [];

    [Fact]
    public async Task WritersReadersAndResumingWatchers_Together_NoFault_NoStall_EveryEventOnce_LogCheckpointed()
    {
        await using var world = await NominationWorld.StartAsync(kestrel: true);
        var sessions = new List<Session>();
        for (var month = 3; month <= 6; month++)
            sessions.Add(await world.OpenSessionAsync(session: s => s.MergeFrom(Samples.Session(seats: 15, startMonth: month))));
        var officers = new List<Officer>();
        for (var i = 0; i < 30; i++)
        {
            officers.Add(await world.OfficerAsync("SN", family: $"Sene{i:D2}"));
            officers.Add(await world.OfficerAsync("FR", family: $"Martin{i:D2}", gender: i % 2 == 0 ? Gender.Female : Gender.Male));
        }
        foreach (var officer in officers.Take(6)) await world.SubmitAsync(officer, sessions[0]);
        var baseline = (await world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-", PageSize = 1 })).WatchSequence;
        Assert.True(baseline > 0);

        using var stop = new CancellationTokenSource(RunFor);
        var resumers = Enumerable.Range(0, 2).Select(_ => new List<long>()).ToList();
        var work = new List<Task>();
        for (var w = 0; w < 4; w++) work.Add(FocalPointAsync(world, officers, sessions, new Random(w), stop.Token));
        work.Add(AdministratorAsync(world, sessions, new Random(10), stop.Token));
        for (var r = 0; r < 2; r++) work.Add(ReaderAsync(world, sessions, stop.Token));
        for (var r = 0; r < resumers.Count; r++) work.Add(ResumingWatcherAsync(world, baseline, resumers[r], new Random(20 + r), stop.Token));
        for (var r = 0; r < 2; r++) work.Add(ReplayingWatcherAsync(world, stop.Token));
        await Task.WhenAll(work);

        var faults = _calls.Where(c => c.Code is StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded
            or StatusCode.Unavailable or StatusCode.ResourceExhausted).ToList();
        Assert.True(faults.Count == 0, $"{faults.Count} faults, e.g. {string.Join("; ", faults.Take(5))}");
        var slow = _calls.Where(c => c.Took > TimeSpan.FromSeconds(5)).ToList();
        Assert.True(slow.Count == 0, $"{slow.Count} calls over 5 s, e.g. {string.Join("; ", slow.Take(5))}");
        Assert.True(_calls.Count(c => c is { Call: "submit", Code: StatusCode.OK }) > 20, "Too few submissions went through to prove anything.");

        var all = await AllEventsAfterAsync(world, baseline);
        foreach (var received in resumers)
        {
            Assert.NotEmpty(received);
            Assert.Equal(all.Where(s => s <= received[^1]), received);
        }

        var log = new FileInfo(Path.Combine(world.Service.Folder, "training-log.db"));
        output.WriteLine($"{_calls.Count} calls ({string.Join(", ", _calls.GroupBy(c => (c.Call, c.Code)).Select(g => $"{g.Key.Call} {g.Key.Code}: {g.Count()}"))}); " +
            $"slowest {_calls.Max(c => c.Took).TotalMilliseconds:0} ms; {all.Count} events; log {(log.Exists ? log.Length / 1024 : 0)} KiB");
        Assert.True(!log.Exists || log.Length < 40L * 1024 * 1024, $"The log is {log.Length / 1024 / 1024} MB: it is not being checkpointed.");
    }

    /// <summary>Submits officers of its State to sessions with request ids, and withdraws some of its own.</summary>
    private async Task FocalPointAsync(NominationWorld world, List<Officer> officers, List<Session> sessions, Random random, CancellationToken stop)
    {
        var mine = new List<Nomination>();
        while (!stop.IsCancellationRequested)
        {
            var officer = officers[random.Next(officers.Count)];
            var region = officer.Name.Split('/')[1];
            var client = region == "SN" ? world.Senegal : world.France;
            var submitted = await CallAsync("submit", () => client.SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = $"memberStates/{region}",
                Nomination = new Nomination { Officer = officer.Name, Session = sessions[random.Next(sessions.Count)].Name },
                RequestId = Guid.NewGuid().ToString(),
            }, deadline: Deadline()).ResponseAsync);
            if (submitted is not null) mine.Add(submitted.Nomination);
            if (mine.Count > 0 && random.NextDouble() < 0.3)
            {
                var withdrawn = mine[random.Next(mine.Count)];
                mine.Remove(withdrawn);
                var owner = withdrawn.Name.Split('/')[1] == "SN" ? world.Senegal : world.France;
                await CallAsync("withdraw", () => owner.WithdrawNominationAsync(
                    new WithdrawNominationRequest { Name = withdrawn.Name, Reason = "Posted elsewhere" }, deadline: Deadline()).ResponseAsync);
            }
        }
    }

    /// <summary>Confirms or waitlists what is submitted, session by session.</summary>
    private async Task AdministratorAsync(NominationWorld world, List<Session> sessions, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var session = sessions[random.Next(sessions.Count)];
            var pending = await CallAsync("list", () => world.Admin.ListNominationsAsync(new ListNominationsRequest
            {
                Parent = "memberStates/-",
                Session = session.Name,
                States = { Nomination.Types.State.Submitted },
                PageSize = 5,
            }, deadline: Deadline()).ResponseAsync);
            foreach (var nomination in pending?.Nominations ?? [])
            {
                if (random.NextDouble() < 0.7)
                    await CallAsync("confirm", () => world.Admin.ConfirmNominationAsync(
                        new ConfirmNominationRequest { Name = nomination.Name }, deadline: Deadline()).ResponseAsync);
                else
                    await CallAsync("waitlist", () => world.Admin.WaitlistNominationAsync(
                        new WaitlistNominationRequest { Name = nomination.Name }, deadline: Deadline()).ResponseAsync);
            }
        }
    }

    private async Task ReaderAsync(NominationWorld world, List<Session> sessions, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await CallAsync("list", () => world.Admin.ListNominationsAsync(
                new ListNominationsRequest { Parent = "memberStates/-", PageSize = 500 }, deadline: Deadline()).ResponseAsync);
            await CallAsync("statistics", () => world.Admin.GetSessionStatisticsAsync(
                new GetSessionStatisticsRequest { Session = sessions[0].Name }, deadline: Deadline()).ResponseAsync);
        }
    }

    /// <summary>A terminal client on a blinking link: watches for a moment, drops, resumes from the last sequence it saw.</summary>
    private async Task ResumingWatcherAsync(NominationWorld world, long baseline, List<long> received, Random random, CancellationToken stop)
    {
        var last = baseline;
        while (!stop.IsCancellationRequested)
        {
            using var blink = CancellationTokenSource.CreateLinkedTokenSource(stop);
            blink.CancelAfter(TimeSpan.FromMilliseconds(random.Next(200, 800)));
            last = await WatchAsync(world, last, received, blink.Token);
        }
    }

    /// <summary>A client resuming from far back: replays the stored events from the first, then drops and starts over.</summary>
    private async Task ReplayingWatcherAsync(NominationWorld world, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var blink = CancellationTokenSource.CreateLinkedTokenSource(stop);
            blink.CancelAfter(TimeSpan.FromSeconds(1));
            await WatchAsync(world, 1, null, blink.Token);
        }
    }

    /// <summary>Watches from <paramref name="since"/> until <paramref name="until"/>; returns the last sequence seen.</summary>
    private async Task<long> WatchAsync(NominationWorld world, long since, List<long>? received, CancellationToken until)
    {
        var opened = Stopwatch.StartNew();
        var last = since;
        var code = StatusCode.OK;
        try
        {
            using var watch = world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = since },
                cancellationToken: until);
            while (await watch.ResponseStream.MoveNext(until))
            {
                last = watch.ResponseStream.Current.Sequence;
                received?.Add(last);
            }
        }
        catch (RpcException) when (until.IsCancellationRequested)
        {
            // The watcher let go itself (the client reports its own abort as CANCELLED or, racing, UNAVAILABLE).
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            output.WriteLine($"watch from {since} ended: {e.Status}");
        }
        _calls.Add(("watch", code, TimeSpan.Zero));
        return last;
    }

    private async Task<T?> CallAsync<T>(string name, Func<Task<T>> call) where T : class
    {
        var took = Stopwatch.StartNew();
        try
        {
            var answer = await call();
            _calls.Add((name, StatusCode.OK, took.Elapsed));
            return answer;
        }
        catch (RpcException e)
        {
            _calls.Add((name, e.StatusCode, took.Elapsed));
            return null;
        }
    }

    /// <summary>Every event after <paramref name="baseline"/>, read by one watch up to the latest sequence.</summary>
    private static async Task<List<long>> AllEventsAfterAsync(NominationWorld world, long baseline)
    {
        var latest = (await world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-", PageSize = 1 })).WatchSequence;
        var all = new List<long>();
        using var watch = world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = baseline },
            deadline: Deadline());
        while (all.Count == 0 || all[^1] < latest)
        {
            Assert.True(await watch.ResponseStream.MoveNext());
            all.Add(watch.ResponseStream.Current.Sequence);
        }
        return all;
    }

    private static DateTime Deadline() => DateTime.UtcNow + CallDeadline;
}
