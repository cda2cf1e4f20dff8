using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>How an access token reads on screen: its role, whom it acts for, and whether it still works.</summary>
public static class TokenText
{
    /// <summary>The roles by the names the token form takes, in the enum's order.</summary>
    public static readonly IReadOnlyList<string> RoleNames = ["administrator", "focal point", "integration", "auditor"];

    public static string Role(Role role) => role == Unpol.Training.V1.Role.Unspecified ? "—" : RoleNames[(int)role - 1];

    /// <summary>"SN" for a focal point; "SN, RW read-write" or "all States, read-only" for an integration.</summary>
    public static string For(AccessToken token) => token.Role switch
    {
        Unpol.Training.V1.Role.FocalPoint => token.RegionCode,
        Unpol.Training.V1.Role.Integration when token.Scope is { } scope =>
            $"{(scope.AllMemberStates ? "all States" : string.Join(", ", scope.RegionCodes))}, {(scope.ReadWrite ? "read-write" : "read-only")}",
        Unpol.Training.V1.Role.Integration => "no scope",
        _ => "all",
    };

    /// <summary>"active", "revoked 3 Jan 2027", "expired 1 Jan 2027".</summary>
    public static string Standing(AccessToken token, DateTime now) =>
        token.RevokeTime is { } revoked ? $"revoked {Format.Day(revoked)}"
        : token.ExpireTime is { } expires && expires.ToDateTime() <= now ? $"expired {Format.Day(expires)}"
        : "active";

    public static bool Active(AccessToken token, DateTime now) => Standing(token, now) == "active";

    /// <summary>The OSC 52 sequence that asks the terminal to put <paramref name="text"/> on the clipboard (xterm, iTerm2, tmux, kitty…).</summary>
    public static string Osc52(string text) => $"\u001b]52;c;{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}\u0007";
}
