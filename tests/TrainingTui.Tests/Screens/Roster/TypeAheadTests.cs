using Terminal.Gui.Input;
using Terminal.Gui.Views;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Nominations;
using Training.Tui.Screens.Roster;
using Training.Tui.Tests.Support;

namespace Training.Tui.Tests.Screens.Roster;

/// <summary>Keys typed while a screen loads are kept and acted on once it is ready, in order.</summary>
public sealed class TypeAheadTests
{
    [Fact]
    public void F_PressedWhileTheRosterLoads_OpensTheSearchOnceItIsReady()
    {
        var client = Sample.Client();
        client.HoldAllSearchPages = true;
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);

        ui.Press('2').Press('f');
        Assert.IsType<RosterScreen>(ui.Current);

        while (client.HeldSearchPages > 0)
        {
            client.ReleaseSearchPage();
            ui.Pump();
        }
        ui.PumpUntil(() => ui.Current is RosterFilterScreen);
    }

    [Fact]
    public void KeysTypedAhead_AreActedOnInOrder_AndEscForgetsThem()
    {
        var client = Sample.Client();
        client.HoldAllSearchPages = true;
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);

        ui.Press('2').Press(Key.CursorDown).Press(Key.Enter);
        Assert.IsType<RosterScreen>(ui.Current);
        client.ReleaseSearchPage();
        ui.PumpUntil(() => ui.Current is OfficerFormScreen);
        Assert.Equal("Fall, Moussa", ui.Current.Heading);

        ui.Press(Key.Esc).Press('1').Press('2').Press('a').Press(Key.Esc);
        client.ReleaseSearchPage();
        ui.Pump();
        Assert.IsType<RosterScreen>(ui.Current);
    }

    /// <summary>A terminal under load reads Esc followed at once by a digit as Alt+digit (tmux sent them so).</summary>
    [Fact]
    public void EscThenANumberArrivingAsAltAndTheNumber_SwitchesScreens_EvenFromTheFilterField()
    {
        using var ui = new ScreenHarness(Sample.Client(), Callers.Administrator(), 80, 24);

        ui.Press(Key.D3.WithAlt);
        Assert.IsType<NominationsScreen>(ui.Current);

        ui.Press('1').Press('/').Type("dak");
        Assert.IsType<TextField>(ui.Shell.MostFocused);
        ui.Press(Key.D2.WithAlt);
        Assert.IsType<RosterScreen>(ui.Current);
    }

    [Fact]
    public void EscThenANumber_AsAltAndTheNumber_WhileTheRosterLoads_StillSwitches_AndKeysTypedAfterAreKeptForTheNewScreen()
    {
        var client = Sample.Client();
        client.HoldAllSearchPages = true;
        using var ui = new ScreenHarness(client, Callers.Administrator(), 80, 24);

        ui.Press('2').Press(Key.D1.WithAlt).Press(Key.Enter);

        ui.PumpUntil(() => ui.Current is SessionScreen);
    }
}
