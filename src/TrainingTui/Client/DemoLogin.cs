using System.Text.Json;

namespace Training.Tui.Client;

/// <summary>
/// Logging in with the credentials a demo service writes at start-up (demo-credentials.json), as
/// "administrator", "auditor" or "focal-point-SN".
/// </summary>
public static class DemoLogin
{
    public const string DefaultIdentity = "focal-point-SN";

    public sealed record Choice(string Secret, string? Service);

    public static Choice Read(string path, string identity)
    {
        if (!File.Exists(path)) throw new ArgumentException(Strings.Format("Demo_FileMissing", path));
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var service = document.RootElement.TryGetProperty("service", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var available = new List<string>();
        foreach (var credential in document.RootElement.GetProperty("credentials").EnumerateArray())
        {
            var role = credential.GetProperty("role").GetString() ?? "";
            var region = credential.TryGetProperty("regionCode", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var name = role == "FOCAL_POINT" ? $"focal-point-{region}" : role.ToLowerInvariant();
            available.Add(name);
            if (string.Equals(name, identity, StringComparison.OrdinalIgnoreCase))
                return new Choice(credential.GetProperty("secret").GetString() ?? "", service);
        }
        throw new ArgumentException(Strings.Format("Demo_NoSuchCredential", identity, string.Join(", ", available)));
    }
}
