using Terminal.Gui.Views;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Xunit.Abstractions;

namespace Training.Tui.Tests.Screens.Roster;

/// <summary>
/// The work a keystroke costs on a long roster, counted rather than timed: a count does not change when the machine is
/// busy, a stopwatch does (two failures of a 100 ms bound here came from load, not from the client). The time from
/// keystroke to redrawn list is measured by the benchmark (docs/benchmarks.md, the tui scenario).
/// </summary>
public sealed class RosterPerformanceTests(ITestOutputHelper output)
{
    /// <summary>Passes every read through to the roster's rows and counts the cells read, for drawing and for sizing columns.</summary>
    private sealed class CountingSource(ITableSource inner) : ITableSource
    {
        public int CellReads { get; set; }
        public int Rows => inner.Rows;
        public int Columns => inner.Columns;
        public string[] ColumnNames => inner.ColumnNames;

        public object this[int row, int col]
        {
            get
            {
                CellReads++;
                return inner[row, col];
            }
        }
    }

    [Fact]
    public void TenThousandOfficers_FilterAsYouType_ReadsTheCellsOfAScreenfulPerKeystroke_NeverTheWholeRoster()
    {
        var client = RosterScreenTests.ClientWithOfficers(10_000);
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        ui.Press('2');
        var roster = Assert.IsType<RosterScreen>(ui.Current);
        Assert.True(roster.Complete);
        Assert.Contains("SN: 10,000 officers", ui.Screen());
        // A screenful first, then pages of 500.
        Assert.Equal(1 + (10_000 - RosterScreen.FirstPageSize + RosterScreen.PageSize - 1) / RosterScreen.PageSize, client.SearchRequests.Count);

        var counting = new CountingSource(roster.Source);
        roster.Table.Table = counting;
        ui.Press('/');
        Assert.True(roster.FilterField.HasFocus);

        var reads = new List<int>();
        foreach (var key in "family01234")
        {
            counting.CellReads = 0;
            ui.Press(key);
            reads.Add(counting.CellReads);
        }
        output.WriteLine($"cells read per keystroke over 10,000 officers: {string.Join(", ", reads)}");

        Assert.Contains("SN: 1 of 10,000 officers", ui.Screen());
        Assert.Equal("Family01234, Given01234", Assert.Single(roster.Source.ShownRows).Name);
        // Sizing the columns reads a sample of rows and those on screen; drawing reads what is on screen, a few times at
        // most. One pass over the roster would be 10,000 rows × 8 columns.
        var columns = roster.Source.Columns;
        var sized = (TableScreen<OfficerRow>.SizingSample + roster.Table.Viewport.Height) * columns;
        var drawn = 4 * roster.Table.Viewport.Height * columns;
        Assert.All(reads, r => Assert.InRange(r, 1, sized + drawn));
        Assert.True(sized + drawn < roster.Source.TotalRows / 4);
    }
}
