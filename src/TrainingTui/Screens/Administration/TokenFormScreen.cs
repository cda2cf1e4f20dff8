using Training.Tui.Client;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>
/// Issues an access token (administrators): who holds it, the role, the Member State of a focal point, the scope of
/// an integration, and when it stops working. The secret is then shown once, on <see cref="TokenSecretScreen"/>.
/// </summary>
public sealed class TokenFormScreen : FormScreen
{
    public const string Holder = "display_name", RoleField = "role", MemberState = "region_code", Scope = "scope.region_codes",
        ReadWrite = "scope.read_write", Expires = "expire_time";

    private static readonly IReadOnlyList<FormField> FormFields =
    [
        new(Holder, "Held by", "who or what holds it, e.g. Focal point, Senegal (A. Diop)"),
        new(RoleField, "Role", string.Join(", ", TokenText.RoleNames)),
        new(MemberState, "Member State", "for a focal point: the region code, e.g. SN"),
        new(Scope, "Scope", "for an integration: SN, RW — or all"),
        new(ReadWrite, "Read-write", "for an integration: yes to write as each State's focal point"),
        new(Expires, "Expires", OfficerText.DateHint + " (stops working that day, 00:00 UTC); empty: never"),
    ];

    private readonly CallSlot _save = new();
    private readonly Action<AccessToken> _issued;

    public TokenFormScreen(ScreenContext context, Action<AccessToken> issued)
        : base(context, FormFields, Blank)
    {
        _issued = issued;
        Fill(Blank);
        Intro = "A new access token. Its secret is shown once, right after; only a hash is kept. Ctrl+S issues it.";
        SaveButton.Text = "Issue";
    }

    private static readonly IReadOnlyDictionary<string, string> Blank = new Dictionary<string, string>
    {
        [Holder] = "", [RoleField] = "focal point", [MemberState] = "", [Scope] = "", [ReadWrite] = "no", [Expires] = "",
    };

    public override string Heading => "Issue a token";

    protected override bool IsNew => true;

    /// <summary>The token read from the form, and the problem of each field that could not be read.</summary>
    public static (AccessToken Token, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var token = new AccessToken { DisplayName = Value(Holder) };
        if (token.DisplayName.Length == 0) problems[Holder] = "required";
        else if (token.DisplayName.Length > 200) problems[Holder] = $"at most 200 characters ({token.DisplayName.Length})";
        var role = FieldText.Choice(Value(RoleField), TokenText.RoleNames, required: true);
        if (role.Ok) token.Role = (Role)(role.Value + 1);
        else problems[RoleField] = role.Problem!;

        var region = Value(MemberState).ToUpperInvariant();
        if (token.Role == Role.FocalPoint)
        {
            if (!IsRegion(region)) problems[MemberState] = "a focal point's region code, e.g. SN";
            token.RegionCode = region;
        }
        else if (region.Length > 0) problems[MemberState] = "only for a focal point";

        var scope = FieldText.Entries(Value(Scope)).Select(e => e.ToUpperInvariant()).ToList();
        var readWrite = FieldText.YesNo(Value(ReadWrite));
        if (!readWrite.Ok) problems[ReadWrite] = readWrite.Problem!;
        if (token.Role == Role.Integration)
        {
            var all = scope is ["ALL"];
            if (scope.Count == 0) problems[Scope] = "SN, RW — or all";
            else if (!all && scope.FirstOrDefault(s => !IsRegion(s)) is { } bad) problems[Scope] = $"“{bad}”: a region code like SN";
            token.Scope = new IntegrationScope { AllMemberStates = all, ReadWrite = readWrite.Value };
            if (!all) token.Scope.RegionCodes.AddRange(scope.Distinct());
        }
        else
        {
            if (scope.Count > 0) problems[Scope] = "only for an integration";
            if (readWrite.Value) problems[ReadWrite] = "only for an integration";
        }

        var expires = OfficerText.Date(Value(Expires), required: false);
        if (!expires.Ok) problems[Expires] = expires.Problem!;
        else if (expires.Value is { } day)
        {
            if (day <= today) problems[Expires] = "must be after today";
            token.ExpireTime = FieldText.ToProto(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }
        return (token, problems);

        static bool IsRegion(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);
    }

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) => Read(values, Context.Today).Problems;

    protected override async Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        var token = Read(values, Context.Today).Token;
        await Context.Load(_save,
            ct => Context.Client.CreateAccessTokenAsync(token, ct),
            issued =>
            {
                Closed = true;
                _issued(issued.AccessToken);
                Context.Navigator.Back();
                Context.Navigator.Push(new TokenSecretScreen(Context, issued));
            },
            error => Refused(error));
    }

    public override void OnClosed()
    {
        Closed = true;
        _save.Cancel();
    }
}
