using Terminal.Gui.Input;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Screens.Recruitment;

/// <summary>
/// One recruitment request: what the mission asks for, and the nominations to it the caller may see (a focal
/// point's own Member State's; everyone's for administrators). Those who nominate match their officers against
/// it (m) and withdraw (w); administrators take each nomination along the deployment path — shortlist, select,
/// clear (medical clearance on file), deploy — or reject it with a reason.
/// </summary>
public sealed class RequestScreen : TableScreen<Nomination>
{
    private const int PageSize = 500;

    /// <summary>The request's path, in order: the summary counts the states this way.</summary>
    private static readonly State[] Path =
        [State.Submitted, State.Shortlisted, State.Selected, State.Cleared, State.Deployed, State.Rejected, State.Withdrawn, State.Cancelled];

    private readonly CallSlot _nominations = new();
    private readonly CallSlot _action = new();
    private readonly CallSlot _vocabularyLoad = new();
    private readonly RosterVocabulary _vocabulary = new();
    private readonly Action<RecruitmentRequest>? _changed;
    private bool _loaded;

    /// <param name="changed">Called with the request as it stands after an administrator edits or moves it.</param>
    public RequestScreen(ScreenContext context, RecruitmentRequest request, Action<RecruitmentRequest>? changed = null)
        : base(context, Columns(), n => n.Name, detailsHeight: 5)
    {
        Request = request;
        _changed = changed;
        // One fact a line: on a narrow terminal a line is cut at the edge rather than pushing the next ones away.
        Details.TextFormatter.WordWrap = false;
        Details.TextFormatter.MultiLine = true;
        ShowDetails();
    }

    public RecruitmentRequest Request { get; private set; }

    private string Mission => RequestText.Mission(Request.Mission);

    public override string Heading => $"{Mission} {RequestText.Fit(Request.Title, 36)}";

    /// <summary>Focal points and read-write integrations nominate and withdraw (the service decides; this hides keys).</summary>
    private bool CanNominate => Context.IsFocalPoint
        || (Context.Caller.Role == Role.Integration && Context.Caller.Scope?.ReadWrite == true);

    private bool CanMatch => CanNominate || Context.IsAdministrator;

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        .. CanMatch
            ? new KeyHelp[] { new("m", Context.IsAdministrator ? "match a Member State's officers" : "match officers, nominate", "match") }
            : [],
        .. CanNominate ? new KeyHelp[] { Help("w", "Key_Withdraw") } : [],
        .. Context.IsAdministrator
            ? new KeyHelp[]
            {
                Help("h", "Key_Shortlist"), Help("l", "Key_Select"), Help("c", "Key_ClearMedical"), Help("d", "Key_Deploy"), Help("x", "Key_Reject"),
                Help("e", "Key_EditRequest"), Help("O", "Key_OpenToMemberStates"), Help("C", "Key_CloseToNominations"),
                Help("X", "Key_CancelSaysWhat"),
            }
            : [],
        Help("Enter", "Key_NominationHistory"),
        Help("i", "Key_RequestInFull"),
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<Nomination>> Columns() =>
    [
        new("OFFICER", n => n.OfficerDisplayName, n => Folding.Fold(n.OfficerDisplayName), MaxWidth: 26),
        new("MS", n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name), MaxWidth: 3),
        new("G", n => Format.Gender(n.OfficerGender), n => (int)n.OfficerGender, MaxWidth: 1),
        new("STATE", n => Format.State(n.State), n => Array.IndexOf(Path, n.State), MaxWidth: 12),
        new("UPDATED", n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
    ];

    /// <summary>Every time: back from matching, the new nominations are listed.</summary>
    public override void OnShown() => Reload();

    public override void Reload() => _ = LoadNominationsAsync();

    private async Task LoadNominationsAsync()
    {
        if (!_loaded) Summary = "Loading nominations…";
        await Context.Load(_nominations,
            async ct => (await Context.Client.ListAllNominationsAsync(new ListNominationsRequest
            {
                Parent = Context.NominationParent, Request = Request.Name, PageSize = PageSize,
            }, ct)).Nominations,
            rows =>
            {
                _loaded = true;
                ShowRows(rows);
                Changed();
            },
            error => Summary = $"Could not load the nominations: {error.Message}");
    }

    private void Changed()
    {
        ShowDetails();
        UpdateSummary();
    }

    private void ShowDetails()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        var stream = RequestText.Stream(Request.Stream);
        var profile = Request.ExpertProfile.Length == 0 ? "—" : Request.ExpertProfile.ReplaceLineEndings(" ");
        var standing = RequestText.Standing(Request, now);
        Details.Text =
            $"{Mission} · {RequestText.Category(Request.Category)} · {Officers(Request.OfficerCount)} · deploys {Format.Date(Request.DeploymentDate)}" +
            (stream.Length > 0 ? $" · {stream}" : "") + "\n" +
            char.ToUpperInvariant(standing[0]) + standing[1..] + "\n" +
            RequestText.Requirements(Request) + "\n" +
            WomenLine() + "\n" +
            $"Profile: {profile}";
    }

    /// <summary>The share of women sought among those deployed, beside where the nominations listed stand.</summary>
    private string WomenLine()
    {
        var sought = Request.TargetWomenShare > 0 ? $"Women: {Format.Percent(Request.TargetWomenShare)} sought among those deployed" : "Women (no target set)";
        if (!_loaded) return sought;
        var deployed = Source.AllRows.Where(n => n.State == State.Deployed).ToList();
        var underway = Source.AllRows.Where(Underway).ToList();
        var now = deployed.Count == 0 ? "none deployed yet" : $"{Women(deployed)} of {deployed.Count} deployed";
        return $"{sought} · {now} · {Women(underway)} of {underway.Count} under way";

        static int Women(IEnumerable<Nomination> list) => list.Count(n => n.OfficerGender == Gender.Female);
    }

    private static bool Underway(Nomination n) => n.State is State.Submitted or State.Shortlisted or State.Selected or State.Cleared;

    private static string Officers(int count) => $"{count} officer{(count == 1 ? "" : "s")}";

    private void UpdateSummary()
    {
        var whose = Context.IsFocalPoint ? $"{Context.Caller.RegionCode}'s nominations" : "Nominations";
        var all = Source.AllRows;
        if (all.Count == 0)
        {
            var accepting = RequestText.AcceptsNominations(Request, Context.Clock.GetUtcNow().UtcDateTime);
            Summary = $"{whose}: none yet." + (CanNominate && accepting ? " Press m to match officers and nominate." : "");
            return;
        }
        var states = Path.Select(s => (State: s, Count: all.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => $"{x.Count} {Format.State(x.State)}");
        var shown = Source.Rows != all.Count ? $" ({Source.Rows} shown)" : "";
        Summary = $"{whose}{shown}: {string.Join(", ", states)} · {Officers(Request.OfficerCount)} sought";
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {Format.RegionOf(row.Name)} {Format.State(row.State)}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show($"Nomination of {row.OfficerDisplayName}",
        $"{row.Name}\nState: {Format.State(row.State)}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\nWarnings at submission:\n{Describe.Findings(row.Warnings)}" : ""));

    private void ShowRequest()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        var stream = RequestText.Stream(Request.Stream);
        var lines = new List<string>
        {
            $"{Mission} · {RequestText.Category(Request.Category)} · {Officers(Request.OfficerCount)}" + (stream.Length > 0 ? $" · {stream}" : ""),
            $"Deployment: {Format.Date(Request.DeploymentDate)}",
            $"Deadline: {Format.Instant(Request.Deadline)}",
            $"State: {RequestText.Standing(Request, now)}",
            "",
            "Expert profile:",
            Request.ExpertProfile.Length == 0 ? "—" : Request.ExpertProfile,
            "",
            RequestText.Requirements(Request),
        };
        if (Request.TargetWomenShare > 0) lines.Add($"Women sought: {Format.Percent(Request.TargetWomenShare)} of those deployed");
        Context.Dialogs.Show(Request.Title, string.Join('\n', lines));
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.M && CanMatch)
        {
            Context.Navigator.Push(new RequestMatchScreen(Context, Request));
            return true;
        }
        if (key == Key.I)
        {
            ShowRequest();
            return true;
        }
        if (Context.IsAdministrator && RequestKey(key)) return true;
        var decision = key switch
        {
            _ when key == Key.W && CanNominate => Decision.Withdraw,
            _ when !Context.IsAdministrator => (Decision?)null,
            _ when key == Key.H => Decision.Shortlist,
            _ when key == Key.L => Decision.Select,
            _ when key == Key.C => Decision.Clear,
            _ when key == Key.D => Decision.Deploy,
            _ when key == Key.X => Decision.Reject,
            _ => null,
        };
        if (decision is { } d)
        {
            if (Selected is { } nomination) _ = DecideAsync(d, nomination);
            else Context.Status.ShowError("No nomination selected.");
            return true;
        }
        return base.HandleKey(key);
    }

    /// <summary>The administrators' keys on the request itself: edit, open, close, cancel.</summary>
    private bool RequestKey(Key key)
    {
        if (key == Key.E)
        {
            if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _vocabularyLoad);
            Context.Navigator.Push(new RequestFormScreen(Context, Request, _vocabulary, Moved));
            return true;
        }
        LifecycleMove? move = key == Key.O.WithShift ? LifecycleMove.Open
            : key == Key.C.WithShift ? LifecycleMove.Close
            : key == Key.X.WithShift ? LifecycleMove.Cancel
            : null;
        if (move is not { } m) return false;
        _ = RequestLifecycle.AskAndMoveAsync(Context, _action, m, Request, Source.AllRows, Moved);
        return true;
    }

    private void Moved(RecruitmentRequest request)
    {
        Request = request;
        ShowDetails();
        _changed?.Invoke(request);
        // Cancelling cancels the live nominations: read them again as they now stand.
        Reload();
    }

    /// <summary>Why the decision cannot apply to the nomination as it stands (the request's path), or null when it can.</summary>
    private static string? NotApplicable(Decision decision, Nomination n)
    {
        var who = $"{n.OfficerDisplayName} is {Format.State(n.State)}";
        return decision switch
        {
            Decision.Shortlist when n.State != State.Submitted => $"{who}: only submitted nominations can be shortlisted.",
            Decision.Select when n.State != State.Shortlisted => $"{who}: only shortlisted nominations can be selected.",
            Decision.Clear when n.State != State.Selected => $"{who}: only selected nominations can be cleared.",
            Decision.Deploy when n.State != State.Cleared => $"{who}: only cleared nominations can be deployed.",
            Decision.Reject when n.State is not (State.Submitted or State.Shortlisted or State.Selected) =>
                $"{who}: only submitted, shortlisted or selected nominations can be rejected.",
            Decision.Withdraw when !Underway(n) => $"{who}: only nominations still under way can be withdrawn.",
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
            case Decision.Select:
                // One of the posts sought is given: asked first, like every decision that takes a seat.
                if (!Context.Dialogs.Confirm("Select for deployment",
                        $"Select {name} ({Format.RegionOf(nomination.Name)}) for one of the {Officers(Request.OfficerCount)} sought by {Mission}? " +
                        "The focal point sees it at once.", "Select")) return;
                break;
            case Decision.Reject:
                if (Context.Dialogs.AskReason($"Reject {name}", "Why is this nomination rejected? (the focal point will read it)") is not { } why) return;
                reason = why;
                break;
            case Decision.Withdraw:
                if (Context.Dialogs.AskReason($"Withdraw {name}", "Why is this nomination withdrawn? (the mission's recruiters will read it)") is not { } because) return;
                reason = because;
                break;
            case Decision.Deploy:
                if (!Context.Dialogs.Confirm("Deploy",
                        $"Deploy {name} ({Format.RegionOf(nomination.Name)}) to {Mission}? The officer's roster record will show them as deployed. " +
                        "This is the last step and cannot be undone.", "Deploy")) return;
                break;
        }
        await Context.Load(_action,
            ct => Context.Client.DecideAsync(decision, nomination, reason, ct),
            moved =>
            {
                ShowRow(moved);
                Changed();
                Context.Status.ShowInfo(Done(decision, moved));
            },
            error =>
            {
                if (error.ServerUnreachable) return;
                Context.Status.ShowError(Refusal(decision, nomination, error));
                // The nomination moved on or was changed meanwhile: show it as it stands (the refusal stays on the line).
                if (error.Reason is "ILLEGAL_TRANSITION" or "ETAG_MISMATCH") Reload();
            });
    }

    private string Done(Decision decision, Nomination n) => decision switch
    {
        Decision.Shortlist => $"Shortlisted {n.OfficerDisplayName}; l selects them for deployment.",
        Decision.Select => $"Selected {n.OfficerDisplayName}; c clears them once their medical clearance is on file.",
        Decision.Clear => $"Cleared {n.OfficerDisplayName}; d deploys them.",
        Decision.Deploy => $"Deployed {n.OfficerDisplayName} to {Mission}; the roster shows them as deployed.",
        Decision.Reject => $"Rejected {n.OfficerDisplayName}.",
        _ => $"Withdrew {n.OfficerDisplayName}.",
    };

    /// <summary>The service's refusal as one sentence that says what happened and what to do.</summary>
    public static string Refusal(Decision decision, Nomination n, ClientError error)
    {
        var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
        var name = n.OfficerDisplayName;
        return error.Reason switch
        {
            "OFFICER_NOT_ELIGIBLE" when decision == Decision.Clear && error.RuleViolations.Any(v => v.Rule == "MEDICAL_CLEARANCE_MISSING") =>
                $"{name} cannot be cleared: {why} {Format.RegionOf(n.Name)}'s focal point must record it on the officer first.",
            "OFFICER_NOT_ELIGIBLE" => $"{name} cannot be {Past(decision)}: {why}",
            "ILLEGAL_TRANSITION" => $"{name}'s nomination has moved on: {why} The list is read again.",
            "ETAG_MISMATCH" => $"{name}'s nomination was changed by someone else; the list is read again. Decide again if still needed.",
            _ => $"Could not {Verb(decision)} {name}: {why}",
        };
    }

    private static string Verb(Decision decision) => decision switch
    {
        Decision.Shortlist => "shortlist",
        Decision.Select => "select",
        Decision.Clear => "clear",
        Decision.Deploy => "deploy",
        Decision.Reject => "reject",
        _ => "withdraw",
    };

    private static string Past(Decision decision) => decision switch
    {
        Decision.Shortlist => "shortlisted",
        Decision.Select => "selected",
        Decision.Clear => "cleared",
        Decision.Deploy => "deployed",
        Decision.Reject => "rejected",
        _ => "withdrawn",
    };

    public override void OnClosed()
    {
        _nominations.Cancel();
        _action.Cancel();
        _vocabularyLoad.Cancel();
    }
}
