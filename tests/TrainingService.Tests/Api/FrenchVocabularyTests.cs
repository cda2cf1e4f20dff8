using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

/// <summary>
/// The reference data and the skills report's labels in the caller's language (accept-language), through a real gRPC
/// channel: a French caller reads Sénégal, français, Criminalistique; resource names, codes, keys and the order of
/// every list are the same as an English caller's; no accept-language is English.
/// </summary>
public sealed class FrenchVocabularyTests : IAsyncLifetime
{
    private NominationWorld _world = null!;
    private ReferenceDataService.ReferenceDataServiceClient _reference = null!;

    public async Task InitializeAsync()
    {
        _world = await NominationWorld.StartAsync();
        _reference = new ReferenceDataService.ReferenceDataServiceClient(_world.Service.As(_world.SenegalToken));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static Metadata French => new() { { "accept-language", "fr-SN,fr;q=0.9,en;q=0.5" } };

    private static Metadata English => new() { { "accept-language", "en" } };

    /// <summary>Every page; each call gets its own metadata (the token is added to it).</summary>
    private async Task<List<MemberState>> MemberStatesAsync(Func<Metadata>? language)
    {
        var all = new List<MemberState>();
        var token = "";
        do
        {
            var page = await _reference.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 60, PageToken = token }, language?.Invoke());
            all.AddRange(page.MemberStates);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    [Fact]
    public async Task ListMemberStates_ForAFrenchCaller_GivesTheUnFrenchShortNames_WithTheSameNamesAndOrder()
    {
        var english = await MemberStatesAsync(null);
        var french = await MemberStatesAsync(() => French);

        Assert.Equal(193, french.Count);
        Assert.Equal(english.Select(s => (s.Name, s.RegionCode)), french.Select(s => (s.Name, s.RegionCode)));
        string Name(List<MemberState> states, string code) => states.Single(s => s.RegionCode == code).DisplayName;
        Assert.Equal(["Sénégal", "Côte d'Ivoire", "Tchad", "Burkina Faso", "République démocratique du Congo", "Niger", "Cameroun", "Bénin"],
            new[] { "SN", "CI", "TD", "BF", "CD", "NE", "CM", "BJ" }.Select(code => Name(french, code)));
        Assert.Equal(["Senegal", "Côte d'Ivoire", "Chad", "Democratic Republic of the Congo"],
            new[] { "SN", "CI", "TD", "CD" }.Select(code => Name(english, code)));
    }

    [Fact]
    public async Task GetMemberState_ForAFrenchCaller_IsSénégal_AndForAnEnglishOneSenegal()
    {
        var request = new GetMemberStateRequest { Name = "memberStates/SN" };

        var french = await _reference.GetMemberStateAsync(request, French);
        var english = await _reference.GetMemberStateAsync(request, English);

        Assert.Equal(("memberStates/SN", "SN", "Sénégal"), (french.Name, french.RegionCode, french.DisplayName));
        Assert.Equal(("memberStates/SN", "SN", "Senegal"), (english.Name, english.RegionCode, english.DisplayName));
    }

    [Fact]
    public async Task ListLanguages_ForAFrenchCaller_NamesThemInFrench_OfficialLanguagesFirstAsInEnglish()
    {
        var english = await _reference.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 500 });
        var french = await _reference.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 500 }, French);

        Assert.Equal(english.Languages.Select(l => (l.Name, l.LanguageCode, l.UnOfficial)), french.Languages.Select(l => (l.Name, l.LanguageCode, l.UnOfficial)));
        Assert.Equal(["arabe", "chinois", "anglais", "français", "russe", "espagnol"], french.Languages.Take(6).Select(l => l.DisplayName));
        Assert.Equal(["Arabic", "Chinese", "English", "French", "Russian", "Spanish"], english.Languages.Take(6).Select(l => l.DisplayName));
        string Name(string code) => french.Languages.Single(l => l.LanguageCode == code).DisplayName;
        Assert.Equal(("wolof", "peul", "lingala"), (Name("wo"), Name("ff"), Name("ln")));
    }

    [Fact]
    public async Task ListSkills_ForAFrenchCaller_NamesThemInFrench_WithTheSameCodesAndStreams()
    {
        var english = await _reference.ListSkillsAsync(new ListSkillsRequest { PageSize = 500 });
        var french = await _reference.ListSkillsAsync(new ListSkillsRequest { PageSize = 500 }, French);

        Assert.Equal(english.Skills.Select(s => (s.Name, s.SkillCode, s.Stream, s.Specialist)),
            french.Skills.Select(s => (s.Name, s.SkillCode, s.Stream, s.Specialist)));
        string Name(ListSkillsResponse page, string code) => page.Skills.Single(s => s.SkillCode == code).DisplayName;
        Assert.Equal(("Criminalistique", "Lutte contre les engins explosifs improvisés", "Police de proximité"),
            (Name(french, "forensics"), Name(french, "countering-ieds"), Name(french, "community-oriented-policing")));
        Assert.Equal(("Forensics", "Countering Improvised Explosive Devices"), (Name(english, "forensics"), Name(english, "countering-ieds")));
    }

    [Fact]
    public async Task ListMissions_ForAFrenchCaller_GivesTheOfficialFrenchNames_AndTheSameAcronyms()
    {
        var english = await _reference.ListMissionsAsync(new ListMissionsRequest());
        var french = await _reference.ListMissionsAsync(new ListMissionsRequest(), French);

        Assert.Equal(english.Missions.Select(m => (m.Name, m.Acronym)), french.Missions.Select(m => (m.Name, m.Acronym)));
        Assert.Equal("Mission de l'Organisation des Nations Unies pour la stabilisation en République démocratique du Congo",
            french.Missions.Single(m => m.Acronym == "MONUSCO").DisplayName);
        Assert.Equal("United Nations Organization Stabilization Mission in the Democratic Republic of the Congo",
            english.Missions.Single(m => m.Acronym == "MONUSCO").DisplayName);
    }

    [Fact]
    public async Task SkillsReport_ForAFrenchCaller_LabelsEachLineInFrench_WithTheSameKeysAndFigures()
    {
        await _world.OpenSessionAsync(course =>
        {
            course.Requirements.Languages.Add(new LanguageRequirement
            {
                LanguageCode = "fr", MinimumLevel = CefrLevel.B2, Skills = { LanguageSkill.Listening, LanguageSkill.Speaking },
            });
            course.Requirements.Skills.Add(new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Intermediate });
            course.Requirements.Skills.Add(new SkillRequirement { SkillCode = "countering-ieds" });
        });
        await _world.OfficerAsync(family: "Diop");
        var reports = new ReportService.ReportServiceClient(_world.Service.AsAdmin());

        var english = await reports.GetSkillsReportAsync(new GetSkillsReportRequest());
        var french = await reports.GetSkillsReportAsync(new GetSkillsReportRequest(), French);

        static object Figures(SkillsLine l) => (l.Key, l.Supply, l.Requested, l.SessionSeats);
        Assert.Equal(english.Lines.Select(Figures), french.Lines.Select(Figures));
        string Label(SkillsReport report, string key) => report.Lines.Single(l => l.Key == key).DisplayName;
        Assert.Equal(
            ["arabe B2", "français B2", "français B2 (compréhension orale, expression orale)",
             "Lutte contre les engins explosifs improvisés", "Criminalistique, niveau intermédiaire ou plus"],
            new[] { "language:ar:B2", "language:fr:B2", "language:fr:B2:listening+speaking", "skill:countering-ieds", "skill:forensics:INTERMEDIATE" }
                .Select(key => Label(french, key)));
        Assert.Equal(
            ["Arabic B2", "French B2 (listening, speaking)", "Countering Improvised Explosive Devices", "Forensics, intermediate or above"],
            new[] { "language:ar:B2", "language:fr:B2:listening+speaking", "skill:countering-ieds", "skill:forensics:INTERMEDIATE" }
                .Select(key => Label(english, key)));
    }
}
