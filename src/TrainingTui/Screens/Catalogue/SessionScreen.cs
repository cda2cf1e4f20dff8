using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// One session: its details and requirements, its figures, and the nominations the caller may see (a focal
/// point's own Member State; everyone's for administrators). From here: nominate, review, parity.
/// </summary>
public sealed class SessionScreen : TableScreen<Nomination>
{
    private readonly CallSlot _nominations = new();
    private readonly CallSlot _figures = new();
    private readonly CallSlot _action = new();
    private Session _session;
    private readonly Course? _course;
    private SessionStatistics? _statistics;

    public SessionScreen(ScreenContext context, Session session, Course? course)
        : base(context, NominationColumns(), n => n.Name, detailsHeight: 5)
    {
        _session = session;
        _course = course;
        ShowDetails();
    }

    public Session Session => _session;

    public override string Heading => $"{_course?.Code ?? Format.CourseOf(_session.Name)} {Format.Dates(_session.StartDate, _session.EndDate)}";

    private bool CanNominate => Context.Caller.Role == Role.FocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        .. CanNominate ? new KeyHelp[] { new("n", "nominate officers"), new("w", "withdraw the selected nomination") } : [],
        .. Context.IsAdministrator ? new KeyHelp[] { new("r", "review nominations") } : [],
        new("p", "parity figures"),
        new("Enter", "history of the selected nomination"),
        .. TableKeys,
    ];

    public static IReadOnlyList<Column<Nomination>> NominationColumns() =>
    [
        new("OFFICER", n => n.OfficerDisplayName, n => n.OfficerDisplayName),
        new("MS", n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name)),
        new("G", n => Format.Gender(n.OfficerGender), n => (int)n.OfficerGender),
        new("STATE", n => Format.State(n.State), n => Format.State(n.State)),
        new("UPDATED", n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
        new("WARNINGS", n => string.Join("; ", n.Warnings.Select(w => w.Description))),
    ];

    public override void OnShown() => Reload();

    public override void Reload()
    {
        _ = LoadNominationsAsync();
        _ = LoadFiguresAsync();
    }

    private async Task LoadNominationsAsync()
    {
        Summary = "Loading nominations…";
        await Context.Load(_nominations,
            async ct => (await Context.Client.ListAllNominationsAsync(new ListNominationsRequest
            {
                Parent = Context.NominationParent, Session = _session.Name, PageSize = 500,
            }, ct)).Nominations,
            rows =>
            {
                ShowRows(rows);
                UpdateSummary();
            },
            error => Summary = $"Could not load nominations: {error.Message}");
    }

    private async Task LoadFiguresAsync()
    {
        await Context.Load(_figures,
            ct => Context.Client.GetSessionStatisticsAsync(_session.Name, ct),
            figures =>
            {
                _statistics = figures;
                ShowDetails();
            },
            _ => { });
    }

    private void ShowDetails() =>
        Details.Text = Describe.Session(_session, _course, Context.Clock.GetUtcNow().UtcDateTime) + "\n" +
                       Describe.Figures(_statistics, Context.IsFocalPoint ? Context.Caller.RegionCode : null);

    private void UpdateSummary()
    {
        var whose = Context.IsFocalPoint ? $"{Context.Caller.RegionCode}'s nominations" : "Nominations";
        Summary = Source.TotalRows == 0
            ? $"{whose}: none yet." + (CanNominate ? " Press n to nominate officers." : "")
            : $"{whose}: {Source.Rows} of {Source.TotalRows}";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {row.State} {row.Name}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show($"Nomination of {row.OfficerDisplayName}",
        $"{row.Name}\nState: {Format.State(row.State)}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\nWarnings:\n{Describe.Findings(row.Warnings)}" : ""));

    public override bool HandleKey(Key key)
    {
        if (key == Key.N && CanNominate)
        {
            Context.Navigator.Push(new NominateScreen(Context, _session, _course));
            return true;
        }
        if (key == Key.R && Context.IsAdministrator)
        {
            Context.Navigator.Push(new ReviewScreen(Context, _session, _course));
            return true;
        }
        if (key == Key.P)
        {
            Context.Navigator.Push(new ParityScreen(Context, _session, _course));
            return true;
        }
        if (key == Key.W && CanNominate && Selected is { } nomination)
        {
            _ = Withdrawal.AskAndWithdrawAsync(Context, _action, nomination, withdrawn =>
            {
                ShowRow(withdrawn);
                _ = LoadFiguresAsync();
            });
            return true;
        }
        return base.HandleKey(key);
    }

    public override void OnClosed()
    {
        _nominations.Cancel();
        _figures.Cancel();
    }
}
