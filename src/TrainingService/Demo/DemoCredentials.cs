using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Security;
using Training.Service.Storage;

namespace Training.Service.Demo;

/// <summary>One demo credential: whom it acts as, its token's resource name, and its secret.</summary>
public sealed record DemoCredential(Role Role, string? RegionCode, string DisplayName, string AccessToken, string Secret)
{
    /// <summary>How the start-up block names it, e.g. "administrator", "focal point SN".</summary>
    [JsonIgnore]
    public string Label => Role == Role.FocalPoint ? $"focal point {RegionCode}" : Role.ToString().ToLowerInvariant();
}

/// <summary>
/// The demo credentials minted at this start. Saved as JSON (this record, camelCase, roles as <c>FOCAL_POINT</c>)
/// to <see cref="FilePath"/>, where the terminal client reads them to log in.
/// </summary>
/// <param name="Service">The address the service listens on, when configuration names it.</param>
public sealed record DemoCredentials(string? Service, DateTime IssueTime, IReadOnlyList<DemoCredential> Credentials)
{
    [JsonIgnore]
    public string FilePath { get; init; } = "";

    public DemoCredential For(Role role, string? regionCode = null) =>
        Credentials.First(c => c.Role == role && c.RegionCode == regionCode);

    /// <summary>The start-up block: where to connect, one line per credential, and the file.</summary>
    public void Print(TextWriter output)
    {
        const int width = 17;
        output.WriteLine("Demo credentials (new at every start with --demo; the previous demo tokens are revoked):");
        output.WriteLine($"  {"service",-width}{Service ?? "(the address in the log below)"}  gRPC over HTTP/2, metadata \"authorization: Bearer <secret>\"");
        foreach (var credential in Credentials) output.WriteLine($"  {credential.Label,-width}{credential.Secret}");
        output.WriteLine($"  {"saved to",-width}{FilePath} (readable by this user only)");
    }
}

/// <summary>
/// Mints the demo's credentials: an administrator, an auditor and focal points of three demo States (francophone,
/// bilingual, Arabic-speaking). Secrets are stored only as hashes, so each start mints new ones and revokes every
/// earlier demo token, leaving exactly one working set.
/// </summary>
public sealed class DemoCredentialIssuer(
    TokenIssuer issuer,
    IAccessTokenRepository tokens,
    IReferenceData reference,
    IOptions<StorageOptions> storage,
    TimeProvider clock)
{
    public const string FileName = "demo-credentials.json";

    private static readonly Actor Minter = Actor.System("Demo/IssueCredentials");

    private static readonly (Role Role, string? RegionCode)[] Wanted =
    [
        (Role.Administrator, null),
        (Role.Auditor, null),
        (Role.FocalPoint, "SN"),
        (Role.FocalPoint, "RW"),
        (Role.FocalPoint, "JO"),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>Next to the database file (the directory of <c>Storage:Path</c>).</summary>
    public string FilePath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.Path))!, FileName);

    /// <summary>Revokes every active demo token, issues a fresh set and saves it to <see cref="FilePath"/>.</summary>
    public DemoCredentials IssueFresh(string? service)
    {
        foreach (var stale in tokens.ActiveDemoTokens()) issuer.RevokeAsync(Minter, stale.Id).GetAwaiter().GetResult();

        var issued = Wanted.Select(wanted =>
        {
            var (token, secret) = issuer.IssueAsync(Minter, new AccessToken
            {
                DisplayName = DisplayName(wanted.Role, wanted.RegionCode),
                Role = wanted.Role,
                RegionCode = wanted.RegionCode,
                Demo = true,
            }).GetAwaiter().GetResult(); // at start-up, before the service answers anyone
            return new DemoCredential(token.Role, token.RegionCode, token.DisplayName, token.Name, secret);
        }).ToList();

        var credentials = new DemoCredentials(service, clock.UtcNow(), issued) { FilePath = FilePath };
        Save(credentials);
        return credentials;
    }

    private string DisplayName(Role role, string? regionCode) => role switch
    {
        Role.FocalPoint => $"Demo focal point, {reference.MemberState(regionCode!)?.DisplayName ?? regionCode}",
        _ => $"Demo {role.ToString().ToLowerInvariant()}",
    };

    /// <summary>
    /// Writes a new file created owner-only (secrets never sit in a readable file, not even for a moment), then
    /// moves it over the old one, so a reader sees either the old set or the whole new one.
    /// </summary>
    private static void Save(DemoCredentials credentials)
    {
        var path = credentials.FilePath;
        var pending = path + ".new";
        File.Delete(pending);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(pending, options))
            JsonSerializer.Serialize(stream, credentials, Json);
        File.Move(pending, path, overwrite: true);
    }
}
