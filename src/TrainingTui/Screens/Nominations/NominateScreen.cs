using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Nominations;

/// <summary>What happened when an officer was submitted: a nomination, or the service's refusal in its words.</summary>
public sealed record SubmissionResult(bool Submitted, string Refusal = "")
{
    /// <summary>The RESULT column: short, as the reasons of a refusal go to WHY NOT.</summary>
    public string Text => Submitted ? Strings.Get("Nominate_ResultSubmitted") : Strings.Get("Nominate_ResultRefused");
}

/// <summary>
/// One officer of the roster as the nominate screen shows them: their eligibility for the session (once the
/// service has answered), whether they are selected, and the result of submitting them.
/// </summary>
public sealed record NomineeRow(Officer Officer, CheckEligibilityResponse? Eligibility = null, string? CheckProblem = null,
    bool Selected = false, SubmissionResult? Result = null)
{
    /// <summary>The live warning about the Member State's whole list: the review projects it for the selection instead.</summary>
    public const string ParityRule = "PARITY_BELOW_THRESHOLD";

    public string Key => Officer.Name;
    public string DisplayName { get; } = Officer.Anonymized ? Strings.Get("Roster_Anonymised") : $"{Officer.FamilyName}, {Officer.GivenName}";
    public string SearchText { get; } = Folding.Fold($"{Officer.FamilyName} {Officer.GivenName} {Officer.Rank} {Officer.NationalPoliceId}");
    public bool IsFemale => Officer.Gender == Gender.Female;
    public bool Checked => Eligibility is not null || CheckProblem is not null;
    public bool Eligible => Eligibility?.Eligible == true;
    public bool Submitted => Result?.Submitted == true;
    public bool Selectable => Eligible && !Submitted;

    /// <summary>Warnings about this officer (age 55 or older, say).</summary>
    public IReadOnlyList<EligibilityFinding> Warnings => Eligibility?.Warnings.Where(w => w.Rule != ParityRule).ToList() ?? [];

    /// <summary>"✓" eligible, "✗" not, "…" still being checked, "?" the check failed, "→" submitted from this screen.</summary>
    public string Mark => Submitted ? "→" : Eligibility is { } e ? (e.Eligible ? "✓" : "✗") : CheckProblem is null ? "…" : "?";

    /// <summary>The first reason the officer cannot be nominated ("+N more" when there are others), or their first warning.</summary>
    public string WhyNot(int width)
    {
        if (Result is { Submitted: false } refused) return Fit(refused.Refusal, width);
        if (Submitted) return Strings.Get("Nominate_SubmittedJustNow");
        if (CheckProblem is not null) return Fit(Strings.Format("Nominate_NotCheckedShort", CheckProblem), width);
        if (Eligibility is null) return "";
        var (list, prefix) = Eligibility.Eligible ? (Warnings, "! ") : (Eligibility.Failures.ToList(), "");
        if (list.Count == 0) return "";
        var more = list.Count > 1 ? Strings.Format("Nominate_More", list.Count - 1) : "";
        var first = prefix + list[0].Description;
        return Fit(first, Math.Max(8, width - more.Length)) + more;
    }

    private static string Fit(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;
}

/// <summary>How a Member State's list for a session would stand, as to women, once the selection is submitted.</summary>
public sealed record ParityProjection(string RegionCode, int Nominated, int Women, int Adding, int AddingWomen, double Threshold)
{
    public int After => Nominated + Adding;
    public int WomenAfter => Women + AddingWomen;
    public double ShareAfter => After == 0 ? 0 : (double)WomenAfter / After;
    public bool BelowThreshold => After > 0 && ShareAfter < Threshold;

    /// <summary>One projection per Member State of the officers being added, from the session's live figures.</summary>
    public static IReadOnlyList<ParityProjection> For(SessionStatistics figures, IEnumerable<Officer> adding) =>
        adding.GroupBy(o => Format.RegionOf(o.Name)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var now = figures.MemberStates.FirstOrDefault(m => m.RegionCode == g.Key)?.Figures;
            return new ParityProjection(g.Key, now?.Nominated ?? 0, now?.NominatedWomen ?? 0, g.Count(),
                g.Count(o => o.Gender == Gender.Female), figures.ParityThreshold);
        }).ToList();

    public string Sentence() =>
        Strings.Format("Nominate_ParityWould", RegionCode, NominateScreen.Women(WomenAfter),
            Format.IsOne(After) ? Strings.Format("Nominate_NomineeOne", After) : Strings.Format("Nominate_Nominees", After), Format.Percent(ShareAfter)) +
        (BelowThreshold
            ? Strings.Format("Nominate_ParityBelow", Format.Percent(Threshold))
            : Strings.Format("Nominate_ParityAtOrAbove", Format.Percent(Threshold)));
}

/// <summary>
/// Nominating from a session: the caller's roster with each officer's eligibility for the session (checked in
/// the background, the rows on screen first), a selection of eligible officers, a review of the soft warnings
/// and of the list's share of women, then one submission per officer with its result on its row.
/// </summary>
public sealed class NominateScreen : TableScreen<NomineeRow>
{
    /// <summary>Eligibility checks in flight at once: enough to fill a screen quickly without flooding the service.</summary>
    private const int ChecksAtOnce = 4;

    private const int PageSize = 500;
    private const int WhyNotColumn = 6;

    private readonly CallSlot _roster = new();
    private readonly CallSlot _figures = new();
    private readonly CallSlot _checks = new();
    private readonly CallSlot _reference = new();
    private readonly RosterVocabulary _vocabulary = new();
    private readonly HashSet<string> _inFlight = [];
    private readonly HashSet<string> _answered = [];

    /// <summary>
    /// One request id per officer for the life of the screen: a retry after a dropped reply sends the same id and
    /// the service returns the nomination it already made. A new screen is a new intent (after a withdrawal, say);
    /// the service's "already nominated" rule still refuses a second live nomination.
    /// </summary>

    private readonly ReasonWidth _whyNot;

    private SessionStatistics? _figuresNow;
    private RosterFilter _filter;
    private IReadOnlyList<string> _checkOrder = [];
    private int _checkCursor;
    private bool _loaded;
    private readonly Submissions _submissions;

    public NominateScreen(ScreenContext context, Session session, Course? course) : this(context, session, course, new ReasonWidth())
    {
    }

    private NominateScreen(ScreenContext context, Session session, Course? course, ReasonWidth whyNot)
        : base(context, Columns(whyNot), c => c.Key, detailsHeight: 5)
    {
        Session = session;
        Course = course;
        _whyNot = whyNot;
        _submissions = new Submissions(context);
        // The roster's own criteria; the Member States searched are the caller's, whatever the filter's one says.
        _filter = RosterFilter.For(RegionCodes.FirstOrDefault() ?? "");
        Table.FrameChanged += (_, _) => FitReasons();
        // The selected officer's reasons read whole above the table, where WHY NOT may be cut.
        Table.ValueChanged += (_, _) => ShowDetails();
        Table.Style.RowColorGetter = args =>
            args.RowIndex >= 0 && args.RowIndex < Source.Rows && Source.RowAt(args.RowIndex).Selected ? Context.Theme.Accent : null;
        ShowDetails();
    }

    public Session Session { get; }
    public Course? Course { get; }

    /// <summary>Short: the session screen beneath already names the session in the header's trail.</summary>
    public override string Heading => Strings.Get("Nominate_Heading");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Space", "Key_Select"),
        Help("a", "Key_SelectAllEligible"),
        Help("n ^S", "Key_ReviewThenSubmit"),
        Help("Enter", "Key_AllFindings"),
        Help("f", "Key_FindBySkill"),
        Help("g", "Key_WomenMen"),
        Help("v", "Key_Availability"),
        Help("c", "Key_ClearCriteria"),
        .. TableKeys,
    ];

    /// <summary>
    /// The room WHY NOT gets: what the table's width leaves after the other columns' usual widths, so that the
    /// "+N more" at its end stays on screen on a narrow terminal and the reason is whole on a wide one.
    /// </summary>
    private sealed class ReasonWidth
    {
        public const int OtherColumns = 64;
        public int Value { get; set; } = 36;
    }

    private void FitReasons()
    {
        var width = Math.Clamp(Table.Frame.Width - ReasonWidth.OtherColumns, 30, 90);
        if (width == _whyNot.Value) return;
        _whyNot.Value = width;
        Table.Style.GetOrCreateColumnStyle(WhyNotColumn).MaxWidth = width;
        Table.SetNeedsDraw();
    }

    private static IReadOnlyList<Column<NomineeRow>> Columns(ReasonWidth whyNot) =>
    [
        new("●", c => c.Selected ? "●" : "", c => c.Selected ? 0 : 1, MaxWidth: 3),
        new("OK", c => c.Mark, c => c.Eligibility is null ? 2 : c.Eligible ? 0 : 1, MaxWidth: 4),
        new(Strings.Get("Col_Name"), c => c.DisplayName, c => Folding.Fold(c.DisplayName), MaxWidth: 24),
        new(Strings.Get("Col_Gender"), c => Format.Gender(c.Officer.Gender), c => (int)c.Officer.Gender, MaxWidth: 3),
        new(Strings.Get("Col_Rank"), c => c.Officer.Rank, c => c.Officer.Rank, MaxWidth: 16),
        new(Strings.Get("Col_Languages"), c => Format.Languages(c.Officer), MaxWidth: 14, MayCut: true),
        new(Strings.Get("Col_WhyNot"), c => c.WhyNot(whyNot.Value), MaxWidth: whyNot.Value, MayCut: true),
        new(Strings.Get("Col_Result"), c => c.Result?.Text ?? "", c => c.Result?.Text, MaxWidth: 12),
    ];

    /// <summary>The Member States whose officers the caller may nominate: a focal point's own, an integration's scope.</summary>
    private IReadOnlyList<string> RegionCodes => Context.IsFocalPoint
        ? [Context.Caller.RegionCode]
        : Context.Caller.Scope is { AllMemberStates: false } scope ? scope.RegionCodes.ToList() : [];

    private string Whose => RegionCodes.Count == 1 ? Strings.Format("Nominate_WhoseRoster", RegionCodes[0]) : Strings.Get("Screen_Roster");

    public override void OnShown()
    {
        if (!_loaded) Reload();
        else if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _reference);
    }

    /// <summary>Reads the roster and the figures again and checks every officer again; selections and results stay.</summary>
    public override void Reload()
    {
        if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _reference);
        _ = LoadRosterAsync(recheck: true);
        _ = LoadFiguresAsync();
    }

    /// <summary>New criteria: the officers matching them, with the answers already had kept (eligibility does not depend on them).</summary>
    private void Narrow(RosterFilter filter)
    {
        _filter = filter;
        _ = LoadRosterAsync(recheck: false);
    }

    /// <param name="recheck">Ask the service about every officer again (F5); otherwise only those not yet answered.</param>
    private async Task LoadRosterAsync(bool recheck)
    {
        _checks.Cancel();
        Summary = Strings.Get("Nominate_Loading");
        var filter = _filter;
        await Context.Load(_roster,
            async ct =>
            {
                var officers = new List<Officer>();
                var token = "";
                do
                {
                    var request = filter.Narrow(new SearchOfficersRequest { PageSize = PageSize, PageToken = token });
                    request.RegionCodes.AddRange(RegionCodes);
                    var page = await Context.Client.SearchOfficersAsync(request, ct);
                    officers.AddRange(page.Officers);
                    token = page.NextPageToken;
                } while (token != "");
                return officers;
            },
            officers =>
            {
                _loaded = true;
                var before = Source.AllRows.ToDictionary(c => c.Key);
                var rows = officers.Select(o => before.GetValueOrDefault(o.Name) is { } was
                    ? recheck
                        ? new NomineeRow(o, Selected: was.Selected, Result: was.Result)
                        : new NomineeRow(o, was.Eligibility, was.CheckProblem, was.Selected, was.Result)
                    : new NomineeRow(o)).ToList();
                // The selection is the user's work: officers selected under earlier criteria stay listed until submitted.
                var arrived = officers.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
                rows.AddRange(before.Values.Where(c => c.Selected && !arrived.Contains(c.Key)));
                ShowRows(rows);
                UpdateSummary();
                ShowDetails();
                _ = CheckEligibilityAsync(recheck);
            },
            error => Summary = Strings.Format("Nominate_LoadFailed", error.Message));
    }

    private async Task LoadFiguresAsync() =>
        await Context.Load(_figures,
            ct => Context.Client.GetSessionStatisticsAsync(Session.Name, ct),
            figures =>
            {
                _figuresNow = figures;
                ShowDetails();
            },
            _ => { });

    /// <summary>
    /// Asks the service about every officer, a few at a time. Each worker takes the next unchecked officer on
    /// screen (so scrolling moves the checks along), then the rest in list order; each answer updates its row.
    /// </summary>
    private async Task CheckEligibilityAsync(bool recheck)
    {
        var generation = _checks.Next();
        var cancellation = _checks.Token;
        _inFlight.Clear();
        _answered.Clear();
        if (!recheck) _answered.UnionWith(Source.AllRows.Where(c => c.Checked).Select(c => c.Key));
        _checkOrder = Source.AllRows.Select(c => c.Key).ToList();
        _checkCursor = 0;
        Context.Status.BeginBusy();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, ChecksAtOnce).Select(_ => CheckWorkerAsync(generation, cancellation)));
        }
        finally
        {
            Context.Status.EndBusy();
        }
        if (_checks.IsCurrent(generation)) UpdateSummary();
    }

    private async Task CheckWorkerAsync(long generation, CancellationToken cancellation)
    {
        while (_checks.IsCurrent(generation) && NextToCheck() is { } officer)
        {
            _inFlight.Add(officer);
            CheckEligibilityResponse? eligibility = null;
            string? problem = null;
            try
            {
                eligibility = await Context.Client.CheckEligibilityAsync(officer, Session.Name, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!_checks.IsCurrent(generation)) return;
                var error = ClientError.From(e);
                if (error.ServerUnreachable)
                {
                    // The shell's banner says so and reloads this screen when the service is back.
                    _checks.Cancel();
                    Context.Status.ServerUnreachable(error.Message);
                    return;
                }
                problem = error.Message;
            }
            finally
            {
                _inFlight.Remove(officer);
            }
            if (!_checks.IsCurrent(generation)) return;
            _answered.Add(officer);
            if (Source.AllRows.FirstOrDefault(c => c.Key == officer) is not { } row) continue;
            // A selection made before a reload stands only if the officer is still eligible.
            var stillSelected = row.Selected && eligibility?.Eligible == true;
            ShowRow(row with { Eligibility = eligibility, CheckProblem = problem, Selected = stillSelected });
            if (stillSelected != row.Selected || Selected?.Key == officer) ShowDetails();
            UpdateSummary();
        }
    }

    /// <summary>The next officer to ask about: the first unanswered one on screen, else the next in list order.</summary>
    private string? NextToCheck()
    {
        bool Waiting(string officer) => !_answered.Contains(officer) && !_inFlight.Contains(officer);
        var first = Math.Max(0, Table.RowOffset);
        var last = Math.Min(Source.Rows, first + Math.Max(1, Table.Viewport.Height));
        for (var i = first; i < last; i++)
            if (Waiting(Source.RowAt(i).Key)) return Source.RowAt(i).Key;
        while (_checkCursor < _checkOrder.Count)
        {
            var officer = _checkOrder[_checkCursor++];
            if (Waiting(officer)) return officer;
        }
        return null;
    }

    private void ShowDetails()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Details.Text =
            Strings.Format("Nominate_SessionLine", Course?.Code ?? Format.CourseOf(Session.Name), Format.Dates(Session.StartDate, Session.EndDate),
                Session.Venue, Session.LanguageCode, Format.Window(Session, now)) + "\n" +
            Describe.Requirements(Course) + "\n" +
            (_figuresNow is null ? Strings.Get("Describe_FiguresLoading") : $"{Describe.Seats(_figuresNow)} · {ParityLine(_figuresNow)}") + "\n" +
            (Selected is { } row ? Standing(row) : "");
    }

    /// <summary>The selected officer's standing for the session, every reason whole: the table's WHY NOT has room for the first only.</summary>
    private static string Standing(NomineeRow row)
    {
        var who = Strings.Format("Nominate_Who", row.DisplayName);
        if (row.Result is { Submitted: false } refused) return Strings.Format("Nominate_Refused", who, refused.Refusal);
        if (row.Submitted) return Strings.Format("Nominate_JustSubmitted", who);
        if (row.CheckProblem is not null) return Strings.Format("Nominate_NotChecked", who, row.CheckProblem);
        if (row.Eligibility is not { } eligibility) return Strings.Format("Nominate_BeingChecked", who);
        var reasons = eligibility.Eligible
            ? row.Warnings.Select(w => $"! {w.Description}").Prepend(Strings.Get("Nominate_Eligible"))
            : eligibility.Failures.Select(f => $"✗ {f.Description}");
        return $"{who} {string.Join(" ", reasons)}";
    }

    private string ParityLine(SessionStatistics figures)
    {
        var selected = Source.AllRows.Where(c => c.Selected).Select(c => c.Officer).ToList();
        var own = RegionCodes.Count == 1
            ? figures.MemberStates.FirstOrDefault(m => m.RegionCode == RegionCodes[0])?.Figures ?? new NominationFigures()
            : null;
        var now = own is null
            ? Strings.Format("Nominate_WomenOverall", Format.Percent(figures.Overall.NominatedWomenShare))
            : Strings.Format("Nominate_WomenOwn", RegionCodes[0], own.NominatedWomen, own.Nominated, own.BelowParityThreshold ? " ⚠" : "");
        var projections = ParityProjection.For(figures, selected);
        var then = projections.Count == 1
            ? Strings.Format("Nominate_WithSelection", projections[0].WomenAfter, projections[0].After, Format.Percent(projections[0].ShareAfter),
                projections[0].BelowThreshold ? " ⚠" : " ✓")
            : "";
        return Strings.Format("Nominate_Asked", now, then, Format.Percent(figures.ParityThreshold));
    }

    private void UpdateSummary()
    {
        var all = Source.AllRows;
        if (all.Count == 0)
        {
            Summary = _filter.Narrowed
                ? Strings.Format("Roster_Summary", Whose, Strings.Get("Roster_NoneMatches") + Strings.Format("Roster_Only", _filter.Describe()))
                : Strings.Format("Roster_Summary", Whose, Strings.Get("Nominate_NoneToNominate"));
            return;
        }
        var checkedCount = all.Count(c => c.Checked);
        var selected = all.Where(c => c.Selected).ToList();
        var progress = checkedCount < all.Count ? Strings.Format("Nominate_Progress", checkedCount, all.Count) : Strings.Get("Nominate_AllChecked");
        var women = selected.Count(c => c.IsFemale);
        var selection = selected.Count == 0
            ? ""
            : women == 1 ? Strings.Format("Nominate_SelectedOne", selected.Count, women) : Strings.Format("Nominate_SelectedMany", selected.Count, women);
        // Counted over the rows on screen: "5 eligible" above five rows marked ✗ misleads.
        var shown = Source.ShownRows;
        var eligible = shown.Count(c => c.Selectable);
        var submitted = shown.Count(c => c.Submitted);
        var counts = shown.Count == all.Count
            ? all.Count == 1 ? Strings.Format("Nominate_CountOne", RosterFilter.Count(all.Count), eligible)
                : Strings.Format("Nominate_CountAll", RosterFilter.Count(all.Count), eligible)
            : Strings.Format("Nominate_CountShown", RosterFilter.Count(shown.Count), RosterFilter.Count(all.Count), eligible);
        var criteria = _filter.Narrowed ? Strings.Format("Roster_Only", _filter.Describe()) : "";
        Summary = Strings.Format("Roster_Summary", Whose, $"{counts}{(submitted > 0 ? Strings.Format("Nominate_SubmittedCount", submitted) : "")} · {progress}{selection}{criteria}");
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(NomineeRow row, string foldedFilter) => row.SearchText.Contains(foldedFilter);

    protected override void Open(NomineeRow row)
    {
        var lines = new List<string>
        {
            $"{row.DisplayName} · {Format.Gender(row.Officer.Gender)} · {row.Officer.Rank} · {Format.Languages(row.Officer)}",
            "",
        };
        if (row.CheckProblem is not null) lines.Add(Strings.Format("Nominate_CheckFailed", row.CheckProblem));
        else if (row.Eligibility is null) lines.Add(Strings.Get("Nominate_StillChecking"));
        else
        {
            lines.Add(row.Eligible ? Strings.Get("Nominate_EligibleHere") : Strings.Get("Nominate_NotEligibleHere"));
            if (row.Eligibility.Failures.Count > 0) lines.Add(Describe.Findings(row.Eligibility.Failures));
            if (row.Warnings.Count > 0)
            {
                lines.Add("");
                lines.Add(Strings.Get("Nominate_WarningsStillPossible"));
                lines.Add(Describe.Findings(row.Warnings));
            }
        }
        if (row.Result is { } result)
        {
            lines.Add("");
            lines.Add(result.Submitted ? Strings.Get("Nominate_SubmittedHere") : Strings.Format("RequestMatch_RefusedBecause", result.Refusal));
        }
        Context.Dialogs.Show($"{row.DisplayName} — {Course?.Code ?? Format.CourseOf(Session.Name)}", string.Join('\n', lines));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.Space)
        {
            if (Selected is { } row) Toggle(row);
            return true;
        }
        if (key == Key.A)
        {
            SelectAllEligible();
            return true;
        }
        if (key == Key.N || key == Key.S.WithCtrl)
        {
            _ = ReviewAndSubmitAsync();
            return true;
        }
        // The roster's criteria, with its form and keys.
        if (key == Key.F)
        {
            Context.Navigator.Push(new RosterFilterScreen(Context, _filter, chooseMemberState: false, _vocabulary, Narrow));
            return true;
        }
        if (key == Key.G)
        {
            Narrow(_filter.NextGender());
            return true;
        }
        if (key == Key.V)
        {
            Narrow(_filter.NextAvailability());
            return true;
        }
        if (key == Key.C && _filter.Narrowed)
        {
            Narrow(_filter.Cleared());
            return true;
        }
        return base.HandleKey(key);
    }

    private void Toggle(NomineeRow row)
    {
        if (!row.Selected && !row.Selectable)
        {
            Context.Status.ShowError(WhyNotSelectable(row));
            return;
        }
        ShowRow(row with { Selected = !row.Selected });
        SelectionChanged();
    }

    private static string WhyNotSelectable(NomineeRow row)
    {
        if (row.Submitted) return Strings.Format("Nominate_AlreadySubmitted", row.DisplayName);
        if (row.CheckProblem is not null) return Strings.Format("Nominate_CheckFailedFor", row.DisplayName, row.CheckProblem);
        if (row.Eligibility is null) return Strings.Format("Nominate_StillCheckingFor", row.DisplayName);
        var failures = row.Eligibility.Failures;
        var more = failures.Count > 1 ? Strings.Format("Nominate_AndMoreEnter", failures.Count - 1) : "";
        return Strings.Format("Nominate_CannotBe", row.DisplayName, failures.FirstOrDefault()?.Description ?? Strings.Get("Nominate_NotEligible"), more);
    }

    private void SelectAllEligible()
    {
        var shown = Source.ShownRows.Where(c => c.Selectable).Select(c => c.Key).ToHashSet();
        if (shown.Count == 0)
        {
            Context.Status.ShowError(Strings.Get("Nominate_NoneEligibleShown"));
            return;
        }
        var select = Source.AllRows.Any(c => shown.Contains(c.Key) && !c.Selected);
        ShowRows(Source.AllRows.Select(c => shown.Contains(c.Key) ? c with { Selected = select } : c).ToList());
        SelectionChanged();
        var women = Source.AllRows.Count(c => shown.Contains(c.Key) && c.IsFemale);
        Context.Status.ShowInfo(select
            ? shown.Count == 1 ? Strings.Format("Nominate_SelectedEligibleOne", shown.Count, Women(women))
                : Strings.Format("Nominate_SelectedEligible", shown.Count, Women(women))
            : Strings.Get("Nominate_SelectionCleared"));
    }

    /// <summary>"1 woman", "3 women"; in French "0 femme" too.</summary>
    internal static string Women(int count) =>
        Format.IsOne(count) ? Strings.Format("Nominate_WomanOne", count) : Strings.Format("Nominate_Women", count);

    private void SelectionChanged()
    {
        UpdateSummary();
        ShowDetails();
    }

    private async Task ReviewAndSubmitAsync()
    {
        if (_submissions.Running) return;
        var selected = Source.AllRows.Where(c => c.Selected).ToList();
        if (selected.Count == 0)
        {
            Context.Status.ShowError(Strings.Get("Nominate_NothingSelected"));
            return;
        }
        if (!Context.Dialogs.Confirm(Strings.Get("Nominate_Review"), Review(selected), Strings.Get("Nominate_Submit")))
        {
            Context.Status.ShowInfo(Strings.Get("Nominate_NothingSubmitted"));
            return;
        }
        await SubmitAsync(selected);
    }

    /// <summary>The review before submitting: who, their soft warnings, and the list's share of women afterwards.</summary>
    private string Review(IReadOnlyList<NomineeRow> selected)
    {
        const int listed = 12;
        var lines = new List<string>
        {
            selected.Count == 1
                ? Strings.Format("Nominate_ReviewIntroOne", selected.Count, Course?.Code ?? Format.CourseOf(Session.Name),
                    Format.Dates(Session.StartDate, Session.EndDate), Session.Venue)
                : Strings.Format("Nominate_ReviewIntroMany", selected.Count, Course?.Code ?? Format.CourseOf(Session.Name),
                    Format.Dates(Session.StartDate, Session.EndDate), Session.Venue),
        };
        lines.AddRange(selected.Take(listed).Select(c => $"  {c.DisplayName} ({Format.Gender(c.Officer.Gender)}, {c.Officer.Rank})"));
        if (selected.Count > listed) lines.Add(Strings.Format("Nominate_AndMore", selected.Count - listed));
        lines.Add("");
        var warnings = selected.SelectMany(c => c.Warnings.Select(w => "  ! " + Strings.Format("Form_FieldProblem", c.DisplayName, w.Description))).ToList();
        lines.Add(warnings.Count == 0 ? Strings.Get("Nominate_NoWarnings") : Strings.Get("Nominate_WarningsHeading"));
        lines.AddRange(warnings);
        lines.Add("");
        if (_figuresNow is { SeatsAvailable: <= 0 } full)
            lines.Add(Strings.Format("Nominate_SessionFull", Describe.Seats(full)));
        if (_figuresNow is null)
            lines.Add(Strings.Get("Nominate_ParityUnread"));
        else
            lines.AddRange(ParityProjection.For(_figuresNow, selected.Select(c => c.Officer))
                .Select(p => Strings.Format("Nominate_ParityLine", p.BelowThreshold ? "⚠" : "✓", p.Sentence())));
        return string.Join('\n', lines);
    }

    /// <summary>Submits the selection and writes each result on its row (see <see cref="Submissions"/>).</summary>
    private async Task SubmitAsync(IReadOnlyList<NomineeRow> selected)
    {
        var run = await _submissions.RunAsync(selected.Select(c => c.Key).ToList(),
            (officer, requestId, ct) => Context.Client.SubmitNominationAsync(officer, Session.Name, requestId, ct),
            (officer, result) =>
            {
                if (Source.AllRows.FirstOrDefault(c => c.Key == officer) is { } row) ShowRow(row with { Selected = false, Result = result });
            });
        if (run.Abandoned) return;
        var (submitted, refused, unreachable) = (run.Submitted, run.Refused, run.Unreachable);
        SelectionChanged();
        if (unreachable)
        {
            // The officers not yet sent stay selected: n sends them again, with the same request ids.
            return;
        }
        // The figures first: a successful read clears the error line, and the outcome must stay on it.
        await LoadFiguresAsync();
        var total = submitted + refused;
        if (refused == 0) Context.Status.ShowInfo(Strings.Format("Nominate_Submitted", submitted, total));
        else Context.Status.ShowError(Strings.Format("Nominate_SubmittedRefused", submitted, total, refused));
    }

    public override void OnClosed()
    {
        _roster.Cancel();
        _figures.Cancel();
        _checks.Cancel();
        _reference.Cancel();
        _submissions.Cancel();
    }
}
