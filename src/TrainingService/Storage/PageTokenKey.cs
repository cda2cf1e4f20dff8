using System.Security.Cryptography;

namespace Training.Service.Storage;

/// <summary>
/// The server-side secret that authenticates page tokens, so a client can neither mint one nor alter one (AIP-158:
/// tokens are opaque). Generated once and kept in a file beside the database, readable by the service's user only,
/// so tokens handed out before a restart still work after it.
/// </summary>
public sealed class PageTokenKey
{
    public const int Length = 32;
    public const string FileSuffix = ".page-token-key";

    private PageTokenKey(byte[] secret) => Secret = secret;

    internal byte[] Secret { get; }

    /// <summary>The key of the database at <paramref name="databasePath"/>: read from its key file, or made and saved there.</summary>
    public static PageTokenKey ForDatabase(string databasePath)
    {
        var path = Path.GetFullPath(databasePath) + FileSuffix;
        if (File.Exists(path))
        {
            var stored = File.ReadAllBytes(path);
            // A key file of another length was not written by this service: replacing it only ends open listings.
            if (stored.Length == Length)
            {
                OwnerOnly(path);
                return new PageTokenKey(stored);
            }
        }
        var secret = RandomNumberGenerator.GetBytes(Length);
        Save(path, secret);
        return new PageTokenKey(secret);
    }

    /// <summary>A key for this process only (tests of the token format).</summary>
    public static PageTokenKey Ephemeral() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Writes a new file created owner-only, synced, then moved into place: never a readable or half-written key.</summary>
    private static void Save(string path, byte[] secret)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(secret);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
