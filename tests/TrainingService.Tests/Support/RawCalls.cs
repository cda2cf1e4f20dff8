using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Unpol.Training.V1;

namespace Training.Service.Tests.Support;

/// <summary>One answer to a raw call: its status (OK when it succeeded), ErrorInfo reason, detail and how long it took.</summary>
public sealed record RawAnswer(StatusCode Code, string Reason, string Detail, TimeSpan Elapsed)
{
    public override string ToString() => $"{Code} {Reason} in {Elapsed.TotalMilliseconds:0} ms: {Detail}";
}

/// <summary>
/// Calls any RPC with arbitrary bytes as its request, as a hostile or buggy client can: the bytes go on the wire as
/// they are, whatever the method's request type. Streaming methods get the bytes as their one request message.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>One <see cref="Method{TRequest,TResponse}"/> per method: a channel keeps what it learns of each one it sees.</summary>
    private static readonly ConcurrentDictionary<MethodDescriptor, Method<byte[], byte[]>> RawMethods = new();

    /// <summary>Every method of every service the contract declares (found by reflection: a new one is covered at once), and health.</summary>
    public static IReadOnlyList<MethodDescriptor> AllMethods { get; } =
        typeof(AccessService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .Select(p => (ServiceDescriptor)p!.GetValue(null)!)
            .Where(s => s.File.Package == "unpol.training.v1")
            .Append(Grpc.Health.V1.Health.Descriptor)
            .SelectMany(s => s.Methods)
            .OrderBy(m => m.FullName, StringComparer.Ordinal)
            .ToList();

    private static MethodType TypeOf(MethodDescriptor method) => method.IsClientStreaming
        ? method.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming
        : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;

    public static MethodDescriptor Method(string serviceAndMethod) =>
        AllMethods.Single(m => $"{m.Service.Name}/{m.Name}" == serviceAndMethod);

    /// <summary>A call that has not ended this long after its deadline never will: it is reported, not waited for.</summary>
    private static readonly TimeSpan NoAnswerGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="method"/> and reads the whole answer. A call still open after
    /// <paramref name="deadline"/> (a watch with nothing to send) ends as DEADLINE_EXCEEDED; one that does not end even
    /// then (its connection lost without a word) is answered UNKNOWN, reason NO_ANSWER, so a run reports it and goes on.
    /// </summary>
    public static async Task<RawAnswer> SendAsync(CallInvoker invoker, MethodDescriptor method, byte[] request, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await AnswerAsync(invoker, method, request, deadline, clock).WaitAsync(deadline + NoAnswerGrace);
        }
        catch (TimeoutException)
        {
            return new RawAnswer(StatusCode.Unknown, "NO_ANSWER", $"no answer {NoAnswerGrace.TotalSeconds:0} s after the deadline", clock.Elapsed);
        }
    }

    private static async Task<RawAnswer> AnswerAsync(CallInvoker invoker, MethodDescriptor method, byte[] request, TimeSpan deadline,
        Stopwatch clock)
    {
        var raw = RawMethods.GetOrAdd(method, m => new Method<byte[], byte[]>(TypeOf(m), m.Service.FullName, m.Name, Bytes, Bytes));
        var type = raw.Type;
        var options = new CallOptions(deadline: DateTime.UtcNow + deadline);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(raw, null, options, request);
                    break;
                case MethodType.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(raw, null, options, request);
                    while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                }
                default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(raw, null, options);
                    try
                    {
                        await call.RequestStream.WriteAsync(request);
                        await call.RequestStream.CompleteAsync();
                    }
                    catch (RpcException)
                    {
                        // The service answered before taking the request: its answer is on the response stream.
                    }
                    catch (InvalidOperationException)
                    {
                        // The call already ended; same as above.
                    }
                    while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
                    break;
                }
            }
            return new RawAnswer(StatusCode.OK, "", "", clock.Elapsed);
        }
        catch (RpcException e)
        {
            return new RawAnswer(e.StatusCode, e.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason ?? "", e.Status.Detail, clock.Elapsed);
        }
    }
}
