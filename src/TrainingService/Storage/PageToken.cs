using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>
/// Opaque keyset page tokens: the last key seen, bound to the query that produced it by a fingerprint of
/// its filters, so a token replayed with other filters is refused instead of silently skipping rows.
/// </summary>
public static class PageToken
{
    public static string Encode(string afterKey, string queryFingerprint)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(afterKey, Fingerprint(queryFingerprint)));
        return Base64Url(json);
    }

    /// <summary>The key to continue after, or null for the first page.</summary>
    public static string? Decode(string? token, string queryFingerprint)
    {
        if (string.IsNullOrEmpty(token)) return null;
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(FromBase64Url(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new InvalidInputException("page_token", "This page token is not one this service issued.");
        }
        if (payload is null || string.IsNullOrEmpty(payload.K))
            throw new InvalidInputException("page_token", "This page token is not one this service issued.");
        if (payload.F != Fingerprint(queryFingerprint))
            throw new InvalidInputException("page_token",
                "This page token belongs to a query with other filters; start again without a page token.");
        return payload.K;
    }

    /// <summary>The next page token for a page, or empty at the end.</summary>
    public static string Next<T>(Page<T> page, string queryFingerprint) =>
        page.NextAfterKey is null ? "" : Encode(page.NextAfterKey, queryFingerprint);

    private static string Fingerprint(string query) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)), 0, 8);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }

    private sealed record Payload(string K, string F);
}
