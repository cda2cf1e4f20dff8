using Google.Protobuf.Reflection;
using Grpc.Core;
using Training.Service.Tests.Support;
using static Training.Service.Tests.Support.WireBytes;

namespace Training.Service.Tests.Edge;

/// <summary>
/// Bytes that are not a protobuf message, sent to every method of every service by an administrator, a focal point
/// and an anonymous caller: each is refused as the caller's error (INVALID_ARGUMENT, MALFORMED_REQUEST) before any
/// handler runs, never answered UNKNOWN or INTERNAL.
/// </summary>
public sealed class MalformedRequestTests(EdgeCallers callers) : IClassFixture<EdgeCallers>
{
    public static TheoryData<string> Malformations => new(Cases.Keys);

    private static readonly Dictionary<string, Func<MethodDescriptor, byte[]?>> Cases = new()
    {
        ["wire type 6"] = _ => Concat(Tag(1, 6), [1]),
        ["wire type 7"] = _ => Concat(Tag(1, 7), [1]),
        ["truncated varint"] = _ => Concat(Tag(1, Varint), [0x80]),
        ["overlong varint"] = _ => Concat(Tag(1, Varint), [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
        ["length of 2^31"] = _ => Concat(Tag(1, LengthDelimited), VarintOf(1UL << 31), [1]),
        ["length of 2^32 - 1"] = _ => Concat(Tag(1, LengthDelimited), VarintOf(uint.MaxValue), [1]),
        ["length past the end"] = _ => Concat(Tag(1, LengthDelimited), VarintOf(40), [1, 2, 3]),
        ["group left open"] = _ => Tag(15, StartGroup),
        ["group closed that was never opened"] = _ => Tag(15, EndGroup),
        ["field number 0"] = _ => [0x00, 0x01],
        ["nesting 101 deep"] = _ => NestedGroups(101),
        ["nesting 10,000 deep"] = _ => NestedGroups(10_000),
        ["invalid UTF-8 in a string"] = m => InFirstStringField(m.InputType, [0x41, 0xC3, 0x28, 0x42]),
        ["lone surrogate in a string"] = m => InFirstStringField(m.InputType, [0xED, 0xA0, 0x80]),
        ["truncated UTF-8 in a string"] = m => InFirstStringField(m.InputType, [0x41, 0xE2, 0x82]),
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public async Task AMalformedRequest_IsRefusedAsMalformed_ByEveryMethod_ForEveryCaller(string malformation)
    {
        var wrong = new List<string>();
        foreach (var method in RawCalls.AllMethods)
        {
            if (Cases[malformation](method) is not { } bytes) continue;
            foreach (var (who, invoker) in callers.All)
            {
                var answer = await RawCalls.SendAsync(invoker, method, bytes, TimeSpan.FromSeconds(30));
                if (!IsRefusedAsMalformed(method, who, answer)) wrong.Add($"{method.FullName} as {who}: {answer}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong answers:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task AMalformedRequest_IsAnsweredWithoutAStackTraceOrAPath()
    {
        var answer = await RawCalls.SendAsync(callers.All[EdgeCallers.Anonymous], RawCalls.Method("RosterService/SearchOfficers"),
            Concat(Tag(1, 7), [1]), TimeSpan.FromSeconds(30));

        Assert.Equal((StatusCode.InvalidArgument, "MALFORMED_REQUEST"), (answer.Code, answer.Reason));
        Assert.Contains("unpol.training.v1.SearchOfficersRequest", answer.Detail);
        Assert.DoesNotContain(" at ", answer.Detail);
        Assert.DoesNotContain("/", answer.Detail.Replace("unpol.training.v1", ""));
    }

    /// <summary>
    /// A method whose requests are a stream reads them in its handler, after authentication and the right: there a
    /// caller without the right is refused first. Everyone else meets the malformed bytes first.
    /// </summary>
    private static bool IsRefusedAsMalformed(MethodDescriptor method, string who, RawAnswer answer)
    {
        if (answer.Code == StatusCode.InvalidArgument && answer.Reason == "MALFORMED_REQUEST") return true;
        return method.IsClientStreaming && who != EdgeCallers.FocalPoint
            && answer.Code is StatusCode.Unauthenticated or StatusCode.PermissionDenied;
    }
}
