using System.Diagnostics;
using Training.Service.Domain.Audit;
using Training.Service.Domain.Common;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Bench;

/// <summary>
/// What LiteDB itself allows for submissions on this machine: one thread writing, per submission, the same four
/// documents the service writes (the nomination with its indexes, the feed event, the audit event, the request-id
/// entry), <see cref="PerCommit"/> submissions per transaction, each commit made durable by a log fsync — no gRPC,
/// no rules, no reads. The service's submission rate is judged against this figure, measured in the same run.
/// </summary>
public static class WriteCeiling
{
    public const int PerCommit = 26;

    public static Task RunAsync(BenchOptions options, string seed)
    {
        var path = BenchDatabase.FreshCopy(options, seed, "ceiling");
        long submissions = 0;
        var commitTimes = new List<double>();
        var seconds = Math.Min(options.Seconds, 30);
        using (var database = TrainingDatabase.OpenFile(path))
        {
            var random = new Random(11);
            long ordinal = 0, sequence = 0;
            var writerCpu = 0.0;
            database.Write(() => writerCpu = WriterGauge.WriterCpuSeconds());
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var started = Stopwatch.GetTimestamp();
                database.Write(() =>
                {
                    for (var i = 0; i < PerCommit; i++) WriteOneSubmission(database, random, options, ++ordinal, ++sequence);
                });
                commitTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                submissions += PerCommit;
            }
            var rate = submissions / watch.Elapsed.TotalSeconds;
            database.Write(() => writerCpu = WriterGauge.WriterCpuSeconds() - writerCpu);
            commitTimes.Sort();
            Console.WriteLine($"LiteDB ceiling: {submissions:N0} submissions in {watch.Elapsed.TotalSeconds:0} s = {rate:N0}/s " +
                              $"({PerCommit} per commit, log fsync'd each commit; commit p50 {commitTimes[commitTimes.Count / 2]:0.00} ms; " +
                              $"writer thread CPU {writerCpu * 1e6 / submissions:0} µs per submission)");
        }
        return Task.CompletedTask;
    }

    private static void WriteOneSubmission(TrainingDatabase database, Random random, BenchOptions options, long ordinal, long sequence)
    {
        var s = random.Next(BenchData.MemberStates.Length);
        var region = BenchData.MemberStates[s];
        var officerId = $"o{random.Next(BenchData.OfficersIn(s, options.Officers)):D6}";
        var session = random.Next(options.Sessions);
        var now = DateTime.UtcNow;
        var id = Nomination.IdFor(ordinal);
        var nomination = new Nomination
        {
            Key = $"{region}/{id}", RegionCode = region, Id = id, Ordinal = ordinal, OfficerId = officerId, Kind = TargetKind.Session,
            TargetKey = $"course-{session % 40:D2}/s{session:D5}", State = NominationState.Submitted, OfficerDisplayName = "Diop, Awa",
            OfficerGender = Gender.Female, CreateTime = now, UpdateTime = now, Revision = 1,
            History = [new NominationTransition { From = NominationState.Unspecified, To = NominationState.Submitted, Time = now, Actor = "accessTokens/bench", ActorDisplayName = "Bench focal point" }],
        };
        database.Nominations.Insert(nomination);
        database.RequestLedger.Insert(new RequestLedgerEntry
        {
            Key = $"SubmitNomination|{region}|{Guid.NewGuid()}", ResourceName = nomination.Name, Fingerprint = "0123456789ABCDEF0123456789ABCDEF", CreateTime = now,
        });
        database.NominationEvents.Insert(new NominationEventRecord
        {
            Sequence = sequence, EventTime = now, RegionCode = region, TargetIndexKey = nomination.TargetIndexKey, Nomination = nomination,
        });
        database.AuditEvents.Insert(new AuditEvent
        {
            Sequence = sequence, EventTime = now, Actor = "accessTokens/bench", ActorDisplayName = "Bench focal point",
            Method = "NominationService/SubmitNomination", Resource = nomination.Name, Summary = $"nominated {nomination.OfficerName} to {nomination.TargetName}",
        });
    }
}
