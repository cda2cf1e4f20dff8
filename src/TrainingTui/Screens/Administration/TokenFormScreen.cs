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

    /// <summary>The fields in the client's language, read when the form opens.</summary>
    private static IReadOnlyList<FormField> FormFields() =>
    [
        new(Holder, Strings.Get("TokenForm_Holder"), Strings.Get("TokenForm_HolderHint")),
        new(RoleField, Strings.Get("TokenForm_Role"), string.Join(", ", TokenText.RoleNames)),
        new(MemberState, Strings.Get("TokenForm_MemberState"), Strings.Get("TokenForm_MemberStateHint")),
        new(Scope, Strings.Get("TokenForm_Scope"), Strings.Get("TokenForm_ScopeHint")),
        new(ReadWrite, Strings.Get("TokenForm_ReadWrite"), Strings.Get("TokenForm_ReadWriteHint")),
        new(Expires, Strings.Get("TokenForm_Expires"), OfficerText.DateHint + Strings.Get("TokenForm_ExpiresHint")),
    ];

    private readonly CallSlot _save = new();
    private readonly Action<AccessToken> _issued;

    public TokenFormScreen(ScreenContext context, Action<AccessToken> issued)
        : base(context, FormFields(), Blank())
    {
        _issued = issued;
        Fill(Blank());
        Intro = Strings.Get("TokenForm_Intro");
        SaveButton.Text = Strings.Get("TokenForm_Issue");
    }

    private static IReadOnlyDictionary<string, string> Blank() => new Dictionary<string, string>
    {
        [Holder] = "", [RoleField] = TokenText.Role(Role.FocalPoint), [MemberState] = "", [Scope] = "", [ReadWrite] = FieldText.YesNo(false), [Expires] = "",
    };

    public override string Heading => Strings.Get("TokenForm_Heading");

    protected override bool IsNew => true;

    /// <summary>The token read from the form, and the problem of each field that could not be read.</summary>
    public static (AccessToken Token, IReadOnlyDictionary<string, string> Problems) Read(IReadOnlyDictionary<string, string> text, DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        string Value(string key) => text.GetValueOrDefault(key, "").Trim();
        var token = new AccessToken { DisplayName = Value(Holder) };
        if (token.DisplayName.Length == 0) problems[Holder] = FieldText.Required;
        else if (token.DisplayName.Length > 200) problems[Holder] = FieldText.TooLong(200, token.DisplayName.Length);
        var role = TokenText.ReadRole(Value(RoleField));
        if (role.Ok) token.Role = (Role)(role.Value + 1);
        else problems[RoleField] = role.Problem!;

        var region = Value(MemberState).ToUpperInvariant();
        if (token.Role == Role.FocalPoint)
        {
            if (!IsRegion(region)) problems[MemberState] = Strings.Get("TokenForm_FocalPointRegion");
            token.RegionCode = region;
        }
        else if (region.Length > 0) problems[MemberState] = Strings.Get("TokenForm_OnlyFocalPoint");

        var scope = FieldText.Entries(Value(Scope)).Select(e => e.ToUpperInvariant()).ToList();
        var readWrite = FieldText.YesNo(Value(ReadWrite));
        if (!readWrite.Ok) problems[ReadWrite] = readWrite.Problem!;
        if (token.Role == Role.Integration)
        {
            var all = TokenText.MeansAll(scope);
            if (scope.Count == 0) problems[Scope] = Strings.Get("TokenForm_ScopeExample");
            else if (!all && scope.FirstOrDefault(s => !IsRegion(s)) is { } bad) problems[Scope] = FieldText.NotARegion(bad);
            token.Scope = new IntegrationScope { AllMemberStates = all, ReadWrite = readWrite.Value };
            if (!all) token.Scope.RegionCodes.AddRange(scope.Distinct());
        }
        else
        {
            if (scope.Count > 0) problems[Scope] = Strings.Get("TokenForm_OnlyIntegration");
            if (readWrite.Value) problems[ReadWrite] = Strings.Get("TokenForm_OnlyIntegration");
        }

        var expires = OfficerText.Date(Value(Expires), required: false);
        if (!expires.Ok) problems[Expires] = expires.Problem!;
        else if (expires.Value is { } day)
        {
            if (day <= today) problems[Expires] = Strings.Get("TokenForm_AfterToday");
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
