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

    public override string Heading => "Access tokens";

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
        new("HELD BY", t => t.DisplayName, t => Folding.Fold(t.DisplayName), MaxWidth: 22),
        new("ROLE", t => TokenText.Role(t.Role), t => (int)t.Role, MaxWidth: 11),
        new("FOR", TokenText.For, TokenText.For, MaxWidth: 16),
        new("STATE", t => TokenText.Standing(t, context.Clock.GetUtcNow().UtcDateTime), t => TokenText.Standing(t, context.Clock.GetUtcNow().UtcDateTime), MaxWidth: 20),
        new("ISSUED", t => t.CreateTime is { } c ? Format.Day(c) : "—", t => t.CreateTime?.ToDateTime(), MaxWidth: 11),
    ];

    /// <summary>The selected token whole, above the table: the holder's name and scope may be longer than their columns.</summary>
    private void ShowSelected()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Details.Text = Selected is { } t
            ? $"{t.DisplayName} · {TokenText.Role(t.Role)} for {TokenText.For(t)} · {TokenText.Standing(t, now)} · issued " +
              $"{(t.CreateTime is { } c ? Format.Day(c) : "—")} · {(t.ExpireTime is { } e ? $"expires {Format.Day(e)}" : "no expiry")}"
            : "";
    }

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync()
    {
        if (!_loaded) Summary = "Loading the access tokens…";
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
            error => Summary = $"Could not load the access tokens: {error.Message}");
    }

    private void UpdateSummary()
    {
        var which = _showInactive ? "tokens, revoked and expired included" : "active tokens";
        Summary = Source.TotalRows == 0
            ? $"No {which}. a issues one."
            : $"{Source.TotalRows} {which}" + (Source.Rows != Source.TotalRows ? $" ({Source.Rows} shown by the filter)" : "") +
              " · newest first · a issues, x revokes";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(AccessToken row, string foldedFilter) =>
        Folding.Fold($"{row.DisplayName} {TokenText.Role(row.Role)} {TokenText.For(row)} {row.Name}").Contains(foldedFilter);

    protected override void Open(AccessToken row)
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Context.Dialogs.Show(row.DisplayName, string.Join('\n',
            $"{row.Name}",
            $"Role: {TokenText.Role(row.Role)} · for {TokenText.For(row)}",
            $"Issued {Format.Instant(row.CreateTime)} by {(row.Creator.Length > 0 ? row.Creator : "the bootstrap credential")}",
            $"Expires: {(row.ExpireTime is { } e ? Format.Instant(e) : "never")}",
            $"State: {TokenText.Standing(row, now)}"));
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
            Context.Status.ShowError($"{token.DisplayName}'s token is already {TokenText.Standing(token, now)}.");
            return;
        }
        var self = token.Name == Context.Caller.AccessToken ? " This is the token you are using: the client stops working at once." : "";
        if (!Context.Dialogs.Confirm("Revoke the token",
                $"Revoke the token of {token.DisplayName} ({TokenText.Role(token.Role)}, {TokenText.For(token)})? " +
                $"It stops working at once, for every program using it.{self}", "Revoke"))
            return;
        await Context.Load(_revoke,
            ct => Context.Client.RevokeAccessTokenAsync(token.Name, ct),
            revoked =>
            {
                if (_showInactive) ShowRow(revoked);
                else ShowRows(Source.AllRows.Where(t => t.Name != revoked.Name).ToList());
                UpdateSummary();
                ShowSelected();
                Context.Status.ShowInfo($"Revoked the token of {revoked.DisplayName}.");
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError($"{token.DisplayName}'s token was not revoked: " +
                    (error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message));
            });
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _revoke.Cancel();
    }
}
