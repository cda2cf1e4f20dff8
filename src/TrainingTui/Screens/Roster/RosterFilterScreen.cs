using System.Text.RegularExpressions;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// The roster's criteria as a short form: Member State (for those who read every State), skills, languages
/// with a minimum level, gender and availability. Each field is checked as it is typed; Enter applies, Esc
/// leaves the roster as it was.
/// </summary>
public sealed partial class RosterFilterScreen : Screen
{
    public const string MemberState = "member_state", Skills = "skills", Languages = "languages", Gender = "gender", Availability = "availability";

    private readonly RosterFilter _current;
    private readonly RosterVocabulary _vocabulary;
    private readonly Action<RosterFilter> _apply;
    private readonly List<FormRow> _rows = [];
    private readonly Label _state;
    private readonly Label _help;
    private readonly string _focusFirst;

    /// <param name="chooseMemberState">Whether the caller may pick the Member State (administrators, auditors, wide integrations).</param>
    /// <param name="focus">The field to start in.</param>
    public RosterFilterScreen(ScreenContext context, RosterFilter current, bool chooseMemberState, RosterVocabulary vocabulary,
        Action<RosterFilter> apply, string focus = Skills) : base(context)
    {
        _current = current;
        _vocabulary = vocabulary;
        _apply = apply;
        _focusFirst = chooseMemberState || focus != MemberState ? focus : Skills;
        Add(new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = Strings.Get("Roster_FilterIntro") });
        var fields = new List<(string Key, string Caption, string Hint, string Text)>();
        if (chooseMemberState) fields.Add((MemberState, Strings.Get("Roster_MemberState"), Strings.Get("Roster_FilterMemberStateHelp"), current.RegionCode));
        fields.Add((Skills, Strings.Get("Officer_Skills"), Strings.Get("Roster_FilterSkillsHelp"), OfficerText.SkillRequirements(current.Skills)));
        fields.Add((Languages, Strings.Get("Officer_Languages"), Strings.Get("Roster_FilterLanguagesHelp"), OfficerText.LanguageRequirements(current.Languages)));
        fields.Add((Gender, Strings.Get("Officer_Gender"), Strings.Get("Roster_FilterGenderHelp"), OfficerText.Gender(current.Gender)));
        fields.Add((Availability, Strings.Get("Officer_Availability"), Strings.Get("Roster_FilterAvailabilityHelp"), OfficerText.Availability(current.Availability)));
        var y = 2;
        foreach (var (key, caption, hint, text) in fields)
        {
            var row = new FormRow(this, y++, key, caption, hint, context.Theme) { Touched = true };
            row.Input.Text = text;
            row.Input.TextChanged += (_, _) => Check();
            row.Input.HasFocusChanged += (_, _) => ShowHelp();
            _rows.Add(row);
        }
        var applyButton = new Button { X = FormRow.CaptionWidth, Y = y + 1, Text = Strings.Get("Roster_FilterApply"), ShadowStyle = ShadowStyles.None };
        var clear = new Button { X = Pos.Right(applyButton) + 2, Y = y + 1, Text = Strings.Get("Roster_FilterClear"), ShadowStyle = ShadowStyles.None };
        _state = new Label { X = Pos.Right(clear) + 2, Y = y + 1, Width = Dim.Fill(), Height = 1, Text = "" };
        applyButton.Accepting += (_, e) =>
        {
            e.Handled = true;
            Apply();
        };
        clear.Accepting += (_, e) =>
        {
            e.Handled = true;
            foreach (var row in _rows.Where(r => r.Key != MemberState)) row.Input.Text = "";
        };
        _help = new Label { X = 0, Y = y + 3, Width = Dim.Fill(), Height = 1, Text = "" };
        Add(applyButton, clear, _state, _help);
        Check();
    }

    public override string Heading => Strings.Get("Roster_FilterHeading");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_Apply"),
        Help("Tab", "Key_NextField"),
        Help("Esc", "Key_BackUnchanged"),
    ];

    public FormRow Row(string key) => _rows.Single(r => r.Key == key);

    public override void OnShown() => Row(_focusFirst).Input.SetFocus();

    public override bool HandleEnterWhileTyping()
    {
        Apply();
        return true;
    }

    private RosterFilter? Check()
    {
        var problems = new Dictionary<string, string>();
        var region = _current.RegionCode;
        if (_rows.Any(r => r.Key == MemberState))
        {
            region = Row(MemberState).Input.Text.Trim().ToUpperInvariant();
            if (!RegionCode().IsMatch(region)) problems[MemberState] = Strings.Get("Roster_TwoLetters");
        }
        var skills = OfficerText.SkillRequirements(Row(Skills).Input.Text, _vocabulary.SkillCodes);
        if (!skills.Ok) problems[Skills] = skills.Problem!;
        var languages = OfficerText.LanguageRequirements(Row(Languages).Input.Text, _vocabulary.LanguageCodes);
        if (!languages.Ok) problems[Languages] = languages.Problem!;
        var gender = OfficerText.Gender(Row(Gender).Input.Text);
        if (!gender.Ok) problems[Gender] = gender.Problem!;
        var availability = OfficerText.Availability(Row(Availability).Input.Text);
        if (!availability.Ok) problems[Availability] = availability.Problem!;

        foreach (var row in _rows) row.SetProblem(problems.GetValueOrDefault(row.Key));
        _state.Text = problems.Count switch
        {
            0 => "",
            1 => Strings.Get("Roster_FilterOneProblem"),
            var n => Strings.Format("Roster_FilterProblems", n),
        };
        ShowHelp();
        return problems.Count > 0 ? null : new RosterFilter(region, skills.Value, languages.Value, gender.Value, availability.Value);
    }

    private void ShowHelp() => _help.Text = _rows.FirstOrDefault(r => r.Input.HasFocus)?.Help ?? "";

    private void Apply()
    {
        if (Check() is not { } filter)
        {
            _rows.First(r => r.Problem is not null).Input.SetFocus();
            return;
        }
        _apply(filter);
        Context.Navigator.Back();
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex RegionCode();
}
