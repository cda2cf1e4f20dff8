using Grpc.Core;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;
using Microsoft.Extensions.DependencyInjection;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Service.Tests.Api;

public sealed class NominationWatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private NominationWorld _world = null!;

    public async Task InitializeAsync() => _world = await NominationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>Reads <paramref name="count"/> events from a watch, failing if they do not come in time.</summary>
    private static async Task<List<NominationEvent>> Take(AsyncServerStreamingCall<NominationEvent> call, int count)
    {
        var events = new List<NominationEvent>();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
                events.Add(call.ResponseStream.Current);
        }
        catch (RpcException e) when (timeout.IsCancellationRequested)
        {
            // Say what came, so a slow machine can be told from a lost event.
            throw new Xunit.Sdk.XunitException(
                $"Only {events.Count} of {count} events within {Patience.TotalSeconds:0} s (sequences {string.Join(", ", events.Select(x => x.Sequence))}): {e.Status}");
        }
        return events;
    }

    [Fact]
    public async Task Watch_DeliversEveryChangeInOrderWithIncreasingSequences()
    {
        var session = await _world.OpenSessionAsync();
        var listed = await _world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" });
        using var watch = _world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = listed.WatchSequence });

        var nomination = await _world.NominateNewOfficerAsync(session, "Diop");
        await _world.Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = nomination.Name });
        await _world.Admin.ConfirmNominationAsync(new ConfirmNominationRequest { Name = nomination.Name });

        var events = await Take(watch, 3);
        Assert.Equal([State.Submitted, State.Waitlisted, State.Confirmed], events.Select(e => e.Nomination.State));
        Assert.Equal([State.Unspecified, State.Submitted, State.Waitlisted], events.Select(e => e.PreviousState));
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(3, events.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Watch_ResumedFromTheLastSequenceSeen_GetsWhatItMissedWithoutGapsOrRepeats()
    {
        var session = await _world.OpenSessionAsync();
        var start = (await _world.Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" })).WatchSequence;
        long lastSeen;
        using (var first = _world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/SN", SinceSequence = start }))
        {
            await _world.NominateNewOfficerAsync(session, "One");
            await _world.NominateNewOfficerAsync(session, "Two");
            var seen = await Take(first, 2);
            lastSeen = seen[^1].Sequence;
        }

        // While disconnected, three more changes happen.
        var three = await _world.NominateNewOfficerAsync(session, "Three");
        await _world.Admin.WaitlistNominationAsync(new WaitlistNominationRequest { Name = three.Name });
        await _world.NominateNewOfficerAsync(session, "Four");

        using var resumed = _world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/SN", SinceSequence = lastSeen });
        var missed = await Take(resumed, 3);
        var five = await _world.NominateNewOfficerAsync(session, "Five");
        var live = await Take(resumed, 1);

        Assert.Equal(["Three", "Three", "Four"], missed.Select(e => e.Nomination.OfficerDisplayName.Split(',')[0]));
        Assert.Equal(five.Name, live.Single().Nomination.Name);
        var sequences = missed.Concat(live).Select(e => e.Sequence).ToList();
        Assert.Equal(lastSeen + 1, sequences[0]);
        Assert.Equal(Enumerable.Range((int)lastSeen + 1, 4).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Watch_FromNow_AnswersItsHeadersAtOnce_AndSeesTheChangeMadeAfterThem_WhateverTheCallerAccepts()
    {
        // Over a real socket, as a stock client calls: grpc-js sends accept-encoding (HTTP compression, not gRPC's)
        // and, watching from sequence 0, waits for the headers to know that nothing committed after them is missed.
        await using var world = await NominationWorld.StartAsync(kestrel: true);
        var session = await world.OpenSessionAsync();
        using var watch = world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/SN" },
            new Metadata { { "accept-encoding", "identity" } });

        await watch.ResponseHeadersAsync.WaitAsync(Patience);
        var nomination = await world.NominateNewOfficerAsync(session, "Diop");

        Assert.Equal(nomination.Name, (await Take(watch, 1)).Single().Nomination.Name);
    }

    [Fact]
    public async Task Watch_OfAFocalPoint_CarriesOnlyItsOwnMemberStatesNominations()
    {
        var session = await _world.OpenSessionAsync();
        var start = (await _world.Senegal.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" })).WatchSequence;
        using var watch = _world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/SN", SinceSequence = start });

        await _world.NominateNewOfficerAsync(session, "Martin", region: "FR");
        var own = await _world.NominateNewOfficerAsync(session, "Diop");

        var events = await Take(watch, 1);
        Assert.Equal(own.Name, events.Single().Nomination.Name);
    }

    [Fact]
    public async Task Watch_AnotherMemberState_IsPermissionDenied()
    {
        using var watch = _world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/FR" });
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        using var all = _world.Senegal.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-" });
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => all.ResponseStream.MoveNext())).StatusCode);
    }

    [Fact]
    public async Task Watch_FilteredToOneSession_SkipsOtherSessions()
    {
        var watched = await _world.OpenSessionAsync();
        var other = await _world.OpenSessionAsync(session: s => { s.StartDate = Samples.Date(2027, 4, 1); s.EndDate = Samples.Date(2027, 4, 5); });
        var start = (await _world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" })).WatchSequence;
        using var watch = _world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", Session = watched.Name, SinceSequence = start });

        await _world.NominateNewOfficerAsync(other, "Elsewhere");
        var here = await _world.NominateNewOfficerAsync(watched, "Here");

        Assert.Equal(here.Name, (await Take(watch, 1)).Single().Nomination.Name);
    }

    [Fact]
    public async Task Watch_FromASequenceOlderThanTheRetainedHistory_IsOutOfRange()
    {
        var session = await _world.OpenSessionAsync();
        await _world.NominateNewOfficerAsync(session, "Old");
        await _world.NominateNewOfficerAsync(session, "Older");
        _world.Service.Clock.Advance(TimeSpan.FromDays(8));
        await _world.Service.Services.GetRequiredService<NominationFeed>().PurgeAsync(TimeSpan.FromDays(7), CancellationToken.None);
        await _world.NominateNewOfficerAsync(session, "New");

        using var watch = _world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = 1 });
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        Assert.Equal("SEQUENCE_EXPIRED", error.Reason());

        var fresh = (await _world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" })).WatchSequence;
        using var relisted = _world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = fresh });
        var later = await _world.NominateNewOfficerAsync(session, "Later");
        Assert.Equal(later.Name, (await Take(relisted, 1)).Single().Nomination.Name);
    }

    [Fact]
    public async Task Watch_AfterConcurrentChanges_SeesEachExactlyOnceInSequenceOrder()
    {
        var session = await _world.OpenSessionAsync(session: s => s.Seats = 100);
        var officers = new List<Officer>();
        for (var i = 0; i < 30; i++) officers.Add(await _world.OfficerAsync(family: $"Par{i:D2}"));
        var start = (await _world.Admin.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/-" })).WatchSequence;
        using var watch = _world.Admin.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/-", SinceSequence = start });

        await Task.WhenAll(officers.Select(o => _world.SubmitAsync(o, session)));

        var events = await Take(watch, 30);
        Assert.Equal(30, events.Select(e => e.Nomination.Name).Distinct().Count());
        Assert.Equal(Enumerable.Range((int)start + 1, 30).Select(i => (long)i), events.Select(e => e.Sequence));
    }
}
