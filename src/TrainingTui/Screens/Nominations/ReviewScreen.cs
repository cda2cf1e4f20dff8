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
        new(Strings.Get("Col_State"), n => Format.State(n.State) + (n.Result != Nomination.Types.Result.Unspecified ? $" ({n.Result.ToString().ToLowerInvariant()})" : ""),
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
        Summary = "Loading nominations…";
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
            error => Summary = $"Could not load the nominations: {error.Message}");
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
            ReviewView.Pending => ("Pending (submitted or waitlisted)", "all"),
            ReviewView.All => ("All", "confirmed"),
            _ => ("Confirmed", "pending"),
        };
        var filtered = Source.TotalRows != Source.Rows ? $" ({Source.TotalRows - Source.Rows} hidden by the filter)" : "";
        var live = _live ? "● live" : "○ live updates paused";
        Summary = _all.Count == 0
            ? $"No nominations to this session yet. {live}"
            : $"{view}: {Source.Rows} of {_all.Count} nominations{filtered} · F shows {next} · {live}";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {Format.RegionOf(row.Name)} {Format.State(row.State)}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show($"Nomination of {row.OfficerDisplayName}",
        $"{row.Name}\nState: {Format.State(row.State)}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\nWarnings at submission:\n{Describe.Findings(row.Warnings)}" : ""));

    private void ShowDetails()
    {
        var lines = new List<string>
        {
            $"{Code} {Format.Dates(Session.StartDate, Session.EndDate)} · {Session.Venue} · {Session.State.ToString().ToLowerInvariant()}",
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
        ? "It takes a seat."
        : s.SeatsAvailable <= 0 ? "The session is full: the service will refuse, and w waitlists instead."
        : $"It takes one of the {s.SeatsAvailable} seat{(s.SeatsAvailable == 1 ? "" : "s")} left.";

    private IEnumerable<string> OfficerLines()
    {
        if (Selected is not { } nomination) return ["", "No nomination selected."];
        if (!_officers.TryGetValue(nomination.Officer, out var now)) return [$"▸ {nomination.OfficerDisplayName}: reading the record…"];
        if (now.Problem is not null) return [$"▸ {nomination.OfficerDisplayName}: {now.Problem}"];
        var lines = new List<string>();
        if (now.Officer is { } o)
        {
            var today = Context.Today;
            var age = Format.Day(o.BirthDate) is { } born ? $"age {FullYears(born, today)}" : "age —";
            var started = Format.Day(o.ServiceStartDate);
            var until = Format.Day(o.RetirementDate) is { } retired && retired < today ? retired : today;
            var service = started is { } s ? $"{FullYears(s, until)} years' service" : "service —";
            lines.Add($"▸ {nomination.OfficerDisplayName} ({Format.RegionOf(o.Name)}) · {o.Rank} · {Format.Gender(o.Gender)} · {age} · {service}");
            lines.Add($"  {(o.Languages.Count == 0 ? "no languages" : string.Join(", ", o.Languages.Select(Format.Language)))} · " +
                      $"{(o.Skills.Count == 0 ? "no skills" : string.Join(", ", o.Skills.Select(k => $"{k.SkillCode} ({SkillLevel(k.Level)})")))}");
            lines.Add($"  Vetting: {Vetting(o.Vetting)}");
        }
        else
        {
            lines.Add($"▸ {nomination.OfficerDisplayName}");
        }
        if (now.Eligibility is not { } eligibility)
        {
            lines.Add("  Eligibility now: checking…");
            return lines;
        }
        var failures = eligibility.Failures.Where(f => !SubmissionOnlyRules.Contains(f.Rule)).ToList();
        var warnings = eligibility.Warnings.Where(w => !SubmissionOnlyRules.Contains(w.Rule)).ToList();
        lines.Add(failures.Count > 0
            ? $"  Not eligible now: {string.Join(" ", failures.Select(f => "✗ " + f.Description))}"
            : "  Eligible now ✓" + (warnings.Count > 0 ? $" · {string.Join(" ", warnings.Select(w => "! " + w.Description))}" : ""));
        return lines;
    }

    private static int FullYears(DateOnly from, DateOnly to) =>
        to.Year - from.Year - (to.Month < from.Month || (to.Month == from.Month && to.Day < from.Day) ? 1 : 0);

    private static string SkillLevel(SkillLevel level) =>
        level == Unpol.Training.V1.SkillLevel.Unspecified ? "any" : level.ToString().ToLowerInvariant();

    private static string Vetting(Vetting? vetting)
    {
        static string Item(string name, VettingItem? item) => item?.Status switch
        {
            VettingStatus.Cleared => $"{name} ✓",
            VettingStatus.Flagged => $"{name} ✗ flagged",
            VettingStatus.Pending => $"{name} … pending",
            _ => $"{name} —",
        };
        return string.Join(" · ",
            Item("human rights", vetting?.HumanRightsScreening),
            Item("misconduct", vetting?.MisconductCheck),
            Item("attestation", vetting?.SelfAttestation),
            Item("medical", vetting?.MedicalClearance));
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
                _officers[officer] = new OfficerNow(null, null, $"could not read the officer: {error.Message}");
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
            else Context.Status.ShowError("No nomination selected.");
            return true;
        }
        return base.HandleKey(key);
    }

    /// <summary>Why the decision cannot apply to the nomination as it stands, or null when it can.</summary>
    private string? NotApplicable(Decision decision, Nomination n)
    {
        var who = $"{n.OfficerDisplayName} is {Format.State(n.State)}";
        var state = n.State;
        return decision switch
        {
            Decision.Confirm when state is not (Nomination.Types.State.Submitted or Nomination.Types.State.Waitlisted) =>
                $"{who}: only submitted or waitlisted nominations can be confirmed.",
            Decision.Waitlist when state != Nomination.Types.State.Submitted => $"{who}: only submitted nominations can be waitlisted.",
            Decision.Reject when state != Nomination.Types.State.Submitted => $"{who}: only submitted nominations can be rejected.",
            Decision.Reconsider when state != Nomination.Types.State.Rejected => $"{who}: only rejected nominations can be reconsidered.",
            Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow when !SessionEnded =>
                $"Outcomes can be recorded from the session's last day, {Format.Date(Session.EndDate)}.",
            Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow when state != Nomination.Types.State.Confirmed =>
                $"{who}: outcomes are recorded for confirmed nominations.",
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
                if (Context.Dialogs.AskReason($"Reject {name}", "Why is this nomination rejected? (the focal point will read it)") is not { } why) return;
                reason = why;
                break;
            case Decision.Reconsider:
                if (Context.Dialogs.AskReason($"Reconsider {name}", "Why is this nomination reconsidered? (it becomes submitted again)") is not { } again) return;
                reason = again;
                break;
            case Decision.RecordPassed or Decision.RecordFailed or Decision.RecordNoShow:
                if (!Context.Dialogs.Confirm("Record the outcome",
                        $"Record {name} as {Outcome(decision)}? Outcomes are final and cannot be changed.", "Record")) return;
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
                ? $"Session full: {name} not confirmed, stays on the waitlist. {why}"
                : $"Session full: {name} not confirmed; press w to waitlist. {why}",
            "MEMBER_STATE_QUOTA_REACHED" => $"{Format.RegionOf(n.Name)}'s quota is used: {name} not confirmed. {why}",
            "OFFICER_NOT_ELIGIBLE" => $"{name} is not eligible any more: {why}",
            "ETAG_MISMATCH" => $"{name}'s nomination was changed by someone else; the list is read again. Decide again if still needed.",
            _ => $"Could not {Verb(decision)} {name}: {why}",
        };
    }

    private static string Verb(Decision decision) => decision switch
    {
        Decision.Confirm => "confirm",
        Decision.Waitlist => "waitlist",
        Decision.Reject => "reject",
        Decision.Reconsider => "reconsider",
        Decision.Withdraw => "withdraw",
        _ => "record the outcome of",
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
