using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Training.Service.Domain.Common;

namespace Training.Service.Storage;

/// <summary>
/// Opaque keyset page tokens: the last key seen, bound to the query that produced it by a fingerprint of its filters
/// (a token replayed with other filters is refused instead of silently skipping rows), and authenticated with the
/// server's <see cref="PageTokenKey"/> (HMAC-SHA-256), so only keys this service handed out ever reach a query.
/// Layout before base64url: version (1), query fingerprint (8), last key (UTF-8), MAC (16).
/// </summary>
public sealed class PageTokens(PageTokenKey key)
{
    private const byte Version = 1;
    private const int FingerprintLength = 8, MacLength = 16, Overhead = 1 + FingerprintLength + MacLength;
    /// <summary>Keys are short ids and instants; a longer token was not made here and is not worth decoding.</summary>
    private const int MaxTokenLength = 1_024;

    public string Encode(string afterKey, string query)
    {
        var keyBytes = Encoding.UTF8.GetBytes(afterKey);
        var token = new byte[Overhead + keyBytes.Length];
        token[0] = Version;
        Fingerprint(query).CopyTo(token.AsSpan(1));
        keyBytes.CopyTo(token.AsSpan(1 + FingerprintLength));
        Mac(token.AsSpan(0, token.Length - MacLength)).CopyTo(token.AsSpan(token.Length - MacLength));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The key to continue after, or null for the first page.</summary>
    public string? Decode(string? token, string query)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var bytes = token.Length <= MaxTokenLength && Base64Url.IsValid(token) ? Base64Url.DecodeFromChars(token) : [];
        if (bytes.Length <= Overhead || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(Mac(bytes.AsSpan(0, bytes.Length - MacLength)), bytes.AsSpan(bytes.Length - MacLength)))
            throw new InvalidInputException("page_token", "This page token is not one this service issued.");
        if (!bytes.AsSpan(1, FingerprintLength).SequenceEqual(Fingerprint(query)))
            throw new InvalidInputException("page_token",
                "This page token belongs to a query with other filters; start again without a page token.");
        return Encoding.UTF8.GetString(bytes, 1 + FingerprintLength, bytes.Length - Overhead);
    }

    /// <summary>The next page token for a page, or empty at the end.</summary>
    public string Next<T>(Page<T> page, string query) =>
        page.NextAfterKey is null ? "" : Encode(page.NextAfterKey, query);

    private static byte[] Fingerprint(string query) => SHA256.HashData(Encoding.UTF8.GetBytes(query))[..FingerprintLength];

    private byte[] Mac(ReadOnlySpan<byte> content) => HMACSHA256.HashData(key.Secret, content)[..MacLength];
}
