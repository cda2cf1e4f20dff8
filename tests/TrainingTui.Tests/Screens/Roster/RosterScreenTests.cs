using System.Globalization;
using Terminal.Gui.Input;
using Training.Tui.Screens.Roster;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Roster;

public sealed class RosterScreenTests
{
    private static RosterScreen OpenRoster(ScreenHarness ui)
    {
        ui.Press('2');
        return Assert.IsType<RosterScreen>(ui.Current);
    }

    /// <summary>A Member State with <paramref name="count"/> officers named in roster order.</summary>
    internal static FakeTrainingClient ClientWithOfficers(int count, string region = "SN")
    {
        var client = Sample.Client();
        client.Officers.Clear();
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("D5", CultureInfo.InvariantCulture);
            client.Officers.Add(Sample.Officer(region, $"o{n}", $"Family{n}", $"Given{n}", i % 3 == 0 ? Gender.Female : Gender.Male));
        }
        return client;
    }

    [Fact]
    public void Roster_ListsTheFocalPointsOwnMemberStateOnly()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);

        var screen = ui.Screen();
        Assert.Contains("SN: 5 officers", screen);
        Assert.Contains("Diop, Awa", screen);
        Assert.Contains("Sène, Ibrahima", screen);
        Assert.DoesNotContain("Martin", screen);
        Assert.Equal(["SN"], client.SearchRequests.Last().RegionCodes);
        Assert.Equal(RosterScreen.FirstPageSize, client.SearchRequests.Last().PageSize);
    }

    [Fact]
    public void Roster_ShowsGenderAgeServiceLanguagesSkillsAndAvailability_At80By24()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24);
        OpenRoster(ui);

        var screen = ui.Screen();
        foreach (var header in new[] { "NAME", "G", "AGE", "SERVICE", "AVAILABILITY", "LANGUAGES", "SKILLS" }) Assert.Contains(header, screen);
        var diop = screen.Split('\n').Single(l => l.Contains("Diop, Awa"));
        Assert.Matches(@"Diop, Awa\s+F\s+41\s+17\s+available\s+fr B2\s+forensics", diop);
        Assert.Contains("Enter e edit  a add  d Del delete  f find by skill, language…", screen);
    }

    [Fact]
    public void Slash_FiltersTheLoadedRowsByNameIgnoringAccentsAndCase()
    {
        using var ui = new ScreenHarness(Sample.Client());
        var roster = OpenRoster(ui);
        var searches = ui.Client.SearchRequests.Count;

        ui.Press('/').Type("sene");
        var screen = ui.Screen();
        Assert.Contains("SN: 1 of 5 officers", screen);
        Assert.Contains("Sène, Ibrahima", screen);
        Assert.DoesNotContain("Diop", screen);

        roster.FilterField.Text = "";
        ui.Type("IBRA SÉ");
        Assert.Equal("Sène, Ibrahima", Assert.Single(roster.Source.ShownRows).Name);
        roster.FilterField.Text = "";
        ui.Type("Sène, Ibrahima");
        Assert.Equal("Sène, Ibrahima", Assert.Single(roster.Source.ShownRows).Name);
        Assert.Equal(searches, ui.Client.SearchRequests.Count);
    }

    [Fact]
    public void Slash_AlsoFindsAnOfficerByNationalPoliceId()
    {
        using var ui = new ScreenHarness(Sample.Client());
        var roster = OpenRoster(ui);

        ui.Press('/').Type("sn-fat");
        Assert.Equal("Ndiaye, Fatou", Assert.Single(roster.Source.ShownRows).Name);
        ui.Press(Key.Esc);
        Assert.Contains("SN: 5 officers", ui.Screen());
    }

    [Fact]
    public void S_SortsBySingleValuedColumnsWithAVisibleIndicator()
    {
        using var ui = new ScreenHarness(Sample.Client());
        var roster = OpenRoster(ui);

        ui.Press('s');
        Assert.Contains("NAME ▲", ui.Screen());
        ui.Press('S');
        Assert.Contains("NAME ▼", ui.Screen());
        Assert.Equal("Sow, Aminata", roster.Source.RowAt(0).Name);
        ui.Press('s');
        Assert.Contains("G ▲", ui.Screen());
        Assert.Equal(Gender.Female, roster.Source.RowAt(0).Officer.Gender);
        ui.Press('S');
        Assert.Equal(Gender.Male, roster.Source.RowAt(0).Officer.Gender);
    }

    [Fact]
    public void F_FiltersOnTheServiceBySkillLanguageGenderAndAvailability_AndCClearsThem()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);

        ui.Press('f');
        Assert.IsType<RosterFilterScreen>(ui.Current);
        ui.Type("forensics advanced").Press(Key.Tab).Type("fr B2").Press(Key.Tab).Type("F").Press(Key.Tab).Type("available").Press(Key.Enter);

        Assert.IsType<RosterScreen>(ui.Current);
        var request = client.SearchRequests.Last();
        Assert.Equal(["SN"], request.RegionCodes);
        var skill = Assert.Single(request.Skills);
        Assert.Equal(("forensics", SkillLevel.Advanced), (skill.SkillCode, skill.MinimumLevel));
        var language = Assert.Single(request.Languages);
        Assert.Equal(("fr", CefrLevel.B2), (language.LanguageCode, language.MinimumLevel));
        Assert.Equal(Gender.Female, request.Gender);
        Assert.Equal(Availability.Available, request.Availability);
        var screen = ui.Screen();
        Assert.Contains("SN: 3 officers — only forensics ≥ advanced · fr ≥ B2 · women · available (c clears)", screen);
        Assert.DoesNotContain("Fall, Moussa", screen);

        ui.Press('c');
        var cleared = client.SearchRequests.Last();
        Assert.Empty(cleared.Skills);
        Assert.Empty(cleared.Languages);
        Assert.Equal(Gender.Unspecified, cleared.Gender);
        Assert.Contains("SN: 5 officers", ui.Screen());
    }

    [Fact]
    public void FilterForm_ShowsAProblemBesideTheField_AndDoesNotApplyIt()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);
        var searches = client.SearchRequests.Count;

        ui.Press('f').Type("forensic").Press(Key.Tab).Type("fr Z9");
        var screen = ui.Screen();
        Assert.Contains("✗ “forensic” unknown; forensics?", screen);
        Assert.Contains("✗ fr: “Z9” is not A1–C2", screen);

        ui.Press(Key.Enter);
        Assert.IsType<RosterFilterScreen>(ui.Current);
        Assert.Equal(searches, client.SearchRequests.Count);
        ui.Press(Key.Esc);
        Assert.IsType<RosterScreen>(ui.Current);
        Assert.Equal(searches, client.SearchRequests.Count);
    }

    [Fact]
    public void G_And_V_CycleGenderAndAvailabilityOnTheService()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);

        ui.Press('g');
        Assert.Equal(Gender.Female, client.SearchRequests.Last().Gender);
        Assert.Contains("SN: 3 officers — only women (c clears)", ui.Screen());
        ui.Press('g');
        Assert.Equal(Gender.Male, client.SearchRequests.Last().Gender);
        ui.Press('g');
        Assert.Equal(Gender.Unspecified, client.SearchRequests.Last().Gender);

        ui.Press('v');
        Assert.Equal(Availability.Available, client.SearchRequests.Last().Availability);
        ui.Press('v');
        Assert.Equal(Availability.Deployed, client.SearchRequests.Last().Availability);
        Assert.Contains("SN: no officer matches — only deployed (c clears)", ui.Screen());
    }

    [Fact]
    public void Paging_ShowsAScreenfulAtOnce_AppendsTheRestInLargePages_AndKeepsTheSelection()
    {
        var client = ClientWithOfficers(1_200);
        client.HoldLaterSearchPages = true;
        using var ui = new ScreenHarness(client);
        var roster = OpenRoster(ui);

        Assert.Contains("SN: 50 officers loaded, more coming…", ui.Screen());
        Assert.False(roster.Complete);
        ui.Press('s').Press('S');
        ui.Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.CursorDown);
        var selected = roster.Selected!.Key;
        Assert.Equal("memberStates/SN/officers/o00046", selected);

        client.ReleaseSearchPage();
        ui.Pump();
        Assert.Contains("SN: 550 officers loaded, more coming…", ui.Screen());
        Assert.Equal(selected, roster.Selected!.Key);
        Assert.Equal(503, roster.Table.Value!.SelectedCell.Y);

        client.ReleaseSearchPage();
        ui.Pump();
        client.ReleaseSearchPage();
        ui.Pump();
        Assert.Contains("SN: 1,200 officers", ui.Screen());
        Assert.True(roster.Complete);
        Assert.Equal(selected, roster.Selected!.Key);
        Assert.Equal(["", "50", "550", "1050"], client.SearchRequests.Select(r => r.PageToken));
        Assert.Equal([RosterScreen.FirstPageSize, RosterScreen.PageSize, RosterScreen.PageSize, RosterScreen.PageSize],
            client.SearchRequests.Select(r => r.PageSize));
    }

    [Fact]
    public void F5_ReadsTheRosterAgainWithoutLosingTheSelection()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var roster = OpenRoster(ui);
        ui.Press(Key.CursorDown).Press(Key.CursorDown);
        Assert.Equal("Ndiaye, Fatou", roster.Selected!.Name);

        client.Officers.Insert(0, Sample.Officer("SN", "binta", "Ba", "Binta"));
        ui.Press(Key.F5);

        Assert.Contains("SN: 6 officers", ui.Screen());
        Assert.Equal("Ndiaye, Fatou", roster.Selected!.Name);
    }

    [Fact]
    public void D_AsksFirst_AndWhenTheAnswerIsNoNothingIsDeleted()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);
        ui.Dialogs.Confirmations.Enqueue(false);

        ui.Press('d');

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith("Delete officer: Delete Diop, Awa (police ID SN-awa) from the SN roster?", StringComparison.Ordinal));
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("DeleteOfficer", StringComparison.Ordinal));
        Assert.Contains("SN: 5 officers", ui.Screen());
        Assert.Equal(6, client.Officers.Count);
    }

    [Fact]
    public void Delete_Confirmed_RemovesTheOfficerAndSelectsTheNext()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var roster = OpenRoster(ui);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press(Key.Delete);

        Assert.Contains("DeleteOfficer memberStates/SN/officers/awa", client.Calls);
        var screen = ui.Screen();
        Assert.Contains("SN: 4 officers", screen);
        Assert.Contains("✓ Deleted Diop, Awa.", screen);
        Assert.DoesNotContain("Diop, Awa ", screen);
        Assert.Equal("Fall, Moussa", roster.Selected!.Name);
    }

    [Fact]
    public void Delete_OfAnOfficerWithLiveNominations_ShowsTheServersReasonAndKeepsTheRow()
    {
        var client = Sample.Client();
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], client.Sessions[1], Nomination.Types.State.Submitted));
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('d');

        var screen = ui.Screen();
        Assert.Contains("✗ Diop, Awa was not deleted: This officer has 1 live nomination(s); withdraw them before deleting the officer.", ui.Shell.Message);
        Assert.Contains("SN: 5 officers", screen);
        Assert.Contains("Diop, Awa", screen);
    }

    [Fact]
    public void Delete_OfAnOfficerWithNominationHistory_KeepsTheRecordAnonymised()
    {
        var client = Sample.Client();
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], client.Sessions[1], Nomination.Types.State.Withdrawn));
        using var ui = new ScreenHarness(client);
        OpenRoster(ui);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('d');

        var screen = ui.Screen();
        Assert.Contains("(anonymised)", screen);
        Assert.Contains("nomination history: the record was anonymised and kept for the figures", screen);
        Assert.Contains("SN: 5 officers", screen);
    }

    [Fact]
    public void Administrator_ReadsTheFirstStateWithOfficers_PicksAnotherWithM_AndCannotChangeOfficers()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var roster = OpenRoster(ui);

        Assert.Equal(1, client.SearchRequests[0].PageSize);
        Assert.Empty(client.SearchRequests[0].RegionCodes);
        Assert.Contains("SN: 5 officers", ui.Screen());
        Assert.Contains("Enter full record  f find", ui.Screen());

        ui.Press('m');
        var filters = Assert.IsType<RosterFilterScreen>(ui.Current);
        filters.Row(RosterFilterScreen.MemberState).Input.Text = "";
        ui.Type("fr").Press(Key.Enter);
        Assert.Contains("FR: 1 officer", ui.Screen());
        Assert.Equal(["FR"], client.SearchRequests.Last().RegionCodes);

        ui.Press('a').Press('d');
        Assert.Same(roster, ui.Current);
        Assert.Empty(ui.Dialogs.Asked);
        ui.Press(Key.Enter);
        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Martin, Claire", title);
        Assert.Contains("Languages R/L/W/S: fr C1/C1/B2/C1", text);
    }

    [Fact]
    public void Integration_SeesItsScope_AndWritesOnlyWhenItsTokenIsReadWrite()
    {
        var readOnly = new Caller
        {
            AccessToken = "accessTokens/hr", DisplayName = "National HR sync", Role = Role.Integration,
            Scope = new IntegrationScope { RegionCodes = { "FR" } },
        };
        using (var ui = new ScreenHarness(Sample.Client(), readOnly))
        {
            var roster = OpenRoster(ui);
            Assert.Contains("FR: 1 officer", ui.Screen());
            ui.Press('a').Press('m');
            Assert.Same(roster, ui.Current);
        }

        var readWrite = readOnly.Clone();
        readWrite.Scope = new IntegrationScope { RegionCodes = { "FR", "SN" }, ReadWrite = true };
        using (var ui = new ScreenHarness(Sample.Client(), readWrite))
        {
            OpenRoster(ui);
            ui.Press('m');
            var filters = Assert.IsType<RosterFilterScreen>(ui.Current);
            filters.Row(RosterFilterScreen.MemberState).Input.Text = "SN";
            ui.Press(Key.Enter).Press('a');
            Assert.IsType<OfficerFormScreen>(ui.Current);
        }
    }

    [Fact]
    public void QuestionMark_ListsTheRosterKeys()
    {
        using var ui = new ScreenHarness(Sample.Client());
        OpenRoster(ui);
        ui.Press('?');
        var (_, text) = Assert.Single(ui.Dialogs.Shown);
        foreach (var key in new[] { "a          add", "d Del      delete", "f          find by skill, language…", "g          women/men", "c          clear", "/          filter in place" })
            Assert.Contains(key, text);
    }

    [Fact]
    public void ServerAway_WhileLoading_SaysSo_AndTheRosterLoadsWhenItReturns()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        client.Unreachable = true;
        OpenRoster(ui);
        var offline = ui.Screen();
        Assert.Contains("OFFLINE", offline);
        Assert.Contains("SN: nothing loaded · loading stopped; F5 retries", offline);
        Assert.Contains("The training service cannot be reached.", offline);

        client.Unreachable = false;
        ui.Advance(TimeSpan.FromSeconds(4));
        var back = ui.Screen();
        Assert.Contains("Connected again.", back);
        Assert.Contains("SN: 5 officers", back);
    }
}
