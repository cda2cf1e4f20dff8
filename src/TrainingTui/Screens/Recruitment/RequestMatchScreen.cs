using System.Text.RegularExpressions;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Client;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Recruitment;

/// <summary>One officer the service matched to a request: the score and why, whether selected, and the result of submitting them.</summary>
public sealed record CandidateRow(Candidate Candidate, bool Selected = false, SubmissionResult? Result = null)
{
    public string Key => Candidate.Officer;
    public string DisplayName => Candidate.OfficerDisplayName;
    public bool Submitted => Result?.Submitted == true;
    public bool IsFemale => Candidate.Gender == Gender.Female;
    public string Score => Candidate.Score.ToString("0.#", UiLanguage.Formatting);

    /// <summary>The score components' explanations: "French 2 level(s) above the required B2 · Forensics at expert level · …".</summary>
    public string Why { get; } = string.Join(" · ", Candidate.Components.Select(c => c.Explanation).Where(e => e.Length > 0));

    /// <summary>The WHY column: the service's refusal once it refused the officer, else the explanation of the score.</summary>
    public string WhyText => Result is { Submitted: false } refused ? refused.Refusal : Why;

    public string Warnings => string.Join("; ", Candidate.Warnings);
}

/// <summary>
/// The officers of one Member State who pass every hard rule for a request, best first, with the score and why.
/// A focal point (or a read-write integration) selects some, reviews the selection and its warnings, and submits
/// them — one nomination each, with its result on its row. Administrators choose the Member State (m) and look.
/// </summary>
public sealed partial class RequestMatchScreen : TableScreen<CandidateRow>
{
    /// <summary>How many candidates to ask for: more than a request's posts allow from one Member State.</summary>
    private const int MatchSize = 100;

    private const int PageSize = 500;
    private const int WhyColumn = 5;

    /// <summary>The widths of the columns before WHY once RESULT is filled in, with their gaps, and the room kept for WARNINGS.</summary>
    private const int ColumnsBeforeWhy = 44, WarningsRoom = 16;

    private readonly CallSlot _match = new();
    private readonly CallSlot _nominations = new();
    private readonly Label _stateLabel;
    private readonly TextField _stateField;

    /// <summary>
    /// One request id per officer and request for the life of the screen: a retry after a dropped reply sends the same
    /// id and the service returns the nomination it already made. A new screen is a new intent.
    /// </summary>

    private string? _region;
    private MatchCandidatesResponse? _response;
    private IReadOnlyList<Nomination>? _stateNominations;
    private readonly Submissions _submissions;

    public RequestMatchScreen(ScreenContext context, RecruitmentRequest request) : base(context, Columns(), r => r.Key, detailsHeight: 3)
    {
        Request = request;
        _submissions = new Submissions(context);
        _region = OwnMemberState(context.Caller);
        _stateLabel = new Label { X = 0, Y = 2, Text = Strings.Get("RequestMatch_StatePrompt"), Visible = false };
        _stateField = new TextField { X = Pos.Right(_stateLabel) + 1, Y = 2, Width = 6, Visible = false };
        Add(_stateLabel, _stateField);
        Table.Style.GetOrCreateColumnStyle(1).Alignment = Alignment.End;
        Table.Style.RowColorGetter = args =>
            args.RowIndex >= 0 && args.RowIndex < Source.Rows && Source.RowAt(args.RowIndex).Selected ? Context.Theme.Accent : null;
        Table.FrameChanged += (_, _) => FitWhy();
        Details.TextFormatter.WordWrap = false;
        Details.TextFormatter.MultiLine = true;
        ShowDetails();
    }

    public RecruitmentRequest Request { get; }

    /// <summary>The Member State whose roster is matched (null until an administrator chooses one).</summary>
    public string? RegionCode => _region;

    private string Mission => RequestText.Mission(Request.Mission);

    /// <summary>Fixed for the screen's life (the header is drawn once); a chosen Member State shows in the summary.</summary>
    public override string Heading =>
        OwnMemberState(Context.Caller) is { } region ? Strings.Format("RequestMatch_HeadingOf", region) : Strings.Get("RequestMatch_Heading");

    /// <summary>Focal points and read-write integrations nominate; others only look.</summary>
    private bool CanNominate => Context.IsFocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    /// <summary>Administrators and integrations over several Member States choose whose roster to match.</summary>
    private bool ChoosesMemberState => OwnMemberState(Context.Caller) is null;

    private bool Prompting => _stateField.Visible;

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        .. CanNominate ? new KeyHelp[] { Help("Space", "Key_Select"), Help("n ^S", "Key_ReviewSubmit") } : [],
        .. ChoosesMemberState ? new KeyHelp[] { Help("m", "Key_MemberState") } : [],
        Help("Enter", "Key_WhyScore"),
        Help("i", "Key_HowScore"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<CandidateRow>> Columns() =>
    [
        new("●", r => r.Selected ? "●" : "", r => r.Selected ? 0 : 1, MaxWidth: 1),
        new(Strings.Get("RequestMatch_ColScore"), r => r.Score, r => r.Candidate.Score, MaxWidth: 5),
        new(Strings.Get("Col_Name"), r => r.DisplayName, r => Folding.Fold(r.DisplayName), MaxWidth: 22),
        new(Strings.Get("Col_Gender"), r => Format.Gender(r.Candidate.Gender), r => (int)r.Candidate.Gender, MaxWidth: 1),
        new(Strings.Get("Col_Result"), r => r.Result?.Text ?? "", r => r.Result?.Text, MaxWidth: 11),
        new(Strings.Get("RequestMatch_ColWhy"), r => r.WhyText, MaxWidth: 40),
        new(Strings.Get("Col_Warnings"), r => r.Warnings, MaxWidth: 40, MayCut: true),
    ];

    /// <summary>The State a caller nominates for, when there is exactly one: a focal point's own, a one-State integration's.</summary>
    private static string? OwnMemberState(Caller caller) => caller.Role switch
    {
        Role.FocalPoint => caller.RegionCode,
        Role.Integration when caller.Scope is { AllMemberStates: false, RegionCodes.Count: 1 } scope => scope.RegionCodes[0],
        _ => null,
    };

    /// <summary>WHY gets what the other columns leave, so WARNINGS stays in sight on a narrow terminal.</summary>
    private void FitWhy()
    {
        var width = Math.Clamp(Table.Frame.Width - ColumnsBeforeWhy - WarningsRoom, 24, 100);
        Table.Style.GetOrCreateColumnStyle(WhyColumn).MaxWidth = width;
        Table.SetNeedsDraw();
    }

    public override void OnShown()
    {
        if (_region is null) OpenPrompt();
        else if (_response is null) Reload();
    }

    /// <summary>Matches again (F5), keeping the selection and the results of the officers still matched.</summary>
    public override void Reload()
    {
        if (_region is not { } region) return;
        _ = MatchAsync(region);
        _ = LoadListAsync(region);
    }

    private async Task MatchAsync(string region)
    {
        Summary = Strings.Format("RequestMatch_Matching", region);
        await Context.Load(_match,
            ct => Context.Client.MatchCandidatesAsync(Request.Name, region, MatchSize, ct),
            response =>
            {
                _response = response;
                var before = Source.AllRows.ToDictionary(r => r.Key);
                ShowRows(response.Candidates.Select(c => before.GetValueOrDefault(c.Officer) is { } was
                    ? new CandidateRow(c, was.Selected, was.Result)
                    : new CandidateRow(c)).ToList());
                Changed();
            },
            error => Summary = Strings.Format("RequestMatch_Failed", region, error.Message));
    }

    /// <summary>The Member State's nominations to the request, for the share of women on its list.</summary>
    private async Task LoadListAsync(string region) =>
        await Context.Load(_nominations,
            async ct => (await Context.Client.ListAllNominationsAsync(new ListNominationsRequest
            {
                Parent = $"memberStates/{region}", Request = Request.Name, PageSize = PageSize,
            }, ct)).Nominations,
            list =>
            {
                _stateNominations = list;
                ShowDetails();
            },
            _ => { });

    private void Changed()
    {
        UpdateSummary();
        ShowDetails();
    }

    private void ShowDetails()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        Details.Text =
            Strings.Format("RequestMatch_Line", Mission, Request.OfficerCount, RequestText.Standing(Request, now), Request.Title) + "\n" +
            RequestText.Requirements(Request) + "\n" +
            (Prompting ? "" : ListLine());
    }

    /// <summary>"SN's list: 3 under way, 1 woman · with the selection 5, 2 women (40 %)".</summary>
    private string ListLine()
    {
        if (_region is not { } region) return "";
        var change = ChoosesMemberState ? Strings.Get("RequestMatch_Another") : "";
        if (_stateNominations is not { } list) return Strings.Format("RequestMatch_ListReading", region, change);
        var underway = list.Where(n => n.State is Nomination.Types.State.Submitted or Nomination.Types.State.Shortlisted
            or Nomination.Types.State.Selected or Nomination.Types.State.Cleared).ToList();
        var women = underway.Count(n => n.OfficerGender == Gender.Female);
        var selected = Source.AllRows.Where(r => r.Selected).ToList();
        var then = "";
        if (selected.Count > 0)
        {
            var after = underway.Count + selected.Count;
            var womenAfter = women + selected.Count(r => r.IsFemale);
            then = Strings.Format("RequestMatch_WithSelection", after, Women(womenAfter), Format.Percent((double)womenAfter / after));
        }
        return Strings.Format("RequestMatch_List", region, underway.Count, Women(women), then, change);
    }

    /// <summary>"0 women", "1 woman", "3 women": French says "0 femme", as it counts nobody in the singular.</summary>
    private static string Women(int count) => count switch
    {
        0 => Strings.Format("RequestMatch_WomenNone", count),
        1 => Strings.Format("RequestMatch_WomanOne", count),
        _ => Strings.Format("RequestMatch_WomenMany", count),
    };

    private void UpdateSummary()
    {
        if (_response is not { } response || _region is not { } region) return;
        var selected = Source.AllRows.Where(r => r.Selected).ToList();
        var best = response.Candidates.Count < response.EligibleCount ? Strings.Format("RequestMatch_Best", response.Candidates.Count) : "";
        var filtered = Source.Rows != Source.TotalRows ? Strings.Format("RequestMatch_Filtered", Source.Rows) : "";
        var selection = selected.Count == 0 ? "" : Strings.Format("RequestMatch_Selection", selected.Count, Women(selected.Count(r => r.IsFemale)));
        Summary = Strings.Format("RequestMatch_Summary", response.EligibleCount, response.ConsideredCount, region, best + filtered + selection,
            response.Scoring.Replace('_', ' '));
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(CandidateRow row, string foldedFilter) =>
        Folding.Fold($"{row.DisplayName} {row.Why} {row.Warnings}").Contains(foldedFilter);

    /// <summary>A candidate's full explanation: each component of the score, the warnings, the result, and the rules.</summary>
    protected override void Open(CandidateRow row)
    {
        var c = row.Candidate;
        var lines = new List<string>
        {
            Strings.Format("RequestMatch_CandidateLine", row.DisplayName, Format.Gender(c.Gender), Format.RegionOf(c.Officer), row.Score),
            "",
        };
        lines.AddRange(c.Components.Select(s =>
            $"{("+" + s.Points.ToString("0.#", UiLanguage.Formatting)),6}  {(s.Explanation.Length > 0 ? s.Explanation : s.Component)}"));
        if (c.Warnings.Count > 0)
        {
            lines.Add("");
            lines.Add(Strings.Get("Nominate_WarningsHeading"));
            lines.AddRange(c.Warnings.Select(w => $"! {w}"));
        }
        if (row.Result is { } result)
        {
            lines.Add("");
            lines.Add(result.Submitted ? Strings.Get("RequestMatch_SubmittedHere") : Strings.Format("RequestMatch_RefusedBecause", result.Refusal));
        }
        if (_response is { Scoring.Length: > 0 } response)
        {
            List<string> rules = ["", Strings.Get("RequestMatch_HowHeading"), .. RequestText.ScoringLines(response.Scoring)];
            lines.AddRange(FitsInADialog([.. lines, .. rules]) ? rules : ["", Strings.Get("RequestMatch_HowLater")]);
        }
        Context.Dialogs.Show($"{row.DisplayName} — {Mission}", string.Join('\n', lines));
    }

    /// <summary>
    /// Whether the lines, as the dialog wraps them, fit the dialog (four fifths of the terminal, less its frame and
    /// button): a dialog does not scroll, so on a small terminal the scoring rules give way to a pointer to 'i'.
    /// </summary>
    private bool FitsInADialog(IReadOnlyList<string> lines)
    {
        if (Context.App.Driver is not { } driver) return true;
        var width = Math.Max(20, driver.Cols * 4 / 5 - 3);
        var height = driver.Rows * 4 / 5 - 5;
        return lines.Sum(l => Math.Max(1, (l.Length + width - 1) / width) + (l.Length > width ? 1 : 0)) <= height;
    }

    private void ShowScoring()
    {
        if (_response is not { Scoring.Length: > 0 } response)
        {
            Context.Status.ShowError(Strings.Get("RequestMatch_NoScoringYet"));
            return;
        }
        Context.Dialogs.Show(Strings.Get("RequestMatch_ScoringTitle"), string.Join('\n', RequestText.ScoringLines(response.Scoring)));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.M && ChoosesMemberState)
        {
            OpenPrompt();
            return true;
        }
        if (key == Key.I)
        {
            ShowScoring();
            return true;
        }
        if (key == Key.Space)
        {
            if (Selected is { } row) Toggle(row);
            return true;
        }
        if (key == Key.N || key == Key.S.WithCtrl)
        {
            _ = ReviewAndSubmitAsync();
            return true;
        }
        return base.HandleKey(key);
    }

    private void OpenPrompt()
    {
        _stateField.Text = _region ?? "";
        _stateLabel.Visible = true;
        _stateField.Visible = true;
        ShowDetails();
        _stateField.SetFocus();
        if (_region is null) Summary = Strings.Get("RequestMatch_Whose");
    }

    private void ClosePrompt()
    {
        _stateLabel.Visible = false;
        _stateField.Visible = false;
        ShowDetails();
        Table.SetFocus();
    }

    public override bool HandleEnterWhileTyping()
    {
        if (!_stateField.HasFocus) return base.HandleEnterWhileTyping();
        var region = _stateField.Text.Trim().ToUpperInvariant();
        if (!RegionCodePattern().IsMatch(region))
        {
            Context.Status.ShowError(Strings.Get("RequestMatch_RegionCode"));
            return true;
        }
        ClosePrompt();
        if (region != _region)
        {
            _region = region;
            _response = null;
            _stateNominations = null;
            ShowRows([]);
            Reload();
        }
        return true;
    }

    public override bool HandleEscape()
    {
        if (!Prompting) return base.HandleEscape();
        // With no Member State chosen there is nothing to show: Esc goes back to the request.
        if (_region is null) return false;
        ClosePrompt();
        return true;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCodePattern();

    private bool AcceptsNominations => RequestText.AcceptsNominations(Request, Context.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Why nobody can be selected here, or null when selecting is possible.</summary>
    private string? CannotSelect() =>
        !CanNominate ? Strings.Get("RequestMatch_OnlyFocalPoint")
        : !AcceptsNominations ? Strings.Format("RequestMatch_NotTaking", RequestText.Standing(Request, Context.Clock.GetUtcNow().UtcDateTime))
        : null;

    private void Toggle(CandidateRow row)
    {
        if (!row.Selected && (CannotSelect() ?? (row.Submitted ? Strings.Format("RequestMatch_AlreadySubmitted", row.DisplayName) : null)) is { } why)
        {
            Context.Status.ShowError(why);
            return;
        }
        ShowRow(row with { Selected = !row.Selected });
        Changed();
    }

    private async Task ReviewAndSubmitAsync()
    {
        if (_submissions.Running) return;
        if (CannotSelect() is { } why)
        {
            Context.Status.ShowError(why);
            return;
        }
        var selected = Source.AllRows.Where(r => r.Selected).ToList();
        if (selected.Count == 0)
        {
            Context.Status.ShowError(Strings.Get("RequestMatch_NothingSelected"));
            return;
        }
        if (!Context.Dialogs.Confirm(Strings.Get("Nominate_Review"), Review(selected), Strings.Get("Nominate_Submit")))
        {
            Context.Status.ShowInfo(Strings.Get("Nominate_NothingSubmitted"));
            return;
        }
        await SubmitAsync(selected);
    }

    /// <summary>The review before submitting: who, their warnings, and the Member State's list afterwards.</summary>
    private string Review(IReadOnlyList<CandidateRow> selected)
    {
        const int listed = 12;
        var lines = new List<string>
        {
            selected.Count == 1
                ? Strings.Format("RequestMatch_ReviewOne", selected.Count, _region, Mission, Request.Title, Format.Instant(Request.Deadline))
                : Strings.Format("RequestMatch_ReviewMany", selected.Count, _region, Mission, Request.Title, Format.Instant(Request.Deadline)),
        };
        lines.AddRange(selected.Take(listed).Select(r => Strings.Format("RequestMatch_ReviewLine", r.DisplayName, Format.Gender(r.Candidate.Gender), r.Score)));
        if (selected.Count > listed) lines.Add(Strings.Format("Nominate_AndMore", selected.Count - listed));
        lines.Add("");
        var warnings = selected.SelectMany(r => r.Candidate.Warnings.Select(w => "  ! " + Strings.Format("Form_FieldProblem", r.DisplayName, w))).ToList();
        lines.Add(warnings.Count == 0 ? Strings.Get("Nominate_NoWarnings") : Strings.Get("Nominate_WarningsHeading"));
        lines.AddRange(warnings);
        lines.Add("");
        lines.Add(ListLine());
        lines.Add(Strings.Get("RequestMatch_ChecksAgain"));
        return string.Join('\n', lines);
    }

    /// <summary>Submits the selection and writes each result on its row (see <see cref="Submissions"/>).</summary>
    private async Task SubmitAsync(IReadOnlyList<CandidateRow> selected)
    {
        var run = await _submissions.RunAsync(selected.Select(c => c.Key).ToList(),
            (officer, requestId, ct) => Context.Client.SubmitToRequestAsync(officer, Request.Name, requestId, ct),
            (officer, result) =>
            {
                if (Source.AllRows.FirstOrDefault(r => r.Key == officer) is { } row) ShowRow(row with { Selected = false, Result = result });
            });
        if (run.Abandoned) return;
        var (submitted, refused, unreachable, last) = (run.Submitted, run.Refused, run.Unreachable, run.Last);
        Changed();
        // The officers not yet sent stay selected: n sends them again, with the same request ids.
        if (unreachable || _region is not { } region) return;
        await LoadListAsync(region);
        var total = submitted + refused;
        var parity = last?.Warnings.FirstOrDefault(w => w.Rule == NomineeRow.ParityRule) is { } warning ? $" ! {warning.Description}" : "";
        if (refused == 0) Context.Status.ShowInfo(Strings.Format("RequestMatch_Submitted", submitted, total, Mission) + parity);
        else Context.Status.ShowError(Strings.Format("RequestMatch_SubmittedRefused", submitted, total, refused) + parity);
    }

    public override void OnClosed()
    {
        _match.Cancel();
        _nominations.Cancel();
        _submissions.Cancel();
    }
}
