using System.Security.Cryptography;
using Google.Protobuf;

namespace Training.Service.Api;

/// <summary>
/// What a request asked, apart from its request id, as a short hash: a retry sends the same bytes (protobuf
/// writes fields in number order), so the same id with another fingerprint is another request reusing the id.
/// </summary>
public static class RequestFingerprint
{
    public const string RequestIdField = "request_id";

    public static string Of(IMessage request)
    {
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        request.Descriptor.FindFieldByName(RequestIdField)?.Accessor.Clear(copy);
        return Convert.ToHexString(SHA256.HashData(copy.ToByteArray()), 0, 16);
    }
}
