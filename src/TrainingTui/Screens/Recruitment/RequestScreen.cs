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
            ? new KeyHelp[] { Context.IsAdministrator ? Help("m", "Key_RequestMatchMemberState") : Help("m", "Key_RequestMatchNominate") }
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
        new(Strings.Get("Col_Officer"), n => n.OfficerDisplayName, n => Folding.Fold(n.OfficerDisplayName), MaxWidth: 26),
        new(Strings.Get("Col_MemberState"), n => Format.RegionOf(n.Name), n => Format.RegionOf(n.Name), MaxWidth: 3),
        new(Strings.Get("Col_Gender"), n => Format.Gender(n.OfficerGender), n => (int)n.OfficerGender, MaxWidth: 1),
        new(Strings.Get("Col_State"), n => Format.State(n.State), n => Array.IndexOf(Path, n.State), MaxWidth: 15),
        new(Strings.Get("Col_Updated"), n => Format.Instant(n.UpdateTime), n => n.UpdateTime?.ToDateTime()),
    ];

    /// <summary>Every time: back from matching, the new nominations are listed.</summary>
    public override void OnShown() => Reload();

    public override void Reload() => _ = LoadNominationsAsync();

    private async Task LoadNominationsAsync()
    {
        if (!_loaded) Summary = Strings.Get("Session_Loading");
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
            error => Summary = Strings.Format("Request_LoadFailed", error.Message));
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
            Strings.Format("Request_Line", Mission, RequestText.Category(Request.Category), Officers(Request.OfficerCount), Format.Date(Request.DeploymentDate)) +
            (stream.Length > 0 ? $" · {stream}" : "") + "\n" +
            char.ToUpper(standing[0], UiLanguage.Formatting) + standing[1..] + "\n" +
            RequestText.Requirements(Request) + "\n" +
            WomenLine() + "\n" +
            Strings.Format("Request_Profile", profile);
    }

    /// <summary>The share of women sought among those deployed, beside where the nominations listed stand.</summary>
    private string WomenLine()
    {
        var sought = Request.TargetWomenShare > 0 ? Strings.Format("Request_WomenSought", Format.Percent(Request.TargetWomenShare)) : Strings.Get("Request_WomenNoTarget");
        if (!_loaded) return sought;
        var deployed = Source.AllRows.Where(n => n.State == State.Deployed).ToList();
        var underway = Source.AllRows.Where(Underway).ToList();
        var now = deployed.Count == 0 ? Strings.Get("Request_NoneDeployed") : Strings.Format("Request_WomenDeployed", Women(deployed), deployed.Count);
        return Strings.Format("Request_WomenLine", sought, now, Women(underway), underway.Count);

        static int Women(IEnumerable<Nomination> list) => list.Count(n => n.OfficerGender == Gender.Female);
    }

    private static bool Underway(Nomination n) => n.State is State.Submitted or State.Shortlisted or State.Selected or State.Cleared;

    private static string Officers(int count) => RequestText.Officers(count);

    private void UpdateSummary()
    {
        var whose = Context.IsFocalPoint ? Strings.Format("Session_Whose", Context.Caller.RegionCode) : Strings.Get("Session_All");
        var all = Source.AllRows;
        if (all.Count == 0)
        {
            var accepting = RequestText.AcceptsNominations(Request, Context.Clock.GetUtcNow().UtcDateTime);
            Summary = Strings.Format("Session_NoneYet", whose) + (CanNominate && accepting ? Strings.Get("Request_PressM") : "");
            return;
        }
        var states = Path.Select(s => (State: s, Count: all.Count(n => n.State == s))).Where(x => x.Count > 0)
            .Select(x => RequestText.Count(x.State, x.Count));
        var shown = Source.Rows != all.Count ? Strings.Format("Request_Shown", Source.Rows) : "";
        Summary = Strings.Format("Request_Summary", whose, shown, string.Join(", ", states), Officers(Request.OfficerCount));
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(Nomination row, string foldedFilter) =>
        Folding.Fold($"{row.OfficerDisplayName} {Format.RegionOf(row.Name)} {Format.State(row.State)}").Contains(foldedFilter);

    protected override void Open(Nomination row) => Context.Dialogs.Show(Strings.Format("Session_NominationOf", row.OfficerDisplayName),
        $"{row.Name}\n{Strings.Format("Session_StateLine", Format.State(row.State))}\n\n{Describe.History(row)}" +
        (row.Warnings.Count > 0 ? $"\n\n{Strings.Get("Request_WarningsAtSubmission")}\n{Describe.Findings(row.Warnings)}" : ""));

    private void ShowRequest()
    {
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        var stream = RequestText.Stream(Request.Stream);
        var lines = new List<string>
        {
            $"{Mission} · {RequestText.Category(Request.Category)} · {Officers(Request.OfficerCount)}" + (stream.Length > 0 ? $" · {stream}" : ""),
            Strings.Format("Request_Deployment", Format.Date(Request.DeploymentDate)),
            Strings.Format("Request_Deadline", Format.Instant(Request.Deadline)),
            Strings.Format("Session_StateLine", RequestText.Standing(Request, now)),
            "",
            Strings.Get("Request_ExpertProfile"),
            Request.ExpertProfile.Length == 0 ? "—" : Request.ExpertProfile,
            "",
            RequestText.Requirements(Request),
        };
        if (Request.TargetWomenShare > 0) lines.Add(Strings.Format("Request_WomenSoughtInFull", Format.Percent(Request.TargetWomenShare)));
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
            else Context.Status.ShowError(Strings.Get("Request_NoneSelected"));
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
        var (name, state) = (n.OfficerDisplayName, Format.State(n.State));
        return decision switch
        {
            Decision.Shortlist when n.State != State.Submitted => Strings.Format("Request_OnlySubmittedShortlisted", name, state),
            Decision.Select when n.State != State.Shortlisted => Strings.Format("Request_OnlyShortlistedSelected", name, state),
            Decision.Clear when n.State != State.Selected => Strings.Format("Request_OnlySelectedCleared", name, state),
            Decision.Deploy when n.State != State.Cleared => Strings.Format("Request_OnlyClearedDeployed", name, state),
            Decision.Reject when n.State is not (State.Submitted or State.Shortlisted or State.Selected) =>
                Strings.Format("Request_OnlyUnderwayRejected", name, state),
            Decision.Withdraw when !Underway(n) => Strings.Format("Request_OnlyUnderwayWithdrawn", name, state),
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
        var region = Format.RegionOf(nomination.Name);
        var reason = "";
        switch (decision)
        {
            case Decision.Select:
                // One of the posts sought is given: asked first, like every decision that takes a seat.
                if (!Context.Dialogs.Confirm(Strings.Get("Request_SelectTitle"),
                        Strings.Format("Request_SelectQuestion", name, region, Officers(Request.OfficerCount), Mission),
                        Strings.Get("Request_SelectButton"))) return;
                break;
            case Decision.Reject:
                if (Context.Dialogs.AskReason(Strings.Format("Request_RejectTitle", name), Strings.Get("Request_RejectWhy")) is not { } why) return;
                reason = why;
                break;
            case Decision.Withdraw:
                if (Context.Dialogs.AskReason(Strings.Format("Request_WithdrawTitle", name), Strings.Get("Request_WithdrawWhy")) is not { } because) return;
                reason = because;
                break;
            case Decision.Deploy:
                if (!Context.Dialogs.Confirm(Strings.Get("Request_DeployTitle"), Strings.Format("Request_DeployQuestion", name, region, Mission),
                        Strings.Get("Request_DeployButton"))) return;
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
        Decision.Shortlist => Strings.Format("Request_Shortlisted", n.OfficerDisplayName),
        Decision.Select => Strings.Format("Request_Selected", n.OfficerDisplayName),
        Decision.Clear => Strings.Format("Request_Cleared", n.OfficerDisplayName),
        Decision.Deploy => Strings.Format("Request_Deployed", n.OfficerDisplayName, Mission),
        Decision.Reject => Strings.Format("Request_Rejected", n.OfficerDisplayName),
        _ => Strings.Format("Request_Withdrew", n.OfficerDisplayName),
    };

    /// <summary>The service's refusal as one sentence that says what happened and what to do.</summary>
    public static string Refusal(Decision decision, Nomination n, ClientError error)
    {
        var why = error.RuleViolations.Count > 0 ? string.Join(" ", error.RuleViolations.Select(v => v.Description)) : error.Message;
        var name = n.OfficerDisplayName;
        return error.Reason switch
        {
            "OFFICER_NOT_ELIGIBLE" when decision == Decision.Clear && error.RuleViolations.Any(v => v.Rule == "MEDICAL_CLEARANCE_MISSING") =>
                Strings.Format("Request_ClearRefusedMedical", name, why, Format.RegionOf(n.Name)),
            "OFFICER_NOT_ELIGIBLE" => CannotBe(decision, name, why),
            "ILLEGAL_TRANSITION" => Strings.Format("Request_MovedOn", name, why),
            "ETAG_MISMATCH" => Strings.Format("Request_ChangedMeanwhile", name),
            _ => CouldNot(decision, name, why),
        };
    }

    private static string CannotBe(Decision decision, string name, string why) => decision switch
    {
        Decision.Shortlist => Strings.Format("Request_CannotBeShortlisted", name, why),
        Decision.Select => Strings.Format("Request_CannotBeSelected", name, why),
        Decision.Clear => Strings.Format("Request_CannotBeCleared", name, why),
        Decision.Deploy => Strings.Format("Request_CannotBeDeployed", name, why),
        Decision.Reject => Strings.Format("Request_CannotBeRejected", name, why),
        _ => Strings.Format("Request_CannotBeWithdrawn", name, why),
    };

    private static string CouldNot(Decision decision, string name, string why) => decision switch
    {
        Decision.Shortlist => Strings.Format("Request_CouldNotShortlist", name, why),
        Decision.Select => Strings.Format("Request_CouldNotSelect", name, why),
        Decision.Clear => Strings.Format("Request_CouldNotClear", name, why),
        Decision.Deploy => Strings.Format("Request_CouldNotDeploy", name, why),
        Decision.Reject => Strings.Format("Request_CouldNotReject", name, why),
        _ => Strings.Format("Request_CouldNotWithdraw", name, why),
    };

    public override void OnClosed()
    {
        _nominations.Cancel();
        _action.Cancel();
        _vocabularyLoad.Cancel();
    }
}
