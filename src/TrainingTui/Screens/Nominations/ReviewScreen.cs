using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>Which of a session's nominations the review table shows; 'F' moves to the next.</summary>
public enum ReviewView { Pending, All, Confirmed }

/// <summary>
/// An administrator's review of one session: its nominations (every Member State's), the selected officer's
/// summary and eligibility now, and a seat counter that follows each decision. Confirm, waitlist, reject or
/// reconsider with a reason; from the session's last day, record who passed, failed or did not come.
/// </summary>
public sealed class ReviewScreen : TableScreen<Nomination>
{
    private const int PageSize = 500;

    /// <summary>
    /// CheckEligibility is the submission's dry run. These rules bind only at submission (the service skips them
    /// when it confirms), so for a nomination under review they say nothing: it is, of course, already nominated.
    /// The list's parity warning has the parity screen.
    /// </summary>
    private static readonly HashSet<string> SubmissionOnlyRules =
        ["ALREADY_NOMINATED", "NOMINATION_WINDOW_CLOSED", "MEMBER_STATE_CAP_REACHED", "PARITY_BELOW_THRESHOLD"];

    private readonly CallSlot _list = new();
    private readonly CallSlot _figures = new();
    private readonly CallSlot _officer = new();
    private readonly CallSlot _action = new();
    private readonly Dictionary<string, OfficerNow> _officers = [];
    private IReadOnlyList<Nomination> _all = [];
    private SessionStatistics? _statistics;
    private string? _detailsFor;
    private Task _officerLoad = Task.CompletedTask;
    private bool _loaded;
    private readonly NominationWatch _watch;
    private bool _live;

    /// <summary>An officer's record and eligibility for this session, as last read.</summary>
    private sealed record OfficerNow(Officer? Officer, CheckEligibilityResponse? Eligibility, string? Problem);

    public ReviewScreen(ScreenContext context, Session session, Course? course)
        : base(context, Columns(), n => n.Name, detailsHeight: 6)
    {
        Session = session;
        Course = course;
        View = SessionEnded ? ReviewView.Confirmed : ReviewView.Pending;
        Table.ValueChanged += (_, _) => ShowSelectedOfficer();
        // Live, like the nominations screen: a focal point's withdrawal or another administrator's decision shows
        // at once, and the seat counter follows.
        _watch = new NominationWatch(context, "memberStates/-", Changed, live =>
        {
            _live = live;
            UpdateSummary();
        }, Reload);
        ShowDetails();
    }

    public Session Session { get; }
    public Course? Course { get; }

    /// <summary>The nominations shown: those awaiting a decision (the default before the session ends), all, or the confirmed.</summary>
    public ReviewView View { get; private set; }

    private string Code => Course?.Code ?? Format.CourseOf(Session.Name);

    public override string Heading => Strings.Format("Review_Heading", Code);

    /// <summary>Outcomes can be recorded from the session's last day (the service's rule).</summary>
    private bool SessionEnded => Format.Day(Session.EndDate) is { } end && Context.Today >= end;

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("c", "Key_Confirm"),
        Help("w", "Key_Waitlist"),
        Help("x", "Key_Reject"),
        Help("r", "Key_Reconsider"),
        .. SessionEnded
            ? new KeyHelp[] { Help("p f o", "Key_Outcomes") }
            : [new("p f o", Strings.Format("Key_OutcomesFrom", Format.Date(Session.EndDate)), Strings.Get("Key_OutcomesFrom_Hint"))],
        Help("F", "Key_PendingAllConfirmed"),
        Help("Enter", "Key_History"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<Nomination>> Columns() =>
    [
        new(Strings.Get("Col_Officer"), n => n.OfficerDisplayName, n => Folding.Fold(n.OfficerDisplayName), MaxWidth: 26),
        new(Strings.Get("Col_MemberState"), n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name), MaxWidth: 3),
        new(Strings.Get("Col_Gender"), n => Format.Gender(n.OfficerGender), n => (int)n.OfficerGender, MaxWidth: 1),
        new(Strings.Get("Col_State"), n => Format.State(n.State) + (n.Result != Nomination.Types.Result.Unspecified ? $" ({(n.Result == Nomination.Types.Result.Passed ? Strings.Get("Review_Passed") : Strings.Get("Review_Failed"))})" : ""),
            n => (int)n.State, MaxWidth: 20),
        new(Strings.Get("Col_Submitted"), n => Format.Instant(n.CreateTime ?? n.UpdateTime), n => (n.CreateTime ?? n.UpdateTime)?.ToDateTime()),
        new(Strings.Get("Col_Warnings"), n => string.Join("; ", n.Warnings.Select(w => w.Description)), MayCut: true),
    ];

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload()
    {
        _watch.Stop();
        _officers.Clear();
        _detailsFor = null;
        _ = LoadNominationsAsync();
        _ = LoadFiguresAsync();
    }

    private async Task LoadNominationsAsync()
    {
        Summary = Strings.Get("Session_Loading");
        await Context.Load(_list,
            ct => Context.Client.ListAllNominationsAsync(
                new ListNominationsRequest { Parent = "memberStates/-", Session = Session.Name, PageSize = PageSize }, ct),
            result =>
            {
                _loaded = true;
                _all = result.Nominations;
                ShowView();
                _watch.Start(result.WatchSequence);
            },
            error => Summary = Strings.Format("Request_LoadFailed", error.Message));
    }

    private async Task LoadFiguresAsync() =>
        await Context.Load(_figures,
            ct => Context.Client.GetSessionStatisticsAsync(Session.Name, ct),
            figures =>
            {
                _statistics = figures;
                ShowDetails();
            },
            _ => { });

    /// <summary>A change from the watch: this session's nominations are updated in place and the seats read again.</summary>
    private void Changed(Nomination nomination)
    {
        if (nomination.Session != Session.Name) return;
        _all = _all.Any(n => n.Name == nomination.Name)
            ? _all.Select(n => n.Name == nomination.Name ? nomination : n).ToList()
            : [.. _all, nomination];
        ShowView();
        _ = LoadFiguresAsync();
    }

    private bool InView(Nomination n) => View switch
    {
        ReviewView.Pending => n.State is Nomination.Types.State.Submitted or Nomination.Types.State.Waitlisted,
        ReviewView.Confirmed => n.State == Nomination.Types.State.Confirmed,
        _ => true,
    };

    /// <summary>Shows the nominations of the current view, keeping the selected one, or its place when it left the view.</summary>
    private void ShowView()
    {
        var index = Table.Value?.SelectedCell.Y ?? 0;
        var key = Selected is { } row ? Source.Key(row) : null;
        ShowRows(_all.Where(InView).ToList());
        if (key is not null && Source.IndexOf(key) < 0 && Source.Rows > 0)
        {
            Table.SetSelection(0, Math.Clamp(index, 0, Source.Rows - 1), false);
            Table.EnsureCursorIsVisible();
        }
        UpdateSummary();
        ShowSelectedOfficer();
    }

    private void UpdateSummary()
    {
        var (view, next) = View switch
        {
            ReviewView.Pending => (Strings.Get("Review_ViewPending"), Strings.Get("Review_NextAll")),
            ReviewView.All => (Strings.Get("Review_ViewAll"), Strings.Get("Review_NextConfirmed")),
            _ => (Strings.Get("Review_ViewConfirmed"), Strings.Get("Review_NextPending")),
        };
        var filtered = Source.TotalRows != Source.Rows ? Strings.Format("Review_Hidden", Source.TotalRows - Source.Rows) : "";
        var live = _live ? Strings.Get("Session_Live") : Strings.Get("Session_Paused");
        Summary = _all.Count == 0
            ? Strings.Format("Review_NoneYet", live)
            : Strings.Format("Review_Summary", view, Source.Rows, _all.Count, filtered, next, live);
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {Format.RegionOf(row.Name)} {Format.State(row.State)}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show(Strings.Format("Session_NominationOf", row.OfficerDisplayName),
        $"{row.Name}\n{Strings.Format("Session_StateLine", Format.State(row.State))}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\n{Strings.Get("Request_WarningsAtSubmission")}\n{Describe.Findings(row.Warnings)}" : ""));

    private void ShowDetails()
    {
        var lines = new List<string>
        {
            $"{Code} {Format.Dates(Session.StartDate, Session.EndDate)} · {Session.Venue} · {Format.SessionState(Session.State)}",
            SeatCounter(),
        };
        lines.AddRange(OfficerLines());
        Details.Text = string.Join('\n', lines);
    }

    /// <summary>"Seats 12/20 · waitlist 3 · 5 awaiting a decision", from the session's figures.</summary>
    private string SeatCounter()
    {
        if (_statistics is not { } s) return Strings.Get("Review_SeatsUnknown");
        var taken = s.Seats - s.SeatsAvailable;
        var full = s.SeatsAvailable <= 0 ? Strings.Get("Describe_Full") : "";
        var outcomes = SessionEnded ? Strings.Get("Review_Ended") : Strings.Format("Review_OutcomesFrom", Format.Date(Session.EndDate));
        return Strings.Format("Review_SeatCounter", taken, s.Seats, full, s.Overall.Waitlisted, s.Overall.Submitted, outcomes);
    }

    /// <summary>"It takes one of the 4 seats left." — from the figures as last read.</summary>
    private string SeatsLeft() => _statistics is not { } s
        ? Strings.Get("Review_TakesASeat")
        : s.SeatsAvailable <= 0 ? Strings.Get("Review_SessionFull")
        : s.SeatsAvailable == 1 ? Strings.Format("Review_SeatLeftOne", s.SeatsAvailable) : Strings.Format("Review_SeatsLeft", s.SeatsAvailable);

    private IEnumerable<string> OfficerLines()
    {
        if (Selected is not { } nomination) return ["", Strings.Get("Request_NoneSelected")];
        if (!_officers.TryGetValue(nomination.Officer, out var now)) return [Strings.Format("Review_ReadingRecord", nomination.OfficerDisplayName)];
        if (now.Problem is not null) return [Strings.Format("Review_OfficerProblem", nomination.OfficerDisplayName, now.Problem)];
        var lines = new List<string>();
        if (now.Officer is { } o)
        {
            var today = Context.Today;
            var age = Format.Day(o.BirthDate) is { } born ? Strings.Format("Review_Age", FullYears(born, today)) : Strings.Get("Review_AgeUnknown");
            var started = Format.Day(o.ServiceStartDate);
            var until = Format.Day(o.RetirementDate) is { } retired && retired < today ? retired : today;
            var service = started is { } s ? Strings.Format("Review_Service", FullYears(s, until)) : Strings.Get("Review_ServiceUnknown");
            lines.Add($"▸ {nomination.OfficerDisplayName} ({Format.RegionOf(o.Name)}) · {o.Rank} · {Format.Gender(o.Gender)} · {age} · {service}");
            lines.Add($"  {(o.Languages.Count == 0 ? Strings.Get("Review_NoLanguages") : string.Join(", ", o.Languages.Select(Format.Language)))} · " +
                      $"{(o.Skills.Count == 0 ? Strings.Get("Review_NoSkills") : string.Join(", ", o.Skills.Select(k => $"{k.SkillCode} ({SkillLevel(k.Level)})")))}");
            lines.Add(Strings.Format("Review_Vetting", Vetting(o.Vetting)));
        }
        else
        {
            lines.Add($"▸ {nomination.OfficerDisplayName}");
        }
        if (now.Eligibility is not { } eligibility)
        {
            lines.Add(Strings.Get("Review_EligibilityChecking"));
            return lines;
        }
        var failures = eligibility.Failures.Where(f => !SubmissionOnlyRules.Contains(f.Rule)).ToList();
        var warnings = eligibility.Warnings.Where(w => !SubmissionOnlyRules.Contains(w.Rule)).ToList();
        lines.Add(failures.Count > 0
            ? Strings.Format("Review_NotEligibleNow", string.Join(" ", failures.Select(f => "✗ " + f.Description)))
            : Strings.Get("Review_EligibleNow") + (warnings.Count > 0 ? $" · {string.Join(" ", warnings.Select(w => "! " + w.Description))}" : ""));
        return lines;
    }

    private static int FullYears(DateOnly from, DateOnly to) =>
        to.Year - from.Year - (to.Month < from.Month || (to.Month == from.Month && to.Day < from.Day) ? 1 : 0);

    private static string SkillLevel(SkillLevel level) =>
        level == Unpol.Training.V1.SkillLevel.Unspecified ? Strings.Get("Review_AnyLevel") : Describe.Level(level);

    private static string Vetting(Vetting? vetting)
    {
        static string Item(string name, VettingItem? item) => item?.Status switch
        {
            VettingStatus.Cleared => $"{name} ✓",
            VettingStatus.Flagged => $"{name} ✗ {Strings.Get("Officer_VettingFlagged")}",
            VettingStatus.Pending => $"{name} … {Strings.Get("Officer_VettingPending")}",
            _ => $"{name} —",
        };
        return string.Join(" · ",
            Item(Strings.Get("Review_VettingHumanRights"), vetting?.HumanRightsScreening),
            Item(Strings.Get("Review_VettingMisconduct"), vetting?.MisconductCheck),
            Item(Strings.Get("Review_VettingAttestation"), vetting?.SelfAttestation),
            Item(Strings.Get("Review_VettingMedical"), vetting?.MedicalClearance));
    }

    /// <summary>Reads the selected nomination's officer and eligibility once per officer (again after each decision).</summary>
    private void ShowSelectedOfficer()
    {
        var officer = Selected?.Officer;
        if (officer is not null && officer != _detailsFor && !_officers.ContainsKey(officer)) _officerLoad = LoadOfficerAsync(officer);
        _detailsFor = officer;
        ShowDetails();
    }

    private async Task LoadOfficerAsync(string officer)
    {
        await Context.Load(_officer,
            async ct =>
            {
                var record = await Context.Client.GetOfficerAsync(officer, ct);
                var eligibility = await Context.Client.CheckEligibilityAsync(officer, Session.Name, ct);
                return new OfficerNow(record, eligibility, null);
            },
            now =>
            {
                _officers[officer] = now;
                ShowDetails();
            },
            error =>
            {
                _officers[officer] = new OfficerNow(null, null, Strings.Format("Review_OfficerUnread", error.Message));
                ShowDetails();
            });
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.F.WithShift)
        {
            View = View switch { ReviewView.Pending => ReviewView.All, ReviewView.All => ReviewView.Confirmed, _ => ReviewView.Pending };
            ShowView();
            return true;
        }
        var decision = key switch
        {
            _ when key == Key.C => Decision.Confirm,
            _ when key == Key.W => Decision.Waitlist,
            _ when key == Key.X => Decision.Reject,
            _ when key == Key.R => Decision.Reconsider,
            _ when key == Key.P => Decision.RecordPassed,
            _ when key == Key.F => Decision.RecordFailed,
            _ when key == Key.O => Decision.RecordNoShow,
            _ => (Decision?)null,
        };
        if (decision is { } d)
        {
            if (Selected is { } nomination) _ = DecideAsync(d, nomination);
            else Context.Status.ShowError(Strings.Get("Request_NoneSelected"));
            return true;
        }
        return base.HandleKey(key);
    }

    /// <summary>Why the decision cannot apply to the nomination as it stands, or null when it can.</summary>
    private string? NotApplicable(Decision decision, Nomination n)
    {
        var (who, state) = (n.OfficerDisplayName, n.State);
        var shown = Format.State(state);
        return decision switch
        {
            Decision.Confirm when state is not (Nomination.Types.State.Submitted or Nomination.Types.State.Waitlisted) =>
                Strings.Format("Review_OnlyConfirm", who, shown),
            Decision.Waitlist when state != Nomination.Types.State.Submitted => Strings.Format("Review_OnlyWaitlist", who, shown),
            Decision.Reject when state != Nomination.Types.State.Submitted => Strings.Format("Review_OnlyReject", who, shown),
            Decision.Reconsider when state != Nomination.Types.State.Rejected => Strings.Format("Review_OnlyReconsider", who, shown),
            Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow when !SessionEnded =>
                Strings.Format("Review_OutcomesNotYet", Format.Date(Session.EndDate)),
            Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow when state != Nomination.Types.State.Confirmed =>
                Strings.Format("Review_OutcomesConfirmedOnly", who, shown),
            _ => null,
        };
    }

    private async Task DecideAsync(Decision decision, Nomination nomination)
    {
        if (NotApplicable(decision, nomination) is { } problem)
        {
            Context.Status.ShowError(problem);
            return;
        }
        var name = nomination.OfficerDisplayName;
        var reason = "";
        switch (decision)
        {
            case Decision.Confirm:
                // A seat is taken and the focal point told at once: asked first, like every decision that takes a seat.
                if (!Context.Dialogs.Confirm(Strings.Get("Review_ConfirmTitle"),
                        Strings.Format("Review_ConfirmQuestion", name, Format.RegionOf(nomination.Name), Code, Format.Dates(Session.StartDate, Session.EndDate),
                            SeatsLeft()), Strings.Get("Review_ConfirmButton"))) return;
                break;
            case Decision.Reject:
                if (Context.Dialogs.AskReason(Strings.Format("Request_RejectTitle", name), Strings.Get("Request_RejectWhy")) is not { } why) return;
                reason = why;
                break;
            case Decision.Reconsider:
                if (Context.Dialogs.AskReason(Strings.Format("Review_ReconsiderTitle", name), Strings.Get("Review_ReconsiderWhy")) is not { } again) return;
                reason = again;
                break;
            case Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow:
                if (!Context.Dialogs.Confirm(Strings.Get("Review_RecordTitle"),
                        Strings.Format("Review_RecordQuestion", name, Outcome(decision)), Strings.Get("Review_RecordButton"))) return;
                break;
        }
        await Context.Load(_action,
            ct => Context.Client.DecideAsync(decision, nomination, reason, ct),
            moved =>
            {
                _officers.Clear();
                Replace(moved);
                Context.Status.ShowInfo(Done(decision, moved));
                _ = LoadFiguresAsync();
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                var sentence = Refusal(decision, nomination, error);
                Context.Status.ShowError(sentence);
                _ = RefreshThenSayAsync(nomination.Officer, sentence);
            });
    }

    /// <summary>
    /// After a refusal the session has moved on (a seat taken, the nomination changed by someone else, the
    /// officer's record edited): read it again, then say the refusal once more, as a successful read clears
    /// the error line.
    /// </summary>
    private async Task RefreshThenSayAsync(string officer, string sentence)
    {
        _officers.Remove(officer);
        _detailsFor = null;
        await Task.WhenAll(LoadNominationsAsync(), LoadFiguresAsync());
        await _officerLoad;
        Context.Status.ShowError(sentence);
    }

    private void Replace(Nomination moved)
    {
        _all = _all.Select(n => n.Name == moved.Name ? moved : n).ToList();
        _detailsFor = null;
        ShowView();
    }

    private static string Outcome(Decision decision) => decision switch
    {
        Decision.RecordPassed => Strings.Get("Review_Passed"),
        Decision.RecordFailed => Strings.Get("Review_Failed"),
        _ => Strings.Get("Review_NoShow"),
    };

    private static string Done(Decision decision, Nomination n) => decision switch
    {
        Decision.Confirm => Strings.Format("Review_Confirmed", n.OfficerDisplayName),
        Decision.Waitlist => Strings.Format("Review_Waitlisted", n.OfficerDisplayName),
        Decision.Reject => Strings.Format("Review_Rejected", n.OfficerDisplayName),
        Decision.Reconsider => Strings.Format("Review_SubmittedAgain", n.OfficerDisplayName),
        _ => Strings.Format("Review_Recorded", n.OfficerDisplayName, Outcome(decision)),
    };

    /// <summary>The service's refusal as one sentence that says what happened and what to do.</summary>
    public static string Refusal(Decision decision, Nomination n, ClientError error)
    {
        var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
        var name = n.OfficerDisplayName;
        return error.Reason switch
        {
            "SESSION_FULL" => n.State == Nomination.Types.State.Waitlisted
                ? Strings.Format("Review_FullStays", name, why)
                : Strings.Format("Review_FullWaitlist", name, why),
            "MEMBER_STATE_QUOTA_REACHED" => Strings.Format("Review_QuotaUsed", Format.RegionOf(n.Name), name, why),
            "OFFICER_NOT_ELIGIBLE" => Strings.Format("Review_NoLongerEligible", name, why),
            "ETAG_MISMATCH" => Strings.Format("Request_ChangedMeanwhile", name),
            _ => CouldNot(decision, name, why),
        };
    }

    private static string CouldNot(Decision decision, string name, string why) => decision switch
    {
        Decision.Confirm => Strings.Format("Review_CouldNotConfirm", name, why),
        Decision.Waitlist => Strings.Format("Review_CouldNotWaitlist", name, why),
        Decision.Reject => Strings.Format("Request_CouldNotReject", name, why),
        Decision.Reconsider => Strings.Format("Review_CouldNotReconsider", name, why),
        Decision.Withdraw => Strings.Format("Request_CouldNotWithdraw", name, why),
        _ => Strings.Format("Review_CouldNotRecord", name, why),
    };

    public override void OnClosed()
    {
        _watch.Stop();
        _list.Cancel();
        _figures.Cancel();
        _officer.Cancel();
        _action.Cancel();
    }
}
