using Terminal.Gui.Input;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Recruitment;

/// <summary>
/// Recruitment requests: the missions' calls for officers the caller may see (open and closed ones; drafts too for
/// administrators), soonest deadline first. Enter opens a request: its details, its nominations, matching and
/// the deployment steps.
/// </summary>
public sealed class RequestsScreen : TableScreen<RecruitmentRequest>
{
    private const int TitleColumn = 0, CategoryColumn = 2, DeploymentColumn = 4, SkillsColumn = 7;

    private readonly CallSlot _load = new();
    private readonly CallSlot _vocabularyLoad = new();
    private readonly RosterVocabulary _vocabulary = new();
    private bool _loaded;

    public RequestsScreen(ScreenContext context) : base(context, Columns(), r => r.Name)
    {
    }

    public override string Heading => Strings.Get("Screen_Requests");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_OpenRequest"),
        .. Context.IsAdministrator ? new KeyHelp[] { Help("a", "Key_PublishRequest") } : [],
        .. TableKeys,
    ];

    private static IReadOnlyList<Column<RecruitmentRequest>> Columns() =>
    [
        new(Strings.Get("Col_Title"), r => r.Title, r => Folding.Fold(r.Title), MaxWidth: 26),
        new(Strings.Get("Requests_ColMission"), r => RequestText.Mission(r.Mission), r => RequestText.Mission(r.Mission), MaxWidth: 8),
        new(Strings.Get("Requests_ColCategory"), r => RequestText.Category(r.Category), r => RequestText.Category(r.Category), MaxWidth: 9),
        new(Strings.Get("Requests_ColOfficers"), r => r.OfficerCount.ToString(UiLanguage.Formatting), r => r.OfficerCount, MaxWidth: 8),
        new(Strings.Get("Requests_ColDeployment"), r => Format.Date(r.DeploymentDate), r => Format.Day(r.DeploymentDate), MaxWidth: 13),
        new(Strings.Get("Requests_ColDeadline"), RequestText.DeadlineDay, r => RequestText.Deadline(r), MaxWidth: 13),
        new(Strings.Get("Col_Languages"), RequestText.Languages, MaxWidth: 14, MayCut: true),
        new(Strings.Get("Requests_ColSkills"), RequestText.Skills, MaxWidth: 22, MayCut: true),
        new(Strings.Get("Col_State"), r => RequestText.State(r.State), r => (int)r.State, MaxWidth: 9),
    ];

    /// <summary>
    /// Below the width every column needs, the deployment date and then the category give way (the request's own
    /// screen shows both), so the deadline and the state stay in sight at 80 columns.
    /// </summary>
    protected override void BeforeFitting(int width)
    {
        Table.Style.GetOrCreateColumnStyle(DeploymentColumn).Visible = width >= 112;
        Table.Style.GetOrCreateColumnStyle(CategoryColumn).Visible = width >= 100;
        Table.Style.GetOrCreateColumnStyle(TitleColumn).MaxWidth = width >= 100 ? 26 : 18;
        Table.Style.GetOrCreateColumnStyle(SkillsColumn).MaxWidth = width >= 100 ? 22 : 14;
    }

    public override void OnShown()
    {
        if (!_loaded) Reload();
    }

    public override void Reload() => _ = LoadAsync();

    private async Task LoadAsync()
    {
        if (!_loaded) Summary = Strings.Get("Requests_Loading");
        await Context.Load(_load,
            ct => Context.Client.ListRequestsAsync([], ct),
            requests =>
            {
                _loaded = true;
                ShowRows(requests);
                UpdateSummary();
            },
            error => Summary = Strings.Format("Requests_LoadFailed", error.Message));
    }

    private void UpdateSummary()
    {
        if (Source.TotalRows == 0)
        {
            Summary = Context.IsAdministrator ? Strings.Get("Requests_None") : Strings.Get("Requests_NoneOpen");
            return;
        }
        var now = Context.Clock.GetUtcNow().UtcDateTime;
        var accepting = Source.AllRows.Count(r => RequestText.AcceptsNominations(r, now));
        Summary = Strings.Format("Requests_Summary", Source.Rows, Source.TotalRows, accepting);
    }

    protected override void OnFilterApplied() => UpdateSummary();

    protected override bool Matches(RecruitmentRequest row, string foldedFilter) =>
        Folding.Fold($"{row.Title} {RequestText.Mission(row.Mission)} {RequestText.Category(row.Category)} " +
                     $"{RequestText.Languages(row)} {RequestText.Skills(row)} {RequestText.State(row.State)} {row.ExpertProfile}")
            .Contains(foldedFilter);

    protected override void Open(RecruitmentRequest row) => Context.Navigator.Push(new RequestScreen(Context, row, Changed));

    public override bool HandleKey(Key key)
    {
        if (Context.IsAdministrator && key == Key.A)
        {
            if (!_vocabulary.Loaded) _ = _vocabulary.LoadAsync(Context, _vocabularyLoad);
            Context.Navigator.Push(new RequestFormScreen(Context, null, _vocabulary, Changed));
            return true;
        }
        return base.HandleKey(key);
    }

    private void Changed(RecruitmentRequest request)
    {
        ShowRow(request);
        UpdateSummary();
    }

    public override void OnClosed()
    {
        _load.Cancel();
        _vocabularyLoad.Cancel();
    }
}
