using Terminal.Gui.Input;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;

namespace Training.Tui.Tests.Screens;

/// <summary>The screens a French-speaking focal point opens first, at 80×24: in French, dates the French way, nothing cut.</summary>
public sealed class FrenchScreensTests
{
    [Fact]
    public void Courses_InFrench_SayWhatTheyList_WithFrenchDates()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        var screen = ui.Screen();

        Assert.Contains("(point focal SN) │ Cours", screen);
        ScreenText.AssertWhole(screen, "3 sur 3 séances de formation à venir — Entrée ouvre une séance");
        Assert.Contains("COURS", screen);
        Assert.Contains("févr.", screen);
        Assert.DoesNotContain("upcoming", screen);
    }

    [Fact]
    public void ASession_InFrench_ReadsWhole_ItsSeatsRequirementsAndNominations()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        ui.Press(Key.Enter);
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "enseigné en fr · 30 places · candidatures :");
        ScreenText.AssertWhole(screen, "Conditions :");
        ScreenText.AssertWhole(screen, "Candidatures de SN : aucune pour l'instant. Appuyez sur n pour présenter des candidats. ● en direct");
        Assert.Contains("AGENT", screen);
        Assert.Contains("n présenter", screen);
    }

    [Fact]
    public void Nominate_InFrench_CountsAndChecksInFrench_AndItsKeysAreWhole()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        ui.Press(Key.Enter).Press('n');
        ui.PumpUntil(() => ui.Current.Ready);
        var screen = ui.Screen();

        Assert.Contains("Présenter", screen);
        ScreenText.AssertWhole(screen, "Candidats SN :");
        Assert.Contains("tous vérifiés", ScreenText.Flowing(screen));
        Assert.Contains("POURQUOI PAS", screen);
        Assert.Contains("n ^S soumettre", screen);
    }

    [Fact]
    public void Review_InFrench_SaysTheSeatsAndTheDecisionKeys()
    {
        using var ui = new ScreenHarness(Sample.Client(), Callers.Administrator(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        ui.Press(Key.Enter).Press('r');
        ui.PumpUntil(() => ui.Current.Ready);
        var screen = ui.Screen();

        Assert.Contains("Examen", screen);
        Assert.Contains("c confirmer", screen);
        Assert.Contains("w liste d'attente", screen);
        ScreenText.AssertWhole(screen, "Aucune candidature à cette séance pour l'instant. ● en direct");
        Assert.Contains("F à décider/toutes/confirmées", screen);
        foreach (var english in new[] { "awaiting", "Pending", "nominations", "live", "Vetting", "Eligib" }) Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void Nominations_InFrench_NameTheirColumnsAndCountInFrench()
    {
        using var ui = new ScreenHarness(Sample.Client(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);
        ui.Press('3');
        ui.PumpUntil(() => ui.Current.Ready);
        var screen = ui.Screen();

        Assert.Contains("Candidatures", screen);
        foreach (var header in new[] { "AGENT", "POUR", "ÉTAT" }) Assert.Contains(header, screen);
        Assert.Matches(@"sur \d+ candidatures|Aucune candidature pour l'instant", screen);
        foreach (var english in new[] { "OFFICER", "LAST CHANGE", "nominations", "live", "Loading" }) Assert.DoesNotContain(english, screen);
    }
}
