using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Roster;

public sealed class OfficerTextTests
{
    private static readonly DateOnly Today = new(2027, 1, 20);
    private static readonly IReadOnlySet<string> KnownLanguages = new HashSet<string> { "en", "fr", "ar" };
    private static readonly IReadOnlySet<string> KnownSkills = new HashSet<string> { "forensics", "gender", "sgbv-investigation" };

    [Fact]
    public void Languages_ReadOneLevelForAllFourSkillsOrFourLevels_AndWriteThemBackTheSameWay()
    {
        var parsed = OfficerText.Languages("FR c1/C1/B2/c1 ,  en B2; ar -/A2/-/A1", KnownLanguages);

        Assert.True(parsed.Ok, parsed.Problem);
        Assert.Equal(["fr", "en", "ar"], parsed.Value.Select(l => l.LanguageCode));
        Assert.Equal(new LanguageProficiency { LanguageCode = "en", Reading = CefrLevel.B2, Listening = CefrLevel.B2, Writing = CefrLevel.B2, Speaking = CefrLevel.B2 },
            parsed.Value[1]);
        Assert.Equal(CefrLevel.Unspecified, parsed.Value[2].Reading);
        Assert.Equal("fr C1/C1/B2/C1, en B2, ar -/A2/-/A1", OfficerText.Languages(parsed.Value));
    }

    [Theory]
    [InlineData("fr", "fr: add a level, e.g. fr B2")]
    [InlineData("fr C1/B2", "fr: one level or four (R/L/W/S)")]
    [InlineData("fr C3", "fr: “C3” is not A1–C2")]
    [InlineData("xx B2", "“xx” is not a known language")]
    [InlineData("french B2", "“french”: use a code like fr")]
    [InlineData("fr B2, fr C1", "fr is listed twice")]
    [InlineData("fr -", "fr: give at least one level")]
    public void Languages_NameTheProblemInAFewWords(string text, string problem) =>
        Assert.Equal(problem, OfficerText.Languages(text, KnownLanguages).Problem);

    [Fact]
    public void Skills_NeedALevel_AcceptItsFirstLetters_AndSuggestACodeForATypo()
    {
        var parsed = OfficerText.Skills("forensics adv, sgbv-investigation Expert", KnownSkills);
        Assert.True(parsed.Ok, parsed.Problem);
        Assert.Equal("forensics advanced, sgbv-investigation expert", OfficerText.Skills(parsed.Value));

        Assert.Equal("gender: add a level, e.g. gender basic", OfficerText.Skills("gender", KnownSkills).Problem);
        Assert.Equal("“forens” unknown; forensics?", OfficerText.Skills("forens basic", KnownSkills).Problem);
        Assert.Equal("gender: “guru” is not a level", OfficerText.Skills("gender guru", KnownSkills).Problem);
    }

    [Fact]
    public void Requirements_TakeAnOptionalMinimumLevel()
    {
        var skills = OfficerText.SkillRequirements("forensics, gender int", KnownSkills);
        Assert.Equal([SkillLevel.Unspecified, SkillLevel.Intermediate], skills.Value.Select(s => s.MinimumLevel));
        var languages = OfficerText.LanguageRequirements("fr B2, en", KnownLanguages);
        Assert.Equal([CefrLevel.B2, CefrLevel.A1], languages.Value.Select(l => l.MinimumLevel));
        Assert.Equal("fr B2, en", OfficerText.LanguageRequirements(languages.Value));
    }

    [Theory]
    [InlineData("2024-02-30", "2024-02-30 is not a calendar day")]
    [InlineData("24-02-03", "must be YYYY-MM-DD")]
    [InlineData("1850-01-01", "year must be 1900–2200")]
    [InlineData("", "required, YYYY-MM-DD")]
    public void Dates_AreYearMonthDay(string text, string problem) =>
        Assert.Equal(problem, OfficerText.Date(text, required: true).Problem);

    [Fact]
    public void Vetting_ClearedAndFlaggedNeedADateInThePast()
    {
        Assert.Equal(VettingStatus.Pending, OfficerText.Vetting("pending", Today).Value!.Status);
        Assert.Equal("cleared 2024-03-01", OfficerText.Vetting(OfficerText.Vetting("c 2024-03-01", Today).Value));
        Assert.Equal("add the date: cleared YYYY-MM-DD", OfficerText.Vetting("cleared", Today).Problem);
        Assert.Equal("date must not be in the future", OfficerText.Vetting("flagged 2027-06-01", Today).Problem);
        Assert.Null(OfficerText.Vetting("  ", Today).Value);
    }

    [Theory]
    [InlineData("officer.given_name", OfficerDraft.GivenName)]
    [InlineData("officer.languages[1].language_code", OfficerDraft.Languages)]
    [InlineData("officer.languages", OfficerDraft.Languages)]
    [InlineData("officer.vetting.medical_clearance.date", OfficerDraft.Medical)]
    [InlineData("officer.certifications.ams_pass.pass_date", OfficerDraft.Ams)]
    [InlineData("officer.certifications.completed_courses[2].expiry_date", OfficerDraft.Courses)]
    [InlineData("officer.given_names", null)]
    public void FieldViolationPaths_MapToTheFormFieldTheyName(string path, string? field) =>
        Assert.Equal(field, OfficerDraft.FieldOf(path));

    [Fact]
    public void Draft_ChangedPaths_AreTheUpdateMaskOfWhatWasEdited()
    {
        var officer = Support.Sample.Officer("SN", "awa", "Diop", "Awa");
        var initial = OfficerDraft.From(officer);
        var edited = initial.Copy();
        edited[OfficerDraft.Rank] = "Commissaire";
        edited[OfficerDraft.Medical] = "cleared 2026-11-02";
        edited[OfficerDraft.HumanRights] = "pending";
        edited[OfficerDraft.GivenName] = " Awa ";

        Assert.Equal(["rank", "vetting"], edited.ChangedPaths(initial));
        var check = edited.Check(Today, new RosterVocabulary());
        Assert.True(check.Valid, string.Join("; ", check.Problems));
        Assert.Equal("Awa", check.Officer.GivenName);
    }
}
