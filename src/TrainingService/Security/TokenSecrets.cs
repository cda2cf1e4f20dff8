using System.Security.Cryptography;
using System.Text;

namespace Training.Service.Security;

/// <summary>Bearer secrets: 256 random bits, shown once, stored as a SHA-256 hash.</summary>
public static class TokenSecrets
{
    public const string Prefix = "trn_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A short random id for resource names: a letter, then 11 of [a-z0-9].</summary>
    public static string NewId()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> id = stackalloc char[12];
        id[0] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        for (var i = 1; i < id.Length; i++) id[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(id);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
