using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// Adds or edits one officer. A screen on the stack rather than a modal, so quitting asks first while it holds
/// changes, and when the server goes away the form and everything typed into it stay until it returns. Each
/// field is checked as it is typed, with its problem beside it; Save is refused while any of those is left. The
/// service's own field errors land beside the fields they name. An update sends only the changed fields, with
/// the etag read, so someone else's change is never overwritten silently.
/// </summary>
public sealed class OfficerFormScreen : Screen
{
    private const string EtagMismatch = "ETAG_MISMATCH";
    private const string PoliceIdTaken = "NATIONAL_POLICE_ID_TAKEN";
    private const string OfflineNotice = "⚠ Not saved: the service is away. All kept; Ctrl+S once it is back.";

    private readonly string _regionCode;
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<Officer> _showOnRoster;
    private readonly Action<string>? _goneFromRoster;
    private readonly CallSlot _save = new();
    private readonly CallSlot _reread = new();
    private readonly List<RosterFormRow> _rows = [];
    private readonly Label _intro;
    private readonly Label _state;
    private readonly Label _general;
    private readonly Label _help;
    private Officer? _stored;
    private OfficerDraft _initial;
    private string _requestId = Guid.NewGuid().ToString();
    private bool _filling;
    private bool _saving;
    private bool _closed;

    /// <param name="officer">The officer as last read, or null to add a new one.</param>
    /// <param name="showOnRoster">Called with the officer as stored after a save (or a re-read), to update the list.</param>
    public OfficerFormScreen(ScreenContext context, string regionCode, Officer? officer, RosterVocabulary vocabulary, Action<Officer> showOnRoster,
        Action<string>? goneFromRoster = null)
        : base(context)
    {
        _regionCode = regionCode;
        _stored = officer;
        _vocabulary = vocabulary;
        _showOnRoster = showOnRoster;
        _goneFromRoster = goneFromRoster;
        _initial = officer is null ? OfficerDraft.New() : OfficerDraft.From(officer);

        _intro = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = "" };
        Add(_intro);
        var y = 1;
        foreach (var field in OfficerDraft.Fields)
        {
            var row = new RosterFormRow(this, y++, field.Key, field.Caption, field.Hint, context.Theme);
            row.Input.TextChanged += (_, _) => Edited(row);
            row.Input.HasFocusChanged += (_, _) => ShowHelp();
            _rows.Add(row);
        }
        SaveButton = new Button { X = RosterFormRow.CaptionWidth, Y = y + 1, Text = "Save", ShadowStyle = ShadowStyles.None };
        CancelButton = new Button { X = Pos.Right(SaveButton) + 2, Y = y + 1, Text = "Cancel", ShadowStyle = ShadowStyles.None };
        _state = new Label { X = Pos.Right(CancelButton) + 2, Y = y + 1, Width = Dim.Fill(), Height = 1, Text = "" };
        _general = new Label { X = 0, Y = y + 2, Width = Dim.Fill(), Height = 1, Text = "" };
        _help = new Label { X = 0, Y = y + 3, Width = Dim.Fill(), Height = 1, Text = "" };
        SaveButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            Save();
        };
        CancelButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (!HandleEscape()) Context.Navigator.Back();
        };
        Add(SaveButton, CancelButton, _state, _general, _help);
        Fill(_initial);
    }

    public Button SaveButton { get; }
    public Button CancelButton { get; }

    /// <summary>The form's own message line: why nothing was saved, and what belongs to no field.</summary>
    public string GeneralMessage => _general.Text;

    public override string Heading => _stored is null ? "New officer" : $"{_stored.FamilyName}, {_stored.GivenName}";

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        new("Ctrl+S", "save"),
        new("Tab Enter", "next field"),
        new("Shift+Tab", "previous field"),
        new("Esc", "cancel (asks when changed)"),
    ];

    public override bool HasUnsavedChanges => !_closed && Draft().DiffersFrom(_initial);

    public RosterFormRow Row(string key) => _rows.Single(r => r.Key == key);

    /// <summary>The text of each field now.</summary>
    public OfficerDraft Draft()
    {
        var draft = _initial.Copy();
        foreach (var row in _rows) draft[row.Key] = row.Input.Text;
        return draft;
    }

    public override void OnShown()
    {
        Revalidate();
        _rows[0].Input.SetFocus();
    }

    /// <summary>F5, or the server is back: the form's own text is what matters here, so nothing is re-read or lost.</summary>
    public override void Reload()
    {
        if (_general.Text == OfflineNotice) _general.Text = "The service is back: Ctrl+S saves.";
        Revalidate();
        UpdateState();
    }

    public override bool HandleKey(Key key)
    {
        if (key != Key.S.WithCtrl) return false;
        Save();
        return true;
    }

    /// <summary>Ctrl+S while a field has the focus: the shell leaves typing keys to the field, which passes this one up.</summary>
    protected override bool OnKeyDown(Key key)
    {
        if (key != Key.S.WithCtrl) return base.OnKeyDown(key);
        Save();
        return true;
    }

    public override bool HandleEnterWhileTyping()
    {
        AdvanceFocus(NavigationDirection.Forward, TabBehavior.TabStop);
        return true;
    }

    public override bool HandleEscape()
    {
        if (!HasUnsavedChanges) return false;
        if (Context.Dialogs.Confirm("Discard changes", "This form has changes that are not saved. Discard them?", "Discard"))
        {
            _closed = true;
            Context.Navigator.Back();
        }
        return true;
    }

    public override void OnClosed()
    {
        _closed = true;
        _save.Cancel();
        _reread.Cancel();
    }

    private void Fill(OfficerDraft draft)
    {
        _filling = true;
        foreach (var row in _rows)
        {
            row.Input.Text = draft[row.Key];
            row.Input.InsertionPoint = 0;
            row.SetServerProblem(null);
            row.Touched = draft[row.Key].Length > 0;
        }
        _filling = false;
        _intro.Text = _stored is null
            ? $"New officer for the {_regionCode} roster. Ctrl+S saves; Esc cancels."
            : _stored.UpdateTime is null ? _stored.Name : $"{_stored.Name} · last changed {Format.Instant(_stored.UpdateTime)}";
        _general.Text = "";
        Revalidate();
        UpdateState();
    }

    private void Edited(RosterFormRow row)
    {
        if (_filling) return;
        row.Touched = true;
        row.SetServerProblem(null);
        Revalidate();
        UpdateState();
    }

    private OfficerDraft.Checked Revalidate()
    {
        var result = Draft().Check(Context.Today, _vocabulary);
        foreach (var row in _rows) row.SetProblem(result.Problems.GetValueOrDefault(row.Key));
        return result;
    }

    /// <summary>The focused field's problem and what to type, in full: beside the field there is room for a few words only.</summary>
    private void ShowHelp()
    {
        if (_closed) return;
        var row = _rows.FirstOrDefault(r => r.Input.HasFocus);
        _help.Text = row?.Help ?? "";
    }

    private void UpdateState()
    {
        if (_closed) return;
        ShowHelp();
        var problems = _rows.Count(r => r.Problem is not null);
        _state.Text = _saving ? "⟳ saving…"
            : problems > 0 ? $"✗ {problems} field{(problems == 1 ? "" : "s")} to fix before saving"
            : HasUnsavedChanges ? "● changed, not saved (Ctrl+S)"
            : _stored is null ? "" : "no changes";
    }

    private void Save()
    {
        if (_saving) return;
        var draft = Draft();
        var result = Revalidate();
        var changed = draft.ChangedPaths(_initial);
        foreach (var row in _rows) row.Touched = true;
        if (_rows.FirstOrDefault(r => r.LocalProblem is not null) is { } first)
        {
            _general.Text = "✗ Not saved: fix the fields marked ✗ first.";
            UpdateState();
            first.Input.SetFocus();
            return;
        }
        if (_stored is not null && changed.Count == 0)
        {
            _general.Text = "Nothing changed, nothing to save.";
            return;
        }
        _ = SaveAsync(result.Officer, changed);
    }

    private async Task SaveAsync(Officer officer, IReadOnlyList<string> changed)
    {
        _saving = true;
        _general.Text = "";
        foreach (var row in _rows) row.SetServerProblem(null);
        UpdateState();
        var stored = _stored;
        if (stored is not null)
        {
            officer.Name = stored.Name;
            officer.Etag = stored.Etag;
        }
        var saved = await Context.Load(_save,
            ct => stored is null
                ? Context.Client.CreateOfficerAsync(_regionCode, officer, _requestId, ct)
                : Context.Client.UpdateOfficerAsync(officer, changed, ct),
            result =>
            {
                _closed = true;
                _showOnRoster(result);
                Context.Navigator.Back();
                Context.Status.ShowInfo(stored is null
                    ? $"Added {result.FamilyName}, {result.GivenName} to the {_regionCode} roster."
                    : $"Saved {result.FamilyName}, {result.GivenName}: {string.Join(", ", changed).Replace('_', ' ')}.");
            },
            Refused);
        _saving = false;
        if (!saved) UpdateState();
    }

    private void Refused(ClientError error)
    {
        if (_closed) return;
        if (error.ServerUnreachable)
        {
            // The request id stays: if the first attempt did reach the service, the retry returns that officer
            // instead of adding a second one.
            _general.Text = OfflineNotice;
            return;
        }
        _requestId = Guid.NewGuid().ToString();
        if (error.Reason == EtagMismatch && _stored is not null)
        {
            StaleEtag(error);
            return;
        }
        if (error.Code == Grpc.Core.StatusCode.NotFound && _stored is not null)
        {
            // Deleted by someone else meanwhile: off the roster, and the form says why nothing can be saved.
            _goneFromRoster?.Invoke(_stored.Name);
            _general.Text = "✗ Not saved: someone deleted this officer meanwhile. Esc goes back to the roster.";
            UpdateState();
            return;
        }
        var unplaced = new List<string>();
        foreach (var (field, description) in error.FieldErrors)
        {
            var key = OfficerDraft.FieldOf(field);
            if (key is null) unplaced.Add($"{field} {description}");
            else Row(key).SetServerProblem(Entry(field, description));
        }
        if (error.Reason == PoliceIdTaken) Row(OfficerDraft.PoliceId).SetServerProblem("already on the roster");
        _general.Text = unplaced.Count > 0 ? $"✗ Not saved: {string.Join("; ", unplaced)}" : $"✗ Not saved: {error.Message}";
        _rows.FirstOrDefault(r => r.Problem is not null)?.Input.SetFocus();
        UpdateState();
    }

    /// <summary>"officer.languages[1].language_code" → "en: is listed twice": name the entry of a list field.</summary>
    private string Entry(string field, string description)
    {
        var officer = Draft().Check(Context.Today, _vocabulary).Officer;
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(field.AsSpan(open + 1, close - open - 1), out var index)) return description;
        var list = field[..open];
        string? entry = list.EndsWith("languages", StringComparison.Ordinal) && index < officer.Languages.Count ? officer.Languages[index].LanguageCode
            : list.EndsWith("skills", StringComparison.Ordinal) && index < officer.Skills.Count ? officer.Skills[index].SkillCode
            : null;
        return entry is null ? description : $"{entry}: {description}";
    }

    private void StaleEtag(ClientError error)
    {
        Context.Status.ShowError(error.Message);
        if (Context.Dialogs.Confirm("Changed by someone else",
                $"{_stored!.FamilyName}, {_stored.GivenName} was changed by someone else since you opened this form.\n" +
                "Load their version? The changes on this form are discarded.", "Load theirs"))
        {
            _ = ReReadAsync();
            return;
        }
        _general.Text = "✗ Not saved: someone else changed this officer. Ctrl+S asks again.";
        UpdateState();
    }

    private async Task ReReadAsync()
    {
        var name = _stored!.Name;
        await Context.Load(_reread,
            ct => Context.Client.GetOfficerAsync(name, ct),
            fresh =>
            {
                if (_closed) return;
                _stored = fresh;
                _initial = OfficerDraft.From(fresh);
                Fill(_initial);
                _showOnRoster(fresh);
                Context.Status.ShowInfo($"Loaded the latest version of {fresh.FamilyName}, {fresh.GivenName}.");
            });
    }
}
