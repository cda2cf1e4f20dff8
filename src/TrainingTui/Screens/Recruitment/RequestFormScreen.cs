using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Recruitment;

/// <summary>
/// Publishes a recruitment request (as a draft: Member States see it once it is opened) or edits one: the mission,
/// the posts, the deadline and what the officers must meet. An edit sends only the changed fields with the etag read.
/// </summary>
public sealed class RequestFormScreen : FormScreen
{
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<RecruitmentRequest> _saved;
    private readonly CallSlot _save = new();
    private readonly CallSlot _reference = new();
    private readonly RecruitmentRequest? _stored;
    private IReadOnlySet<string>? _missions;
    private string _requestId = Guid.NewGuid().ToString();

    public RequestFormScreen(ScreenContext context, RecruitmentRequest? request, RosterVocabulary vocabulary, Action<RecruitmentRequest> saved)
        : base(context, RequestDraft.Fields, RequestDraft.Text(request))
    {
        _stored = request;
        _vocabulary = vocabulary;
        _saved = saved;
        Fill(RequestDraft.Text(request));
        Intro = request is null
            ? Strings.Get("RequestForm_NewIntro")
            : Strings.Format("RequestForm_EditIntro", request.Name, RequestText.State(request.State), Format.Instant(request.UpdateTime));
    }

    public override string Heading =>
        _stored is null ? Strings.Get("RequestForm_NewHeading") : Strings.Format("RequestForm_EditHeading", RequestText.Fit(_stored.Title, 30));

    protected override bool IsNew => _stored is null;

    public override void OnShown()
    {
        base.OnShown();
        if (_missions is null) _ = LoadMissionsAsync();
    }

    private async Task LoadMissionsAsync() =>
        await Context.Load(_reference,
            ct => Context.Client.ListMissionsAsync(ct),
            missions => _missions = missions.Select(m => m.Name.Split('/')[^1]).ToHashSet(StringComparer.Ordinal),
            _ => { });

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) =>
        RequestDraft.Read(values, _vocabulary, _missions).Problems;

    protected override async Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        var request = RequestDraft.Read(values, _vocabulary, _missions).Request;
        var stored = _stored;
        if (stored is not null)
        {
            request.Name = stored.Name;
            request.Etag = stored.Etag;
        }
        await Context.Load(_save,
            ct => stored is null
                ? Context.Client.CreateRequestAsync(request, _requestId, ct)
                : Context.Client.UpdateRequestAsync(request, changedKeys, ct),
            result =>
            {
                _saved(result);
                Saved(stored is null
                    ? Strings.Format("RequestForm_Published", result.Title)
                    : Strings.Format("RequestForm_Saved", result.Title, string.Join(", ", changedKeys.Select(RequestDraft.Caption))));
            },
            error =>
            {
                if (!error.ServerUnreachable) _requestId = Guid.NewGuid().ToString();
                Refused(error);
            });
    }

    public override void OnClosed()
    {
        Closed = true;
        _save.Cancel();
        _reference.Cancel();
    }
}
