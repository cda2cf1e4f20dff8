using System.Diagnostics;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using Training.Tui.Screens.Roster;
using Training.Tui.Tests.Support;
using Xunit.Abstractions;

namespace Training.Tui.Tests.Screens.Roster;

/// <summary>Timing tests run alone, so that other tests drawing in parallel do not take their processor time.</summary>
[CollectionDefinition(nameof(RosterPerformanceTests), DisableParallelization = true)]
public sealed class RosterPerformanceCollection;

[Collection(nameof(RosterPerformanceTests))]
public sealed class RosterPerformanceTests(ITestOutputHelper output)
{
    /// <summary>The issue's bound from keystroke to redrawn list.</summary>
    private static readonly TimeSpan KeystrokeToRedraw = TimeSpan.FromMilliseconds(100);

    /// <summary>Passes every read through to the roster's rows and counts the cells the table asks for.</summary>
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
    public void TenThousandOfficers_FilterAsYouType_RedrawsWithinAHundredMilliseconds_ReadingOnlyVisibleRows()
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

        var timings = new List<double>();
        var reads = new List<int>();
        for (var pass = 0; pass < 3; pass++)
        {
            roster.FilterField.Text = "";
            ui.Pump();
            foreach (var key in "family01234")
            {
                counting.CellReads = 0;
                var clock = Stopwatch.StartNew();
                ui.Press(key);
                clock.Stop();
                if (pass == 0) continue; // the first pass warms the JIT up
                timings.Add(clock.Elapsed.TotalMilliseconds);
                reads.Add(counting.CellReads);
            }
        }
        output.WriteLine($"keystroke + layout + draw over 10,000 officers: {string.Join(", ", timings.Select(t => $"{t:0.0}"))} ms; " +
                         $"cells read per keystroke: {string.Join(", ", reads.Distinct())}");

        Assert.Contains("SN: 1 of 10,000 officers", ui.Screen());
        Assert.Equal("Family01234, Given01234", Assert.Single(roster.Source.ShownRows).Name);
        // A few reads per cell on screen (widths, then drawing), never a pass over the 10,000 rows.
        var cellsOnScreen = roster.Table.Viewport.Height * roster.Source.Columns;
        Assert.All(reads, r => Assert.InRange(r, 0, 4 * cellsOnScreen));
        var sorted = timings.Order().ToList();
        Assert.True(sorted[sorted.Count / 2] < KeystrokeToRedraw.TotalMilliseconds, $"median {sorted[sorted.Count / 2]:0.0} ms");
        Assert.True(sorted[^1] < 2.5 * KeystrokeToRedraw.TotalMilliseconds, $"slowest {sorted[^1]:0.0} ms");
    }
}
