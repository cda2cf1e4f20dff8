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
    private readonly NominationTargets _targets;
    private bool _live;

    public NominationsScreen(ScreenContext context) : this(context, new NominationTargets(context.Client))
    {
    }

    private NominationsScreen(ScreenContext context, NominationTargets targets) : base(context, Columns(targets), n => n.Name)
    {
        _targets = targets;
        _watch = new NominationWatch(context, context.NominationParent,
            changed: nomination =>
            {
                ShowRow(nomination);
                UpdateSummary();
                _ = _targets.ResolveAsync([nomination], Redraw);
            },
            live: SetLive,
            tooOld: Reload);
    }

    public override string Heading => Strings.Get("Screen_Nominations");

    private bool CanWithdraw => Context.Caller.Role == Role.FocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_SelectedHistory"),
        .. CanWithdraw ? new KeyHelp[] { Help("w", "Key_Withdraw") } : [],
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<Nomination>> Columns(NominationTargets targets) =>
    [
        new(Strings.Get("Col_Officer"), n => n.OfficerDisplayName, n => n.OfficerDisplayName),
        new(Strings.Get("Col_MemberState"), n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name)),
        new(Strings.Get("Nominations_ColTo"), targets.Describe, targets.SortKey, MaxWidth: 30),
        new(Strings.Get("Col_State"), n => Format.State(n.State), n => Format.State(n.State)),
        new(Strings.Get("Col_Updated"), n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
        new(Strings.Get("Nominations_ColLastChange"), n => n.History.LastOrDefault() is { } h ? $"{h.ActorDisplayName}{(h.Reason.Length > 0 ? Strings.Format("Nominations_Because", h.Reason) : "")}" : "", MayCut: true),
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
        Summary = Strings.Get("Session_Loading");
        await Context.Load(_list,
            ct => Context.Client.ListAllNominationsAsync(new ListNominationsRequest { Parent = Context.NominationParent, PageSize = 500 }, ct),
            result =>
            {
                ShowRows(result.Nominations);
                _watch.Start(result.WatchSequence);
                _ = _targets.ResolveAsync(result.Nominations, Redraw);
            },
            error => Summary = Strings.Format("Session_LoadFailed", error.Message));
    }

    private void SetLive(bool live)
    {
        _live = live;
        UpdateSummary();
    }

    private void UpdateSummary()
    {
        var state = _live ? Strings.Get("Session_Live") : Strings.Get("Nominations_Paused");
        Summary = Source.TotalRows == 0
            ? Strings.Format("Nominations_NoneYet", state)
            : Strings.Format("Nominations_Count", Source.Rows, Source.TotalRows, state);
    }

    /// <summary>The targets' names arrived: the rows read them now (sorted by them too, when that is the sort).</summary>
    private void Redraw() => ShowRows(Source.AllRows);

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {Format.State(row.State)} {_targets.Describe(row)} {row.Session} {row.Request}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show(Strings.Format("Session_NominationOf", row.OfficerDisplayName),
        Strings.Format("Nominations_Detail", _targets.DescribeInFull(row), Format.State(row.State), row.Name) + $"\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\n{Strings.Get("Session_WarningsHeading")}\n{Describe.Findings(row.Warnings)}" : ""));

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
        _targets.Cancel();
    }
}
