using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>
/// Access tokens (administrators): who holds each, its role and scope, when it was issued and until when it works.
/// Issue one (a: the secret is shown once), revoke one (x, asked first: it stops working at once), and show the
/// revoked and expired ones too (i).
/// </summary>
public sealed class TokensScreen : TableScreen<AccessToken>
{
    private readonly CallSlot _load = new();
    private readonly CallSlot _revoke = new();
    private bool _showInactive;
    private bool _loaded;

    public TokensScreen(ScreenContext context) : base(context, Columns(context), t => t.Name, detailsHeight: 1)
    {
        Table.ValueChanged += (_, _) => ShowSelected();
    }

    public override string Heading => Strings.Get("Tokens_Heading");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("a", "Key_IssueToken"),
        Help("x", "Key_RevokeToken"),
        Help("i", "Key_InactiveToo"),
        Help("Enter", "Key_TokenInFull"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<AccessToken>> Columns(ScreenContext context) =>
    [
        new(Strings.Get("Tokens_ColHolder"), t => t.DisplayName, t => Folding.Fold(t.DisplayName), MaxWidth: 22),
        new(Strings.Get("Tokens_ColRole"), t => TokenText.Role(t.Role), t => (int)t.Role, MaxWidth: 14),
        // "SN, lecture-écriture" is the longest scope most integrations have.
        new(Strings.Get("Tokens_ColFor"), TokenText.For, TokenText.For, MaxWidth: 20),
        new(Strings.Get("Col_State"), t => TokenText.Standing(t, context.Clock.GetUtcNow().UtcDateTime), t => TokenText.Standing(t, context.Clock.GetUtcNow().UtcDateTime), MaxWidth: 20),
        new(Strings.Get("Tokens_ColIssued"), t => t.CreateTime is { } c ? Format.Day(c) : "—", t => t.CreateTime?.ToDateTime(), MaxWidth: 12),
    ];

    /// <summary>The selected token whole, above the table: the holder's name and scope may be longer than their columns.</summary>
    private void ShowSelected()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Details.Text = Selected is { } t
            ? Strings.Format("Tokens_Selected", t.DisplayName, TokenText.Role(t.Role), TokenText.For(t), TokenText.Standing(t, now),
                t.CreateTime is { } c ? Format.Day(c) : "—",
                t.ExpireTime is { } e ? Strings.Format("Tokens_Expires", Format.Day(e)) : Strings.Get("Tokens_NoExpiry"))
            : "";
    }

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync()
    {
        if (!_loaded) Summary = Strings.Get("Tokens_Loading");
        var inactive = _showInactive;
        await Context.Load(_load,
            ct => Context.Client.ListAccessTokensAsync(inactive, ct),
            tokens =>
            {
                _loaded = true;
                ShowRows(tokens);
                UpdateSummary();
                ShowSelected();
            },
            error => Summary = Strings.Format("Tokens_LoadFailed", error.Message));
    }

    private void UpdateSummary()
    {
        var count = Source.TotalRows;
        Summary = count == 0
            ? _showInactive ? Strings.Get("Tokens_NoneAll") : Strings.Get("Tokens_NoneActive")
            : (_showInactive
                  ? Format.IsOne(count) ? Strings.Format("Tokens_AllOne", count) : Strings.Format("Tokens_AllMany", count)
                  : Format.IsOne(count) ? Strings.Format("Tokens_ActiveOne", count) : Strings.Format("Tokens_ActiveMany", count)) +
              (Source.Rows != count ? Strings.Format("Tokens_Filtered", Source.Rows) : "") + Strings.Get("Tokens_Keys");
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(AccessToken row, string foldedFilter) =>
        Folding.Fold($"{row.DisplayName} {TokenText.Role(row.Role)} {TokenText.For(row)} {row.Name}").Contains(foldedFilter);

    protected override void Open(AccessToken row)
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Context.Dialogs.Show(row.DisplayName, string.Join('\n',
            $"{row.Name}",
            Strings.Format("Tokens_RoleFor", TokenText.Role(row.Role), TokenText.For(row)),
            Strings.Format("Tokens_IssuedBy", Format.Instant(row.CreateTime), row.Creator.Length > 0 ? row.Creator : Strings.Get("Tokens_Bootstrap")),
            Strings.Format("Tokens_ExpiresLine", row.ExpireTime is { } e ? Format.Instant(e) : Strings.Get("Tokens_Never")),
            Strings.Format("Tokens_StateLine", TokenText.Standing(row, now))));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.A)
        {
            Context.Navigator.Push(new TokenFormScreen(Context, issued =>
            {
                ShowRows([issued, .. Source.AllRows]);
                SelectKey(issued.Name);
                UpdateSummary();
                ShowSelected();
            }));
            return true;
        }
        if (key == Key.X && Selected is { } token)
        {
            _ = RevokeAsync(token);
            return true;
        }
        if (key == Key.I)
        {
            _showInactive = !_showInactive;
            Reload();
            return true;
        }
        return base.HandleKey(key);
    }

    private async Task RevokeAsync(AccessToken token)
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        if (!TokenText.Active(token, now))
        {
            Context.Status.ShowError(Strings.Format("Tokens_Already", token.DisplayName, TokenText.Standing(token, now)));
            return;
        }
        var self = token.Name == Context.Caller.AccessToken ? Strings.Get("Tokens_YourOwn") : "";
        if (!Context.Dialogs.Confirm(Strings.Get("Tokens_RevokeTitle"),
                Strings.Format("Tokens_RevokeQuestion", token.DisplayName, TokenText.Role(token.Role), TokenText.For(token), self),
                Strings.Get("Tokens_Revoke")))
            return;
        await Context.Load(_revoke,
            ct => Context.Client.RevokeAccessTokenAsync(token.Name, ct),
            revoked =>
            {
                if (_showInactive) ShowRow(revoked);
                else ShowRows(Source.AllRows.Where(t => t.Name != revoked.Name).ToList());
                UpdateSummary();
                ShowSelected();
                Context.Status.ShowInfo(Strings.Format("Tokens_RevokedInfo", revoked.DisplayName));
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError(Strings.Format("Tokens_NotRevoked", token.DisplayName,
                    error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message));
            });
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _revoke.Cancel();
    }
}
