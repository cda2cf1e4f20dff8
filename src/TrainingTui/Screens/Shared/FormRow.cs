using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// One line of a form: a caption, a text field, and beside it the field's problem ("✗ must be
/// YYYY-MM-DD"). A problem the service reported stays until the field is edited. What to type (the hint)
/// is for the form's help line, which has the room to say it in full.
/// </summary>
public sealed class FormRow
{
    public const int CaptionWidth = 14;
    public const int FieldWidth = 30;

    private readonly Theme _theme;
    private readonly string _hint;
    private string? _problem;
    private string? _serverProblem;

    public FormRow(View parent, int y, string key, string caption, string hint, Theme theme)
    {
        Key = key;
        _theme = theme;
        _hint = hint;
        Caption = new Label { X = 0, Y = y, Width = CaptionWidth, Height = 1, Text = caption };
        Input = new TextField { X = CaptionWidth, Y = y, Width = FieldWidth };
        Note = new Label { X = CaptionWidth + FieldWidth + 1, Y = y, Width = Dim.Fill(), Height = 1, Text = "", HotKeySpecifier = Plain.NoHotKey };
        // A long value shows its beginning (skills start with the ones that matter most), not its end: once the field has
        // started (the field moves its insertion point to the end then), and whenever the focus leaves it.
        Input.Initialized += (_, _) => ShowBeginning();
        Input.HasFocusChanged += (_, e) =>
        {
            if (!e.NewValue) ShowBeginning();
        };
        parent.Add(Caption, Input, Note);
    }

    /// <summary>Scrolls the field back to its first character (unless someone is typing in it).</summary>
    public void ShowBeginning()
    {
        if (Input.HasFocus) return;
        Input.InsertionPoint = Input.Text.Length;
        Input.InsertionPoint = 0;
        Input.SetNeedsDraw();
    }

    public string Key { get; }
    public Label Caption { get; }
    public TextField Input { get; }
    public Label Note { get; }

    /// <summary>For the form's help line while the field has the focus: its problem in full, then what to type.</summary>
    public string Help => ShownProblem is { } problem
        ? Strings.Format("Form_HelpWithProblem", Caption.Text, problem, _hint)
        : Strings.Format("Form_FieldProblem", Caption.Text, _hint);

    /// <summary>The field's problem: the service's until the field is edited, else the one found locally.</summary>
    public string? Problem => _serverProblem ?? _problem;

    /// <summary>The problem on show beside the field.</summary>
    public string? ShownProblem => _serverProblem ?? (Touched ? _problem : null);

    /// <summary>The problem found locally, which alone refuses a save: the service may judge differently next time.</summary>
    public string? LocalProblem => _problem;

    /// <summary>
    /// Whether the field's local problem is on show: once it was typed in, held a value, or a save was tried.
    /// A new form does not open as a wall of "required".
    /// </summary>
    public bool Touched
    {
        get => field;
        set
        {
            field = value;
            ShowNote();
        }
    }

    public void SetProblem(string? problem)
    {
        _problem = problem;
        ShowNote();
    }

    public void SetServerProblem(string? problem)
    {
        _serverProblem = problem;
        ShowNote();
    }

    private void ShowNote()
    {
        if (ShownProblem is { } problem)
        {
            Note.Text = $"✗ {problem}";
            Note.SetScheme(_theme.Bad);
            return;
        }
        Note.Text = "";
        Note.SetScheme(null);
    }
}
