using Terminal.Gui.Input;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>
/// The audit trail: who changed what and when, newest first, for the last week unless narrowed (f: actor, resource,
/// times; a and r narrow to the selected event's actor or resource; c clears). Administrators and auditors see
/// everyone's changes; others their own. Pages arrive in the background; Enter opens an event whole.
/// </summary>
public sealed class AuditScreen : TableScreen<AuditEvent>
{
    private const int PageSize = 1000;

    /// <summary>The most events read for one filter: beyond it, narrowing says more than scrolling.</summary>
    private const int MostEvents = 20_000;

    private readonly CallSlot _load = new();
    private AuditFilter _filter;
    private List<AuditEvent> _loaded = [];
    private bool _started;
    private bool _complete;
    private bool _capped;

    public AuditScreen(ScreenContext context) : base(context, Columns(), e => e.Name, detailsHeight: 1)
    {
        _filter = AuditFilter.LastWeek(context.Clock.GetUtcNow().UtcDateTime);
        Table.ValueChanged += (_, _) => ShowSelected();
    }

    public override string Heading => Strings.Get("Audit_Heading");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_EventWhole"),
        Help("f", "Key_FilterAudit"),
        Help("a", "Key_SameActor"),
        Help("r", "Key_SameResource"),
        Help("c", "Key_LastWeek"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<AuditEvent>> Columns() =>
    [
        new(Strings.Get("Audit_ColTime"), e => e.EventTime?.ToDateTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—",
            e => e.EventTime?.ToDateTime(), MaxWidth: 16),
        new(Strings.Get("Audit_ColActor"), e => e.ActorDisplayName, e => Folding.Fold(e.ActorDisplayName), MaxWidth: 20),
        new(Strings.Get("Audit_ColChange"), e => e.Method.Split('/')[^1], e => e.Method, MaxWidth: 20),
        new(Strings.Get("Audit_ColResource"), e => e.Resource, e => e.Resource, MaxWidth: 40, MayCut: true),
        new(Strings.Get("Audit_ColWhat"), e => e.Summary, MaxWidth: 40, MayCut: true),
    ];

    /// <summary>True once every page of the current filter has arrived.</summary>
    public bool Complete => _complete;

    public AuditFilter Filter => _filter;

    public override void OnShown()
    {
        if (!_started) Reload();
    }

    public override void Reload() => Restart(_filter);

    private void Restart(AuditFilter filter)
    {
        _started = true;
        _filter = filter;
        _complete = false;
        _capped = false;
        _loaded = [];
        UpdateSummary();
        _ = LoadPageAsync(filter, "");
    }

    private async Task LoadPageAsync(AuditFilter filter, string pageToken)
    {
        await Context.Load(_load,
            ct => Context.Client.ListAuditEventsAsync(filter.Request(PageSize, pageToken), ct),
            page =>
            {
                _loaded.AddRange(page.AuditEvents);
                _capped = _loaded.Count >= MostEvents && page.NextPageToken.Length > 0;
                _complete = page.NextPageToken.Length == 0 || _capped;
                // The service lists oldest first; the newest is what one looks for first.
                ShowRows(Enumerable.Reverse(_loaded).ToList());
                UpdateSummary();
                ShowSelected();
                if (!_complete) _ = LoadPageAsync(filter, page.NextPageToken);
            },
            error => Summary = Strings.Format("Audit_LoadFailed", error.Message));
    }

    private void UpdateSummary()
    {
        var counted = _loaded.Count == 0 && !_complete ? Strings.Get("Audit_Reading")
            : (Format.IsOne(_loaded.Count) ? Strings.Format("Audit_EventsOne", _loaded.Count) : Strings.Format("Audit_EventsMany", _loaded.Count)) +
              (Source.Rows != Source.TotalRows ? Strings.Format("Audit_Filtered", Source.Rows) : "") +
              (_capped ? Strings.Format("Audit_Capped", MostEvents) : _complete ? "" : Strings.Get("Audit_MoreComing"));
        Summary = Strings.Format("Audit_Summary", counted, _filter.Describe());
    }

    /// <summary>The selected event's change, whole, above the table.</summary>
    private void ShowSelected() =>
        Details.Text = Selected is { } e ? Strings.Format("Audit_Selected", e.ActorDisplayName, e.Method, e.Resource, e.Summary.Length > 0 ? e.Summary : "—") : "";

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(AuditEvent row, string foldedFilter) =>
        Folding.Fold($"{row.ActorDisplayName} {row.Method} {row.Resource} {row.Summary}").Contains(foldedFilter);

    protected override void Open(AuditEvent row) => Context.Dialogs.Show(Strings.Format("Audit_EventTitle", row.Name.Split('/')[^1]), string.Join('\n',
        Strings.Format("Audit_When", Format.Instant(row.EventTime)),
        Strings.Format("Audit_Who", row.ActorDisplayName, row.Actor),
        Strings.Format("Audit_What", row.Method),
        Strings.Format("Audit_On", row.Resource),
        "",
        Strings.Get("Audit_TheChange"),
        row.Summary.Length > 0 ? row.Summary : "—"));

    public override bool HandleKey(Key key)
    {
        if (key == Key.F)
        {
            Context.Navigator.Push(new AuditFilterScreen(Context, _filter, Restart));
            return true;
        }
        if (key == Key.A && Selected is { } byActor)
        {
            Restart(_filter with { Actor = byActor.Actor });
            return true;
        }
        if (key == Key.R && Selected is { } onResource)
        {
            Restart(_filter with { Resource = onResource.Resource });
            return true;
        }
        if (key == Key.C)
        {
            Restart(AuditFilter.LastWeek(Context.Clock.GetUtcNow().UtcDateTime));
            return true;
        }
        return base.HandleKey(key);
    }

    public override void OnClosed() => _load.Cancel();
}
