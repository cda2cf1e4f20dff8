using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>
/// The caller's nominations across sessions, kept live by <c>WatchNominations</c>: a change updates its row in
/// place and the selection stays where it was. When the stream breaks it resumes from the last sequence seen;
/// when that is too old, the list is read again.
/// </summary>
public sealed class NominationsScreen : TableScreen<Nomination>
{
    private readonly CallSlot _list = new();
    private readonly CallSlot _action = new();
    private readonly NominationWatch _watch;
    private bool _live;

    public NominationsScreen(ScreenContext context) : base(context, Columns(), n => n.Name)
    {
        _watch = new NominationWatch(context, context.NominationParent,
            changed: nomination =>
            {
                ShowRow(nomination);
                UpdateSummary();
            },
            live: SetLive,
            tooOld: Reload);
    }

    public override string Heading => "Nominations";

    private bool CanWithdraw => Context.Caller.Role == Role.FocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        new("Enter", "history of the selected nomination"),
        .. CanWithdraw ? new KeyHelp[] { new("w", "withdraw the selected nomination") } : [],
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<Nomination>> Columns() =>
    [
        new("OFFICER", n => n.OfficerDisplayName, n => n.OfficerDisplayName),
        new("MS", n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name)),
        new("SESSION", n => n.Session.Length > 0 ? n.Session.Split('/')[1] + "/" + n.Session.Split('/')[^1] : n.Request, n => n.Session),
        new("STATE", n => Format.State(n.State), n => Format.State(n.State)),
        new("UPDATED", n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
        new("LAST CHANGE", n => n.History.LastOrDefault() is { } h ? $"{h.ActorDisplayName}{(h.Reason.Length > 0 ? ": " + h.Reason : "")}" : "", MayCut: true),
    ];

    public override void OnShown()
    {
        if (Source.TotalRows == 0) Reload();
    }

    public override void Reload()
    {
        _watch.Stop();
        _ = ListThenWatchAsync();
    }

    private async Task ListThenWatchAsync()
    {
        Summary = "Loading nominations…";
        await Context.Load(_list,
            ct => Context.Client.ListAllNominationsAsync(new ListNominationsRequest { Parent = Context.NominationParent, PageSize = 500 }, ct),
            result =>
            {
                ShowRows(result.Nominations);
                _watch.Start(result.WatchSequence);
            },
            error => Summary = $"Could not load nominations: {error.Message}");
    }

    private void SetLive(bool live)
    {
        _live = live;
        UpdateSummary();
    }

    private void UpdateSummary()
    {
        var state = _live ? "● live" : "○ live updates paused, retrying";
        Summary = Source.TotalRows == 0
            ? $"No nominations yet. {state}"
            : $"{Source.Rows} of {Source.TotalRows} nominations  {state}";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {row.State} {row.Session} {row.Name}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show($"Nomination of {row.OfficerDisplayName}",
        $"{row.Name}\nTo: {(row.Session.Length > 0 ? row.Session : row.Request)}\nState: {Format.State(row.State)}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\nWarnings:\n{Describe.Findings(row.Warnings)}" : ""));

    public override bool HandleKey(Key key)
    {
        if (key == Key.W && CanWithdraw && Selected is { } nomination)
        {
            _ = Withdrawal.AskAndWithdrawAsync(Context, _action, nomination, ShowRow);
            return true;
        }
        return base.HandleKey(key);
    }

    public override void OnClosed()
    {
        _watch.Stop();
        _list.Cancel();
    }
}
