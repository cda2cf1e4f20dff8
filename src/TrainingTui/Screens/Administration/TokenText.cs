using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>How an access token reads on screen: its role, whom it acts for, and whether it still works.</summary>
public static class TokenText
{
    /// <summary>The roles by the names the token form takes in English, in the enum's order; a French form takes them too.</summary>
    private static readonly IReadOnlyList<string> EnglishRoleNames = ["administrator", "focal point", "integration", "auditor"];

    /// <summary>The roles by the names the token form shows and takes, in the client's language and the enum's order.</summary>
    public static IReadOnlyList<string> RoleNames =>
    [
        Strings.Get("TokenRole_Administrator"), Strings.Get("TokenRole_FocalPoint"), Strings.Get("TokenRole_Integration"), Strings.Get("TokenRole_Auditor"),
    ];

    /// <summary>The role typed in the token form, or why it could not be read.</summary>
    public static Parsed<int> ReadRole(string text) => FieldText.Choice(text, RoleNames, required: true, EnglishRoleNames);

    public static string Role(Role role) => role == Unpol.Training.V1.Role.Unspecified ? "—" : RoleNames[(int)role - 1];

    /// <summary>What the scope field takes for every Member State: "all", or the client's word for it ("tous").</summary>
    public static bool MeansAll(IReadOnlyList<string> scope) =>
        scope is [var one] && (one.Equals("all", StringComparison.OrdinalIgnoreCase) || one.Equals(Strings.Get("Token_ScopeAll"), StringComparison.OrdinalIgnoreCase));

    /// <summary>"SN" for a focal point; "SN, RW read-write" or "all States, read-only" for an integration.</summary>
    public static string For(AccessToken token) => token.Role switch
    {
        Unpol.Training.V1.Role.FocalPoint => token.RegionCode,
        Unpol.Training.V1.Role.Integration when token.Scope is { } scope =>
            $"{(scope.AllMemberStates ? Strings.Get("Token_AllStates") : string.Join(", ", scope.RegionCodes))}, " +
            (scope.ReadWrite ? Strings.Get("Token_ReadWrite") : Strings.Get("Token_ReadOnly")),
        Unpol.Training.V1.Role.Integration => Strings.Get("Token_NoScope"),
        _ => Strings.Get("Token_ForAll"),
    };

    /// <summary>"active", "revoked 3 Jan 2027", "expired 1 Jan 2027".</summary>
    public static string Standing(AccessToken token, DateTime now) =>
        token.RevokeTime is { } revoked ? Strings.Format("Token_Revoked", Format.Day(revoked))
        : Expired(token, now) ? Strings.Format("Token_Expired", Format.Day(token.ExpireTime))
        : Strings.Get("Token_Active");

    public static bool Active(AccessToken token, DateTime now) => token.RevokeTime is null && !Expired(token, now);

    private static bool Expired(AccessToken token, DateTime now) => token.ExpireTime is { } expires && expires.ToDateTime() <= now;

    /// <summary>The OSC 52 sequence that asks the terminal to put <paramref name="text"/> on the clipboard (xterm, iTerm2, tmux, kitty…).</summary>
    public static string Osc52(string text) => $"\u001b]52;c;{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}\u0007";
}
