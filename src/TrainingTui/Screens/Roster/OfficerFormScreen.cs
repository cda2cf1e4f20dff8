using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// Adds or edits one officer: every field of the record, certifications included, each checked as typed the way
/// the service checks it (see <see cref="OfficerDraft"/>). An update sends only the changed fields, with the etag
/// read, so someone else's change is never overwritten silently.
/// </summary>
public sealed class OfficerFormScreen : FormScreen
{
    private const string EtagMismatch = "ETAG_MISMATCH";
    private const string PoliceIdTaken = "NATIONAL_POLICE_ID_TAKEN";

    private readonly string _regionCode;
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<Officer> _showOnRoster;
    private readonly Action<string>? _goneFromRoster;
    private readonly CallSlot _save = new();
    private readonly CallSlot _reread = new();
    private Officer? _stored;
    private string _requestId = Guid.NewGuid().ToString();

    /// <param name="officer">The officer as last read, or null to add a new one.</param>
    /// <param name="showOnRoster">Called with the officer as stored after a save (or a re-read), to update the list.</param>
    public OfficerFormScreen(ScreenContext context, string regionCode, Officer? officer, RosterVocabulary vocabulary, Action<Officer> showOnRoster,
        Action<string>? goneFromRoster = null)
        : base(context, FormFields(), FormText(officer))
    {
        _regionCode = regionCode;
        _stored = officer;
        _vocabulary = vocabulary;
        _showOnRoster = showOnRoster;
        _goneFromRoster = goneFromRoster;
        Fill(FormText(officer));
        ShowIntro();
    }

    /// <summary>The fields in the client's language, read when a form opens.</summary>
    private static IReadOnlyList<FormField> FormFields() => OfficerDraft.Fields.Select(f => new FormField(f.Key, f.Caption, f.Hint)).ToList();

    private static IReadOnlyDictionary<string, string> FormText(Officer? officer)
    {
        var draft = officer is null ? OfficerDraft.New() : OfficerDraft.From(officer);
        return OfficerDraft.Fields.ToDictionary(f => f.Key, f => draft[f.Key]);
    }

    public override string Heading => _stored is null ? Strings.Get("Officer_NewHeading") : $"{_stored.FamilyName}, {_stored.GivenName}";

    protected override bool IsNew => _stored is null;

    /// <summary>The text of each field now.</summary>
    public OfficerDraft Draft() => OfficerDraft.Of(Values());

    private void ShowIntro() => Intro = _stored is null
        ? Strings.Format("Officer_NewIntro", _regionCode)
        : _stored.UpdateTime is null ? _stored.Name : Strings.Format("Officer_LastChanged", _stored.Name, Format.Instant(_stored.UpdateTime));

    protected override IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values) =>
        OfficerDraft.Of(values).Check(Context.Today, _vocabulary).Problems;

    protected override string? FieldOf(string violationPath) => OfficerDraft.FieldOf(violationPath);

    public override void OnClosed()
    {
        Closed = true;
        _save.Cancel();
        _reread.Cancel();
    }

    protected override async Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys)
    {
        var officer = OfficerDraft.Of(values).Check(Context.Today, _vocabulary).Officer;
        var changed = OfficerDraft.Fields.Where(f => changedKeys.Contains(f.Key)).Select(f => f.MaskPath).Distinct().ToList();
        var stored = _stored;
        if (stored is not null)
        {
            officer.Name = stored.Name;
            officer.Etag = stored.Etag;
        }
        await Context.Load(_save,
            ct => stored is null
                ? Context.Client.CreateOfficerAsync(_regionCode, officer, _requestId, ct)
                : Context.Client.UpdateOfficerAsync(officer, changed, ct),
            result =>
            {
                _showOnRoster(result);
                Saved(stored is null
                    ? Strings.Format("Officer_Added", result.FamilyName, result.GivenName, _regionCode)
                    : Strings.Format("Officer_Saved", result.FamilyName, result.GivenName, string.Join(", ", changed.Select(OfficerDraft.PartName))));
            },
            OnRefused);
    }

    private void OnRefused(ClientError error)
    {
        if (Closed) return;
        // Offline, the request id stays: if the first attempt did reach the service, the retry returns that officer
        // instead of adding a second one.
        if (!error.ServerUnreachable) _requestId = Guid.NewGuid().ToString();
        if (error.Reason == EtagMismatch && _stored is not null)
        {
            StaleEtag(error);
            return;
        }
        if (error.Code == Grpc.Core.StatusCode.NotFound && _stored is not null)
        {
            // Deleted by someone else meanwhile: off the roster, and the form says why nothing can be saved.
            _goneFromRoster?.Invoke(_stored.Name);
            GeneralMessage = Strings.Get("Officer_DeletedMeanwhile");
            UpdateState();
            return;
        }
        if (!Refused(error)) return;
        if (error.Reason == PoliceIdTaken) Row(OfficerDraft.PoliceId).SetServerProblem(Strings.Get("Officer_PoliceIdTaken"));
    }

    /// <summary>"officer.languages[1].language_code" → "en: is listed twice": name the entry of a list field.</summary>
    protected override string ServerProblem(string field, string description)
    {
        var officer = Draft().Check(Context.Today, _vocabulary).Officer;
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(field.AsSpan(open + 1, close - open - 1), out var index)) return description;
        var list = field[..open];
        string? entry = list.EndsWith("languages", StringComparison.Ordinal) && index < officer.Languages.Count ? officer.Languages[index].LanguageCode
            : list.EndsWith("skills", StringComparison.Ordinal) && index < officer.Skills.Count ? officer.Skills[index].SkillCode
            : list.EndsWith("completed_courses", StringComparison.Ordinal) && index < officer.Certifications.CompletedCourses.Count
                ? officer.Certifications.CompletedCourses[index].Course.Split('/')[^1]
            : null;
        return entry is null ? description : Strings.Format("Officer_ProblemOf", entry, description);
    }

    private void StaleEtag(ClientError error)
    {
        Context.Status.ShowError(error.Message);
        if (Context.Dialogs.Confirm(Strings.Get("Officer_ChangedTitle"),
                Strings.Format("Officer_ChangedQuestion", _stored!.FamilyName, _stored.GivenName), Strings.Get("Officer_LoadTheirs")))
        {
            _ = ReReadAsync();
            return;
        }
        GeneralMessage = Strings.Get("Officer_ChangedNotSaved");
        UpdateState();
    }

    private async Task ReReadAsync()
    {
        var name = _stored!.Name;
        await Context.Load(_reread,
            ct => Context.Client.GetOfficerAsync(name, ct),
            fresh =>
            {
                if (Closed) return;
                _stored = fresh;
                Fill(FormText(fresh));
                ShowIntro();
                _showOnRoster(fresh);
                Context.Status.ShowInfo(Strings.Format("Officer_LoadedLatest", fresh.FamilyName, fresh.GivenName));
            });
    }
}
