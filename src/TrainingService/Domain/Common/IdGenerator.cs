using System.Security.Cryptography;

namespace Training.Service.Domain.Common;

/// <summary>Random resource ids: a letter, then 11 of [a-z0-9] (about 57 bits).</summary>
public static class IdGenerator
{
    public static string New()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> id = stackalloc char[12];
        id[0] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        for (var i = 1; i < id.Length; i++) id[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(id);
    }
}
