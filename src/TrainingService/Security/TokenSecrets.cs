using System.Security.Cryptography;
using System.Text;

namespace Training.Service.Security;

/// <summary>Bearer secrets: 256 random bits, shown once, stored as a SHA-256 hash.</summary>
public static class TokenSecrets
{
    public const string Prefix = "trn_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
