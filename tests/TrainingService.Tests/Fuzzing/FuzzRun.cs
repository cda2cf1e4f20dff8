using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Training.Service.Tests.Support;

namespace Training.Service.Tests.Fuzzing;

/// <summary>
/// Sends fuzzed requests to every method as each caller, a few at a time, and sorts the answers: the documented
/// caller-error codes (and success) are fine; anything else (UNKNOWN, INTERNAL, UNAVAILABLE, a hang) is a finding.
/// </summary>
public static class FuzzRun
{
    /// <summary>What a hostile request may be answered with: success, or a caller's error the API documents.</summary>
    public static readonly IReadOnlySet<StatusCode> CallerErrors = new HashSet<StatusCode>
    {
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.FailedPrecondition,
        StatusCode.Aborted, StatusCode.OutOfRange, StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.ResourceExhausted,
    };

    /// <summary>Streams that stay open while nothing happens: a valid request is left waiting and ends at its deadline.</summary>
    private static bool StaysOpen(MethodDescriptor method) => method.IsServerStreaming && method.Name.StartsWith("Watch", StringComparison.Ordinal);

    /// <summary>
    /// A stream left open ends at its deadline: the client says DEADLINE_EXCEEDED, or, when the service's own deadline
    /// reset the stream a moment first, CANCELLED or UNAVAILABLE. Either way it lasted its time.
    /// </summary>
    private static bool EndedAtItsDeadline(RawAnswer answer) =>
        answer.Code == StatusCode.DeadlineExceeded
        || (answer.Code is StatusCode.Cancelled or StatusCode.Unavailable && answer.Elapsed >= OpenStreamDeadline * 0.9);

    private static readonly TimeSpan OpenStreamDeadline = TimeSpan.FromMilliseconds(500);

    public sealed record Finding(string Method, string Caller, string Kind, RawAnswer Answer)
    {
        public override string ToString() => $"{Method} as {Caller}, {Kind}: {Answer}";
    }

    /// <param name="Times">How long each answer took, except streams that stay open.</param>
    public sealed record Report(int Requests, IReadOnlyDictionary<StatusCode, int> Codes, IReadOnlyList<Finding> Findings,
        TimeSpan Slowest, string SlowestCall, TimeSpan Elapsed, IReadOnlyList<TimeSpan> Times);

    /// <summary>
    /// Sends <paramref name="requests"/> requests (methods and callers in turn, kinds at random from
    /// <paramref name="seed"/>); an answer slower than <paramref name="bound"/> is a finding too.
    /// </summary>
    public static async Task<Report> RunAsync(IReadOnlyDictionary<string, CallInvoker> callers, int requests, int seed,
        TimeSpan bound, int parallelism = 4)
    {
        var methods = RawCalls.AllMethods;
        var who = callers.Keys.ToList();
        var plan = new List<(MethodDescriptor Method, string Caller, string Kind, byte[] Bytes)>(requests);
        var fuzzer = new RequestFuzzer(seed);
        for (var i = 0; i < requests; i++)
        {
            var method = methods[i % methods.Count];
            var (kind, bytes) = fuzzer.Next(method);
            plan.Add((method, who[i / methods.Count % who.Count], kind, bytes));
        }

        var codes = new ConcurrentDictionary<StatusCode, int>();
        var findings = new ConcurrentBag<Finding>();
        var times = new ConcurrentBag<TimeSpan>();
        var slowest = (Time: TimeSpan.Zero, Call: "");
        var gate = new object();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (step, _) =>
        {
            var staysOpen = StaysOpen(step.Method);
            var answer = await RawCalls.SendAsync(callers[step.Caller], step.Method, step.Bytes,
                staysOpen ? OpenStreamDeadline : bound);
            codes.AddOrUpdate(answer.Code, 1, (_, n) => n + 1);
            var acceptable = CallerErrors.Contains(answer.Code) || (staysOpen && EndedAtItsDeadline(answer));
            if (!acceptable || (!staysOpen && answer.Elapsed > bound))
                findings.Add(new Finding(step.Method.FullName, step.Caller, step.Kind, answer));
            if (!staysOpen) times.Add(answer.Elapsed);
            lock (gate)
            {
                if (!staysOpen && answer.Elapsed > slowest.Time) slowest = (answer.Elapsed, $"{step.Method.FullName} as {step.Caller}, {step.Kind}");
            }
        });
        return new Report(requests, codes, findings.ToList(), slowest.Time, slowest.Call, clock.Elapsed, times.ToList());
    }
}
