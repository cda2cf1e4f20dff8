using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Catalogue;

/// <summary>
/// One session: its details and requirements, its figures, and the nominations the caller may see (a focal
/// point's own Member State; everyone's for administrators), kept live by the nomination feed: a decision made
/// elsewhere shows here without a key pressed. From here: nominate, review, parity; administrators also edit the
/// session and move it along its lifecycle (open, close, complete, cancel).
/// </summary>
public sealed class SessionScreen : TableScreen<Nomination>
{
    private readonly CallSlot _nominations = new();
    private readonly CallSlot _figures = new();
    private readonly CallSlot _action = new();
    private readonly CallSlot _vocabularyLoad = new();
    private readonly RosterVocabulary _vocabulary = new();
    private readonly NominationWatch _watch;
    private readonly Course? _course;
    private readonly Action<Session>? _changed;
    private readonly Action<string>? _removed;
    private Session _session;
    private SessionStatistics? _statistics;
    private bool _live;

    /// <param name="changed">Called with the session as it stands after an administrator edits or moves it.</param>
    /// <param name="removed">Called with the session's name after an administrator deletes it.</param>
    public SessionScreen(ScreenContext context, Session session, Course? course, Action<Session>? changed = null, Action<string>? removed = null)
        : base(context, NominationColumns(), n => n.Name, detailsHeight: 5)
    {
        _session = session;
        _course = course;
        _changed = changed;
        _removed = removed;
        _watch = new NominationWatch(context, context.NominationParent, Changed, live =>
        {
            _live = live;
            UpdateSummary();
        }, Reload);
        ShowDetails();
    }

    public Session Session => _session;

    public override string Heading => $"{Code} {Format.Dates(_session.StartDate, _session.EndDate)}";

    private string Code => _course?.Code ?? Format.CourseOf(_session.Name);

    private bool CanNominate => Context.Caller.Role == Role.FocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        .. CanNominate
            ? new KeyHelp[] { Help("n", "Key_Nominate"), Help("w", "Key_Withdraw") }
            : [],
        .. Context.IsAdministrator
            ? new KeyHelp[]
            {
                Help("r", "Key_ReviewNominations"), Help("e", "Key_EditSession"), Help("O", "Key_OpenForNominations"),
                Help("C", "Key_CloseToNominations"), Help("X", "Key_CancelSaysWhat"),
                Help("K", "Key_Complete"), Help("D", "Key_DeleteDraft"),
            }
            : [],
        Help("p", "Key_ParityFigures"),
        Help("Enter", "Key_SelectedHistory"),
        .. TableKeys,
    ];

    public static IReadOnlyList<Column<Nomination>> NominationColumns() =>
    [
        new(Strings.Get("Col_Officer"), n => n.OfficerDisplayName, n => n.OfficerDisplayName),
        new(Strings.Get("Col_MemberState"), n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name)),
        new(Strings.Get("Col_Gender"), n => Format.Gender(n.OfficerGender), n => (int)n.OfficerGender),
        new(Strings.Get("Col_State"), n => Format.State(n.State), n => Format.State(n.State)),
        new(Strings.Get("Col_Updated"), n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
        new(Strings.Get("Col_Warnings"), n => string.Join("; ", n.Warnings.Select(w => w.Description)), MayCut: true),
    ];

    public override void OnShown() => Reload();

    public override void Reload()
    {
        _watch.Stop();
        _ = LoadNominationsAsync();
        _ = LoadFiguresAsync();
    }

    private async Task LoadNominationsAsync()
    {
        if (Source.TotalRows == 0) Summary = Strings.Get("Session_Loading");
        await Context.Load(_nominations,
            ct => Context.Client.ListAllNominationsAsync(new ListNominationsRequest
            {
                Parent = Context.NominationParent, Session = _session.Name, PageSize = 500,
            }, ct),
            result =>
            {
                ShowRows(result.Nominations);
                UpdateSummary();
                _watch.Start(result.WatchSequence);
            },
            error => Summary = Strings.Format("Session_LoadFailed", error.Message));
    }

    /// <summary>A change from the feed: this session's nominations are updated in place, and the seats read again.</summary>
    private void Changed(Nomination nomination)
    {
        if (nomination.Session != _session.Name) return;
        ShowRow(nomination);
        UpdateSummary();
        _ = LoadFiguresAsync();
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
                       (_session.State == Session.Types.State.Cancelled && _session.CancelReason.Length > 0
                           ? Strings.Format("Session_Cancelled", _session.CancelReason)
                           : Describe.Figures(_statistics, Context.IsFocalPoint ? Context.Caller.RegionCode : null));

    /// <summary>"SN's nominations: 3" — a count, never "3 of 3", which reads like a cap; "2 shown of 5" under a filter.</summary>
    private void UpdateSummary()
    {
        var whose = Context.IsFocalPoint ? Strings.Format("Session_Whose", Context.Caller.RegionCode) : Strings.Get("Session_All");
        var live = _live ? Strings.Get("Session_Live") : Strings.Get("Session_Paused");
        Summary = Source.TotalRows == 0
            ? Strings.Format("Session_NoneYet", whose) + (CanNominate ? Strings.Get("Session_PressN") : "") + $" {live}"
            : Strings.Format("Session_Count", whose, Source.TotalRows)
              + (Source.Rows != Source.TotalRows ? Strings.Format("Session_Filtered", Source.Rows) : "") + $" · {live}";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {row.State} {row.Name}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show(Strings.Format("Session_NominationOf", row.OfficerDisplayName),
        $"{row.Name}\n{Strings.Format("Session_StateLine", Format.State(row.State))}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\n{Strings.Get("Session_WarningsHeading")}\n{Describe.Findings(row.Warnings)}" : ""));

    public override bool HandleKey(Key key)
    {
        if (key == Key.N && CanNominate)
        {
            Context.Navigator.Push(new NominateScreen(Context, _session, _course));
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
        if (Context.IsAdministrator && AdministratorKey(key)) return true;
        return base.HandleKey(key);
    }

    private bool AdministratorKey(Key key)
    {
        if (key == Key.R)
        {
            Context.Navigator.Push(new ReviewScreen(Context, _session, _course));
            return true;
        }
        if (key == Key.E)
        {
            if (_course is null)
            {
                Context.Status.ShowError(Strings.Get("Session_CourseUnread"));
                return true;
            }
            if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _vocabularyLoad);
            Context.Navigator.Push(new SessionFormScreen(Context, _course, _session, _vocabulary, Moved));
            return true;
        }
        if (key == Key.D.WithShift)
        {
            _ = DeleteAsync();
            return true;
        }
        LifecycleMove? move = key == Key.O.WithShift ? LifecycleMove.Open
            : key == Key.C.WithShift ? LifecycleMove.Close
            : key == Key.K.WithShift ? LifecycleMove.Complete
            : key == Key.X.WithShift ? LifecycleMove.Cancel
            : null;
        if (move is not { } m) return false;
        _ = SessionLifecycle.AskAndMoveAsync(Context, _action, m, _session, Code, Source.AllRows, Moved);
        return true;
    }

    private void Moved(Session session)
    {
        _session = session;
        ShowDetails();
        _changed?.Invoke(session);
        // Cancelling cancels the live nominations: the feed brings each one; the figures are read again at once.
        _ = LoadFiguresAsync();
    }

    private async Task DeleteAsync()
    {
        var what = $"{Code} {Format.Dates(_session.StartDate, _session.EndDate)} ({_session.Venue})";
        if (_session.State != Session.Types.State.Draft)
        {
            Context.Status.ShowError(Strings.Format("Session_OnlyDraftDeleted", what, Format.SessionState(_session.State)));
            return;
        }
        if (!Context.Dialogs.Confirm(Strings.Get("Session_DeleteTitle"), Strings.Format("Session_DeleteQuestion", what), Strings.Get("Catalogue_Delete"))) return;
        var session = _session;
        await Context.Load(_action,
            async ct =>
            {
                await Context.Client.DeleteSessionAsync(session.Name, session.Etag, ct);
                return true;
            },
            _ =>
            {
                _removed?.Invoke(session.Name);
                Context.Navigator.Back();
                Context.Status.ShowInfo(Strings.Format("Session_Deleted", what));
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError(Strings.Format("Session_NotDeleted", what,
                    error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message));
            });
    }

    public override void OnClosed()
    {
        _watch.Stop();
        _nominations.Cancel();
        _figures.Cancel();
        _action.Cancel();
        _vocabularyLoad.Cancel();
    }
}
