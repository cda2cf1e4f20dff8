using System.Text.RegularExpressions;

namespace Training.Service.Api;

/// <summary>
/// Parses resource names from requests. Region codes are accepted in any case and returned upper case;
/// a malformed name is a field violation, never an exception from deeper down.
/// </summary>
public static partial class Names
{
    /// <summary>The wildcard collection of AIP-159: "memberStates/-".</summary>
    public const string AnyMemberState = "-";

    public static string? MemberState(Validator v, string field, string? name, bool allowWildcard = false)
    {
        var m = MemberStatePattern().Match(name ?? "");
        if (!m.Success)
        {
            v.Add(field, Expected(name, allowWildcard ? "memberStates/{region_code} or memberStates/-" : "memberStates/{region_code}"));
            return null;
        }
        var code = m.Groups[1].Value;
        if (code == AnyMemberState)
        {
            if (allowWildcard) return AnyMemberState;
            v.Add(field, "must name one Member State, not memberStates/-.");
            return null;
        }
        return code.ToUpperInvariant();
    }

    public static (string RegionCode, string OfficerId)? Officer(Validator v, string field, string? name) =>
        Child(v, field, name, OfficerPattern(), "memberStates/{region_code}/officers/{officer_id}");

    public static (string RegionCode, string NominationId)? Nomination(Validator v, string field, string? name) =>
        Child(v, field, name, NominationPattern(), "memberStates/{region_code}/nominations/{nomination_id}");

    public static string? Course(Validator v, string field, string? name, bool allowWildcard = false)
    {
        var m = CoursePattern().Match(name ?? "");
        if (!m.Success || (m.Groups[1].Value == "-" && !allowWildcard))
        {
            v.Add(field, Expected(name, allowWildcard ? "courses/{course_id} or courses/-" : "courses/{course_id}"));
            return null;
        }
        return m.Groups[1].Value;
    }

    public static (string CourseId, string SessionId)? Session(Validator v, string field, string? name)
    {
        var m = SessionPattern().Match(name ?? "");
        if (!m.Success)
        {
            v.Add(field, Expected(name, "courses/{course_id}/sessions/{session_id}"));
            return null;
        }
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    public static string? Request(Validator v, string field, string? name)
    {
        var m = RequestPattern().Match(name ?? "");
        if (!m.Success)
        {
            v.Add(field, Expected(name, "requests/{request_id}"));
            return null;
        }
        return m.Groups[1].Value;
    }

    public static string? AccessToken(Validator v, string field, string? name)
    {
        var m = AccessTokenPattern().Match(name ?? "");
        if (!m.Success)
        {
            v.Add(field, Expected(name, "accessTokens/{token_id}"));
            return null;
        }
        return m.Groups[1].Value;
    }

    public static string? RegionCode(Validator v, string field, string? code)
    {
        if (code is null || !RegionCodePattern().IsMatch(code))
        {
            v.Add(field, $"\"{Shorten(code)}\" is not an ISO 3166-1 alpha-2 region code such as SN.");
            return null;
        }
        return code.ToUpperInvariant();
    }

    private static (string, string)? Child(Validator v, string field, string? name, Regex pattern, string shape)
    {
        var m = pattern.Match(name ?? "");
        if (!m.Success)
        {
            v.Add(field, Expected(name, shape));
            return null;
        }
        return (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value);
    }

    private static string Expected(string? name, string shape) =>
        string.IsNullOrEmpty(name) ? $"is required, in the form {shape}." : $"\"{Shorten(name)}\" is not of the form {shape}.";

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;

    private const string Id = "[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?";

    [GeneratedRegex("^memberStates/([A-Za-z]{2}|-)$")]
    private static partial Regex MemberStatePattern();

    [GeneratedRegex("^memberStates/([A-Za-z]{2})/officers/(" + Id + ")$")]
    private static partial Regex OfficerPattern();

    [GeneratedRegex("^memberStates/([A-Za-z]{2})/nominations/(" + Id + ")$")]
    private static partial Regex NominationPattern();

    [GeneratedRegex("^courses/(" + Id + "|-)$")]
    private static partial Regex CoursePattern();

    [GeneratedRegex("^courses/(" + Id + ")/sessions/(" + Id + ")$")]
    private static partial Regex SessionPattern();

    [GeneratedRegex("^requests/(" + Id + ")$")]
    private static partial Regex RequestPattern();

    [GeneratedRegex("^accessTokens/(" + Id + ")$")]
    private static partial Regex AccessTokenPattern();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex RegionCodePattern();
}
