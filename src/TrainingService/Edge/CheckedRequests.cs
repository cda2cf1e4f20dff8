using Google.Protobuf;
using Grpc.Core;

namespace Training.Service.Edge;

/// <summary>
/// Request deserialisation that refuses bad input as the caller's error. grpc-dotnet reads a unary or
/// server-streaming request before any interceptor runs, and answers UNKNOWN for whatever the parser throws;
/// this reader turns malformed bytes into MALFORMED_REQUEST and requests over their count or size limits into
/// REQUEST_TOO_LARGE, before authentication, so an anonymous caller is refused the same way.
/// </summary>
public static class CheckedRequests
{
    /// <summary><paramref name="generated"/> with a checking reader; marshallers of non-protobuf types are kept.</summary>
    public static Marshaller<T> Reader<T>(Marshaller<T> generated, string method, RefusalLog log) where T : class
    {
        if (!typeof(IMessage).IsAssignableFrom(typeof(T))) return generated;
        var descriptor = ((IMessage)Activator.CreateInstance(typeof(T))!).Descriptor;
        // Unknown fields are of no use to this service; keeping them would only hold the caller's bytes longer.
        var parser = descriptor.Parser.WithDiscardUnknownFields(true);
        return new Marshaller<T>(generated.ContextualSerializer, context => Read<T>(context, parser, descriptor.FullName, method, log));
    }

    private static T Read<T>(DeserializationContext context, MessageParser parser, string type, string method, RefusalLog log)
    {
        IMessage request;
        try
        {
            request = parser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        // The parser reads nothing but the caller's bytes (nesting is bounded by its recursion limit of 100), so
        // whatever it throws is about those bytes.
        catch (Exception e)
        {
            var problem = e is InvalidProtocolBufferException ? FirstSentence(e.Message) : "its bytes cannot be read as one.";
            log.Refused(method, Refusals.MalformedRequest, problem);
            throw Refusals.Malformed(type, problem);
        }
        var violations = RequestLimits.Check(request);
        if (violations.Count > 0)
        {
            log.Refused(method, Refusals.RequestTooLarge, $"{violations[0].Field} {violations[0].Description}");
            throw Refusals.TooLarge(violations);
        }
        return (T)request;
    }

    /// <summary>The parser's explanation without its advice to the parser's own user ("Use CodedInputStream…").</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
