using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Client;

namespace Training.Tui.Screens.Shared;

/// <summary>One field of a form: its key (the proto field path it fills), caption and what to type.</summary>
public sealed record FormField(string Key, string Caption, string Hint);

/// <summary>
/// A form on the screen stack rather than a modal: quitting asks first while it holds changes, and when the server
/// goes away everything typed stays until it returns. Each field is checked as it is typed, its problem beside it;
/// Save is refused while any is left. The service's own field errors land beside the fields they name, and what
/// belongs to no field is said whole in the message area under the buttons, which wraps.
/// <para>
/// The fields scroll when the terminal is short; the buttons and the message area stay at the bottom, so Save and
/// every sentence are always in sight (at 60×20 as at 120×40). A long value shows its beginning, not its end.
/// </para>
/// </summary>
public abstract class FormScreen : Screen
{
    // The save may have landed before the link dropped: the form says so, and a second Ctrl+S (same request id) is safe.
    private static string OfflineNotice => Strings.Get("Form_Offline");

    private readonly List<FormRow> _rows = [];
    private readonly View _fields;
    private readonly Label _intro;
    private readonly Label _state;
    private readonly Label _general;
    private readonly Label _help;
    private Dictionary<string, string> _initial;
    private bool _filling;

    protected FormScreen(ScreenContext context, IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> initial) : base(context)
    {
        _initial = new Dictionary<string, string>(initial);
        _intro = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = "", HotKeySpecifier = Plain.NoHotKey };
        var footer = new View { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Content), CanFocus = true };
        _fields = new View { X = 0, Y = Pos.Bottom(_intro), Width = Dim.Fill(), Height = Dim.Fill(footer), CanFocus = true };
        var y = 0;
        foreach (var field in fields)
        {
            var row = new FormRow(_fields, y++, field.Key, field.Caption, field.Hint, context.Theme);
            row.Input.TextChanged += (_, _) => Edited(row);
            row.Input.HasFocusChanged += (_, e) =>
            {
                if (e.NewValue) ScrollTo(row);
                ShowHelp();
            };
            _rows.Add(row);
        }
        _fields.FrameChanged += (_, _) => _fields.SetContentSize(new Size(Math.Max(1, _fields.Viewport.Width), _rows.Count));

        SaveButton = new Button { X = FormRow.CaptionWidth, Y = 0, Text = Strings.Get("Form_Save"), ShadowStyle = ShadowStyles.None };
        CancelButton = new Button { X = Pos.Right(SaveButton) + 2, Y = 0, Text = Strings.Get("Form_Cancel"), ShadowStyle = ShadowStyles.None };
        _state = new Label { X = Pos.Right(CancelButton) + 2, Y = 0, Width = Dim.Fill(), Height = 1, Text = "" };
        _general = new Label { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = "", HotKeySpecifier = Plain.NoHotKey };
        _help = new Label { X = 0, Y = Pos.Bottom(_general), Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = "", HotKeySpecifier = Plain.NoHotKey };
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
        footer.Add(SaveButton, CancelButton, _state, _general, _help);
        Add(_intro, _fields, footer);
    }

    public Button SaveButton { get; }
    public Button CancelButton { get; }

    /// <summary>The form's own message: why nothing was saved, and what belongs to no field.</summary>
    public string GeneralMessage
    {
        get => _general.Text;
        protected set => _general.Text = value;
    }

    /// <summary>The line above the fields: what is being edited.</summary>
    protected string Intro
    {
        set => _intro.Text = value;
    }

    /// <summary>True while a save is on its way.</summary>
    protected bool Saving { get; private set; }

    /// <summary>True once the form has left the stack (saved, discarded, closed).</summary>
    protected bool Closed { get; set; }

    /// <summary>What the form says about the thing it edits when asked to discard changes.</summary>
    protected virtual string DiscardQuestion => Strings.Get("Form_DiscardQuestion");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Ctrl+S", "Key_Save"),
        Help("Tab Enter", "Key_NextField"),
        Help("Shift+Tab", "Key_PreviousField"),
        Help("Esc", "Key_CancelForm"),
    ];

    public override bool HasUnsavedChanges => !Closed && ChangedKeys().Count > 0;

    public FormRow Row(string key) => _rows.Single(r => r.Key == key);

    protected IReadOnlyList<FormRow> Rows => _rows;

    /// <summary>The text of each field now.</summary>
    public IReadOnlyDictionary<string, string> Values() => _rows.ToDictionary(r => r.Key, r => r.Input.Text);

    /// <summary>The keys of the fields whose text differs from what the form opened with, in form order.</summary>
    protected IReadOnlyList<string> ChangedKeys() =>
        _rows.Where(r => r.Input.Text.Trim() != _initial.GetValueOrDefault(r.Key, "").Trim()).Select(r => r.Key).ToList();

    /// <summary>"Title, Under age": the captions of <paramref name="keys"/>, to say what a save changed.</summary>
    protected string Captions(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => Row(k).Caption.Text));

    /// <summary>Every field's local problem (field key → short phrase); an empty answer lets Save go to the service.</summary>
    protected abstract IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string> values);

    /// <summary>Sends the form to the service; call <see cref="Saved"/> or <see cref="Refused"/> with the answer.</summary>
    protected abstract Task SendAsync(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> changedKeys);

    /// <summary>Whether there is something to send when nothing was changed (a new record always is).</summary>
    protected abstract bool IsNew { get; }

    /// <summary>The form field a service field violation belongs to, or null ("course.title" → "title").</summary>
    protected virtual string? FieldOf(string violationPath)
    {
        var dot = violationPath.IndexOf('.', StringComparison.Ordinal);
        var path = dot >= 0 ? violationPath[(dot + 1)..] : violationPath;
        return _rows.Select(r => r.Key)
            .Where(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal) || path.StartsWith(k + "[", StringComparison.Ordinal))
            .MaxBy(k => k.Length);
    }

    /// <summary>How a service field violation reads beside its field (a form may name the entry of a list).</summary>
    protected virtual string ServerProblem(string field, string description) => description;

    public override void OnShown()
    {
        Revalidate();
        UpdateState();
        _rows.FirstOrDefault(r => r.Input.Enabled)?.Input.SetFocus();
    }

    /// <summary>F5, or the server is back: the form's own text is what matters here, so nothing is re-read or lost.</summary>
    public override void Reload()
    {
        if (_general.Text == OfflineNotice) _general.Text = Strings.Get("Form_ServiceBack");
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
        if (Context.Dialogs.Confirm(Strings.Get("Form_DiscardTitle"), DiscardQuestion, Strings.Get("Form_Discard")))
        {
            Closed = true;
            Context.Navigator.Back();
        }
        return true;
    }

    /// <summary>Puts <paramref name="values"/> in the fields as the form's unchanged state.</summary>
    protected void Fill(IReadOnlyDictionary<string, string> values)
    {
        _initial = new Dictionary<string, string>(values);
        _filling = true;
        foreach (var row in _rows)
        {
            row.Input.Text = values.GetValueOrDefault(row.Key, "");
            row.ShowBeginning();
            row.SetServerProblem(null);
            row.Touched = row.Input.Text.Length > 0;
        }
        _filling = false;
        _general.Text = "";
        Revalidate();
        UpdateState();
    }

    private void ScrollTo(FormRow row)
    {
        var y = row.Input.Frame.Y;
        var viewport = _fields.Viewport;
        if (viewport.Height <= 0) return;
        var top = y < viewport.Y ? y : y >= viewport.Y + viewport.Height ? y - viewport.Height + 1 : viewport.Y;
        if (top != viewport.Y) _fields.Viewport = viewport with { Y = top };
    }

    private void Edited(FormRow row)
    {
        if (_filling) return;
        row.Touched = true;
        row.SetServerProblem(null);
        Revalidate();
        UpdateState();
    }

    private IReadOnlyDictionary<string, string> Revalidate()
    {
        var problems = Check(Values());
        foreach (var row in _rows) row.SetProblem(problems.GetValueOrDefault(row.Key));
        return problems;
    }

    /// <summary>The focused field's problem and what to type, in full: beside the field there is room for a few words only.</summary>
    private void ShowHelp()
    {
        if (Closed) return;
        _help.Text = _rows.FirstOrDefault(r => r.Input.HasFocus)?.Help ?? "";
    }

    protected void UpdateState()
    {
        if (Closed) return;
        ShowHelp();
        var problems = _rows.Count(r => r.Problem is not null);
        _state.Text = Saving ? Strings.Get("Form_Saving")
            : problems > 0 ? Format.IsOne(problems) ? Strings.Format("Form_ToFixOne", problems) : Strings.Format("Form_ToFixMany", problems)
            : HasUnsavedChanges ? Strings.Get("Form_Changed")
            : IsNew ? "" : Strings.Get("Form_NoChanges");
    }

    private void Save()
    {
        if (Saving) return;
        Revalidate();
        foreach (var row in _rows) row.Touched = true;
        if (_rows.FirstOrDefault(r => r.LocalProblem is not null) is { } first)
        {
            // Every problem whole, here where the text wraps: beside a field there may be room for three words.
            _general.Text = Strings.Format("Form_FixFirst", string.Join(Strings.Get("Form_ProblemSeparator"), _rows.Where(r => r.LocalProblem is not null)
                .Select(r => Strings.Format("Form_FieldProblem", r.Caption.Text, r.LocalProblem))));
            UpdateState();
            first.Input.SetFocus();
            return;
        }
        var changed = ChangedKeys();
        if (!IsNew && changed.Count == 0)
        {
            _general.Text = Strings.Get("Form_NothingChanged");
            return;
        }
        _ = SaveAsync(changed);
    }

    private async Task SaveAsync(IReadOnlyList<string> changed)
    {
        Saving = true;
        _general.Text = "";
        foreach (var row in _rows) row.SetServerProblem(null);
        UpdateState();
        try
        {
            await SendAsync(Values(), changed);
        }
        finally
        {
            Saving = false;
            UpdateState();
        }
    }

    /// <summary>After a successful save: back to the screen beneath, with <paramref name="info"/> on the message line.</summary>
    protected void Saved(string info)
    {
        Closed = true;
        Context.Navigator.Back();
        Context.Status.ShowInfo(info);
    }

    /// <summary>
    /// A refused save: field errors beside their fields, the rest (rule violations, the service's sentence) whole in
    /// the message area. Returns false when the service was away (the form keeps everything and says so).
    /// </summary>
    protected bool Refused(ClientError error)
    {
        if (Closed) return false;
        if (error.ServerUnreachable)
        {
            _general.Text = OfflineNotice;
            return false;
        }
        var unplaced = new List<string>();
        foreach (var (field, description) in error.FieldErrors)
        {
            if (FieldOf(field) is { } key) Row(key).SetServerProblem(ServerProblem(field, description));
            else unplaced.Add($"{field} {description}");
        }
        unplaced.AddRange(error.RuleViolations.Select(v => v.Description));
        _general.Text = Strings.Format("Form_NotSaved", unplaced.Count > 0 ? string.Join(" ", unplaced) : error.Message);
        _rows.FirstOrDefault(r => r.Problem is not null)?.Input.SetFocus();
        UpdateState();
        return true;
    }
}
