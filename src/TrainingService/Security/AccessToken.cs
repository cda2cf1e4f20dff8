using Training.Service.Domain.Common;

namespace Training.Service.Security;

public enum Role { Unspecified = 0, Administrator = 1, FocalPoint = 2, Integration = 3, Auditor = 4 }

/// <summary>The Member States an integration token acts for, and whether it may write.</summary>
public sealed class IntegrationScope
{
    public List<string> RegionCodes { get; set; } = [];
    public bool AllMemberStates { get; set; }
    public bool ReadWrite { get; set; }

    public bool Covers(string regionCode) => AllMemberStates || RegionCodes.Contains(regionCode);
}

/// <summary>An issued credential. Only a SHA-256 hash of its secret is stored.</summary>
public sealed class AccessToken
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public string? RegionCode { get; set; }
    public IntegrationScope? Scope { get; set; }
    public string SecretHash { get; set; } = "";
    public DateTime? ExpireTime { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime? RevokeTime { get; set; }
    public string Creator { get; set; } = "";
    /// <summary>Tokens minted for the demo at start-up; revoked at the next demo start.</summary>
    public bool Demo { get; set; }

    /// <summary>Newest-first listing key: inverted creation ticks, then id.</summary>
    public string CreateKey { get; set; } = "";

    public string Name => ResourceNames.AccessToken(Id);

    public bool IsActiveAt(DateTime now) => RevokeTime is null && (ExpireTime is null || ExpireTime > now);

    public static string CreateKeyFor(DateTime createTime, string id) =>
        $"{DateTime.MaxValue.Ticks - createTime.Ticks:D19}/{id}";
}
