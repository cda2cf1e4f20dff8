using System.Text;
using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Roster;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Roster;

public sealed class ImportExportScreenTests : IDisposable
{
    private const string Roster =
        "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability\r\n" +
        "SN-PN-1,Diop,Awa,female,1984-03-12,2008-10-01,available\r\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("import-export-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static ImportOfficersResponse BadRow(long line, string field, string reason, string id = "") =>
        new() { RowError = new ImportRowError { Line = line, Field = field, Reason = reason, NationalPoliceId = id } };

    private static ImportExportScreen Open(ScreenHarness ui)
    {
        ui.Press('7');
        return Assert.IsType<ImportExportScreen>(ui.Current);
    }

    /// <summary>The import reads the file on the thread pool: pump the UI (bounded) until it has ended.</summary>
    private static void WaitUntilDone(ScreenHarness ui, ImportExportScreen screen)
    {
        for (var i = 0; i < 400 && screen.Running; i++)
        {
            Thread.Sleep(5);
            ui.Pump();
        }
        Assert.False(screen.Running, "the import or export did not end");
        ui.Pump();
    }

    [Fact]
    public void Import_SendsTheFile_ListsTheBadRows_AndEndsWithTheSummary()
    {
        var client = Sample.Client();
        client.ImportEvents.AddRange([
            BadRow(12, "birth_date", "2027-02-30 is not a calendar day", "SN-PN-12"),
            new ImportOfficersResponse { Progress = new ImportProgress { RowsRead = 40, RowsApplied = 39 } },
            BadRow(45, "", "the row has 5 cells; the header names 7"),
        ]);
        client.ImportSummary = new ImportSummary { RowsRead = 50, Created = 45, Updated = 2, Unchanged = 1, Rejected = 2, Applied = true };
        var content = Roster + string.Concat(Enumerable.Range(2, 49).Select(i => $"SN-PN-{i},Fall,Moussa,male,1980-01-01,2005-01-01,available\r\n"));
        var path = WriteFile("roster.csv", content);
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);

        Assert.True(screen.ImportPath.HasFocus);
        ui.Type(path);
        Assert.Contains("→ CSV", ui.Screen());
        ui.Press(Key.Enter);
        WaitUntilDone(ui, screen);

        Assert.Equal(Encoding.UTF8.GetBytes(content), Assert.Single(client.ImportedFiles));
        Assert.Contains("ImportOfficers memberStates/SN Csv BestEffort", client.Calls);
        Assert.Equal(["line 12 · birth_date · 2027-02-30 is not a calendar day (SN-PN-12)", "line 45 · row · the row has 5 cells; the header names 7"],
            screen.BadRowLines);
        var text = ui.Screen();
        Assert.Contains("Bad rows (2)", text);
        Assert.Contains("line 12 · birth_date · 2027-02-30 is not a calendar day", text);
        Assert.Equal("rows read 50 of 50 · applied 48", screen.ProgressMessage);
        Assert.Equal(1f, screen.Progress.Fraction);
        Assert.Contains("! Applied · 50 read · 45 created · 2 updated · 1 unchanged · 2 rejected", text);
        Assert.Contains($"Imported {path} · CSV · best effort", text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Esc_LeavesTheField_SoTheScreenKeysWorkAgain(bool administrator)
    {
        using var ui = new ScreenHarness(Sample.Client(), administrator ? Callers.Administrator() : null);
        var screen = Open(ui);
        ui.Press('?');
        Assert.Equal("?", (screen.RegionField ?? screen.ImportPath).Text);
        Assert.IsType<ImportExportScreen>(ui.Current);

        ui.Press(Key.Esc);
        Assert.IsNotType<Terminal.Gui.Views.TextField>(screen.MostFocused);
        ui.Press('1');

        Assert.IsType<CoursesScreen>(ui.Current);
    }

    [Fact]
    public void Import_AllOrNothing_ChosenWithTheKeyboard_ReportsThatNothingWasApplied()
    {
        var client = Sample.Client();
        client.ImportEvents.Add(BadRow(3, "gender", "\"f\" is not female or male"));
        client.ImportSummary = new ImportSummary { RowsRead = 2, Rejected = 1, Applied = false };
        var path = WriteFile("roster.jsonl", "{\"national_police_id\":\"SN-1\"}\n");
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);

        ui.Type(path).Press(Key.Tab).Press(Key.Tab);
        Assert.True(screen.ModeChoice.HasFocus);
        ui.Press(Key.CursorRight).Press(Key.Space);
        Assert.Equal(1, screen.ModeChoice.Value);
        ui.Press(Key.S.WithCtrl);
        WaitUntilDone(ui, screen);

        Assert.Contains("ImportOfficers memberStates/SN JsonLines AllOrNothing", client.Calls);
        var text = ui.Screen();
        Assert.Contains("✗ Nothing applied (all or nothing): 1 of 2 rows bad; fix them, import again", text);
        Assert.Contains("line 3 · gender · \"f\" is not female or male", text);
    }

    [Fact]
    public void Import_OfAMissingFile_SaysSoBesideTheField_AndSendsNothing()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        var missing = Path.Combine(_folder, "nowhere.csv");

        ui.Type(missing).Press(Key.Enter);

        Assert.False(screen.Running);
        Assert.Equal($"✗ No file at {missing}", screen.ImportMessage);
        Assert.Contains($"✗ No file at {missing}", ui.Screen());
        Assert.Empty(client.ImportedFiles);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("ImportOfficers", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_OfAFileWithoutAKnownExtension_AsksForTheFormat_ThenSendsItAsChosen()
    {
        var client = Sample.Client();
        client.ImportSummary = new ImportSummary { RowsRead = 1, Created = 1, Applied = true };
        var path = WriteFile("roster.txt", Roster);
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);

        ui.Type(path).Press(Key.Enter);
        Assert.Equal("✗ Choose CSV or JSON lines below: the extension does not say which.", screen.ImportMessage);
        Assert.Empty(client.ImportedFiles);

        ui.Press(Key.Tab);
        Assert.True(screen.FormatChoice.HasFocus);
        ui.Press(Key.CursorRight).Press(Key.Space).Press(Key.Enter);
        WaitUntilDone(ui, screen);
        Assert.Contains("ImportOfficers memberStates/SN Csv BestEffort", client.Calls);
        Assert.Contains("✓ Applied", screen.ImportSummary);
    }

    [Fact]
    public void Esc_DuringAnImport_AsksFirst_ThenStopsIt()
    {
        var client = Sample.Client();
        var hold = new TaskCompletionSource();
        client.ImportHeldUntil = hold.Task;
        client.ImportEvents.Add(BadRow(7, "availability", "\"on leave\" is not available, deployed or unavailable"));
        var path = WriteFile("roster.csv", Roster);
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);

        ui.Type(path).Press(Key.Enter);
        ui.PumpUntil(() => screen.BadRowLines.Count == 1);
        Assert.True(screen.Running);
        Assert.True(screen.HasUnsavedChanges);

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press(Key.Esc);
        Assert.True(screen.Running);
        Assert.Same(screen, ui.Current);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Esc);
        WaitUntilDone(ui, screen);
        Assert.Contains("Stop the import: Stop the running import?", ui.Dialogs.Asked[^1]);
        Assert.Equal("! Stopped · 0 rows read · nothing applied", screen.ImportSummary);
        Assert.StartsWith("Stopped ", screen.ImportMessage);
        Assert.Contains("line 7 · availability", ui.Screen());
    }

    [Fact]
    public void Administrator_CannotImport_SeesWhy_AndExportsTheStateTheyName()
    {
        var client = Sample.Client();
        client.Export = (Encoding.UTF8.GetBytes(Roster), 1);
        using var ui = new ScreenHarness(client, Callers.Administrator());
        var screen = Open(ui);
        var text = ui.Screen();

        Assert.Contains("✗ Administrators read every roster but do not write officers.", text);
        Assert.Contains("Import officers: only a focal point or a read-write integration may", text);
        Assert.False(screen.ImportPath.Enabled);
        Assert.True(screen.RegionField!.HasFocus);
        ui.Press(Key.S.WithCtrl);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("ImportOfficers", StringComparison.Ordinal));

        ui.Type("fr");
        Assert.Contains("Export the FR roster to a .csv or .jsonl file", ui.Screen());
        ui.Press(Key.Enter);
        Assert.True(screen.ExportPath.HasFocus);
        var path = Path.Combine(_folder, "fr.csv");
        ui.Type(path).Press(Key.Enter);
        WaitUntilDone(ui, screen);

        Assert.Contains("ExportOfficers memberStates/FR Csv", client.Calls);
        Assert.Equal(Roster, File.ReadAllText(path));
        Assert.Equal($"✓ 1 rows written to {path}", screen.ExportMessage);
        Assert.Equal(["fr.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Export_WithoutAStateCode_AsksForOne()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, Callers.Auditor());
        var screen = Open(ui);

        screen.ExportPath.SetFocus();
        ui.Type(Path.Combine(_folder, "x.csv")).Press(Key.Enter);

        Assert.StartsWith("✗ Type the Member State's two-letter code", screen.ExportMessage);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("ExportOfficers", StringComparison.Ordinal));
    }

    [Fact]
    public void Export_WritesTheFocalPointsRoster_AsJsonLinesByExtension()
    {
        var client = Sample.Client();
        const string content = "{\"national_police_id\":\"SN-PN-1\"}\n";
        client.Export = (Encoding.UTF8.GetBytes(content), 1);
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        var path = Path.Combine(_folder, "sn.jsonl");

        ui.Press(Key.Tab.WithShift);
        Assert.True(screen.ExportPath.HasFocus);
        ui.Type(path).Press(Key.Enter);
        WaitUntilDone(ui, screen);

        Assert.Contains("ExportOfficers memberStates/SN JsonLines", client.Calls);
        Assert.Equal(content, File.ReadAllText(path));
        Assert.Contains($"✓ 1 rows written to {path}", ui.Screen());
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Export_OverAnExistingFile_ReplacesItOnlyWhenConfirmed()
    {
        var client = Sample.Client();
        client.Export = (Encoding.UTF8.GetBytes(Roster), 1);
        var path = WriteFile("sn.csv", "keep me");
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        screen.ExportPath.SetFocus();
        ui.Type(path);

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press(Key.Enter);
        Assert.Equal($"Not written: {path} was kept.", screen.ExportMessage);
        Assert.Equal("keep me", File.ReadAllText(path));
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("ExportOfficers", StringComparison.Ordinal));

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Enter);
        WaitUntilDone(ui, screen);
        Assert.Equal($"Replace the file: {path} exists. Replace it with the SN roster?", ui.Dialogs.Asked[^1]);
        Assert.Equal(Roster, File.ReadAllText(path));
    }

    [Fact]
    public void Export_WithoutAKnownExtension_SaysWhichToUse()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client);
        var screen = Open(ui);
        screen.ExportPath.SetFocus();

        ui.Type(Path.Combine(_folder, "roster.xlsx")).Press(Key.Enter);

        Assert.Equal("✗ Name the file .csv or .jsonl: the extension chooses the format.", screen.ExportMessage);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void ReadOnlyIntegration_CannotImport()
    {
        var client = Sample.Client();
        var integration = new Caller
        {
            AccessToken = "accessTokens/hr", DisplayName = "HR sync", Role = Role.Integration,
            Scope = new IntegrationScope { RegionCodes = { "SN" }, ReadWrite = false },
        };
        using var ui = new ScreenHarness(client, integration);
        var screen = Open(ui);

        Assert.Contains("✗ This integration token only reads officers.", ui.Screen());
        Assert.Null(screen.RegionField);
        Assert.Contains("Export the SN roster", ui.Screen());
    }

    [Fact]
    public void At80By24_TheWholeFormFits()
    {
        var client = Sample.Client();
        using var ui = new ScreenHarness(client, columns: 80, rows: 24);
        Open(ui);
        var text = ui.Screen();

        Assert.Contains("Import officers into the SN roster", text);
        Assert.Contains("by extension", text);
        Assert.Contains("all or nothing", text);
        Assert.Contains("Export the SN roster", text);
    }
}
