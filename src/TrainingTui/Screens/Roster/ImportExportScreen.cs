using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Client;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// Loads a Member State's roster from a CSV or JSON-lines file, and writes it back out (docs/roster-import.md).
/// Import: a path, the format (from the extension unless chosen), the mode (best effort, or all or nothing), then
/// Enter or Ctrl+S. The file is read and streamed off the UI thread; a progress bar shows how much of it has gone
/// and the rows read and applied, the bad rows gather in a scrollable list as the service reports them, and the
/// summary closes the run. Esc stops a running import or export, after asking. Export: a path whose extension picks
/// the format; an existing file is replaced only when confirmed, and only once the whole roster has arrived; being
/// personal data, it is readable by its owner only. Administrators and auditors name the Member State; they may
/// export but not import.
/// </summary>
public sealed class ImportExportScreen : Screen
{
    private const int Caption = 9;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(200);

    private readonly ImportExportAccess _access;
    private readonly CallSlot _run = new();
    private readonly Label _importHeading;
    private readonly Label _importProblem;
    private readonly Label _formatResolved;
    private readonly Label _progressText;
    private readonly Label _summary;
    private readonly Label _badRowsHeading;
    private readonly Label _exportHeading;
    private readonly Label _exportResult;
    private readonly ImportExportBadRows _badRows = new();
    private Operation _running;
    private bool _closed;

    private enum Operation { None, Import, Export }

    public ImportExportScreen(ScreenContext context) : base(context)
    {
        _access = ImportExportAccess.For(context.Caller);
        var y = 0;
        if (_access.ChoosesRegion)
        {
            Add(new Label { X = 0, Y = y, Text = Strings.Get("Roster_MemberState") });
            RegionField = new TextField { X = 13, Y = y, Width = 4, Text = "" };
            RegionField.TextChanged += (_, _) => UpdateHeadings();
            Add(RegionField, new Label { X = 18, Y = y, Width = Dim.Fill(), Text = Strings.Get("Import_RegionHelp") });
            y++;
        }

        _importHeading = new Label { X = 0, Y = y++, Width = Dim.Fill(), Text = "" };
        ImportPath = new TextField { X = Caption, Y = y, Width = Dim.Fill(1), Text = "" };
        ImportPath.TextChanged += (_, _) => ShowResolvedFormat();
        Add(_importHeading, new Label { X = 0, Y = y++, Text = Strings.Get("Import_File") }, ImportPath);
        // The problem and the summary are sentences: they wrap onto the lines below rather than being cut (French runs
        // longer), and what follows them moves down.
        _importProblem = new Label { X = Caption, Y = y, Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = "", HotKeySpecifier = Plain.NoHotKey };
        FormatChoice = new OptionSelector
        {
            X = Caption, Y = Pos.Bottom(_importProblem), Orientation = Orientation.Horizontal, TabBehavior = TabBehavior.NoStop,
            Labels = [Strings.Get("Import_ByExtension"), "CSV", "JSON lines"],
        };
        FormatChoice.ValueChanged += (_, _) => ShowResolvedFormat();
        _formatResolved = new Label { X = Pos.Right(FormatChoice) + 2, Y = Pos.Top(FormatChoice), Width = Dim.Fill(), Text = "" };
        Add(_importProblem, new Label { X = 0, Y = Pos.Top(FormatChoice), Text = Strings.Get("Import_Format") }, FormatChoice, _formatResolved);
        ModeChoice = new OptionSelector
        {
            X = Caption, Y = Pos.Bottom(FormatChoice), Orientation = Orientation.Horizontal, TabBehavior = TabBehavior.NoStop,
            Labels = [Strings.Get("Import_BestEffortChoice"), Strings.Get("Import_AllOrNothing")],
        };
        Add(new Label { X = 0, Y = Pos.Top(ModeChoice), Text = Strings.Get("Import_Mode") }, ModeChoice);
        Progress = new ProgressBar
        {
            X = 0, Y = Pos.Bottom(ModeChoice), Width = 30, Height = 1, Visible = false,
            ProgressBarStyle = ProgressBarStyle.Continuous, ProgressBarFormat = ProgressBarFormat.Simple,
        };
        _progressText = new Label { X = 31, Y = Pos.Top(Progress), Width = Dim.Fill(), Height = 1, Text = "" };
        _summary = new Label { X = 0, Y = Pos.Bottom(Progress), Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = "", HotKeySpecifier = Plain.NoHotKey };
        _badRowsHeading = new Label { X = 0, Y = Pos.Bottom(_summary), Width = Dim.Fill(), Text = "" };
        BadRows = new ListView { X = 2, Y = Pos.Bottom(_badRowsHeading), Width = Dim.Fill(), Height = Dim.Fill(3), KeystrokeNavigator = null, Source = _badRows };
        Add(Progress, _progressText, _summary, _badRowsHeading, BadRows);

        _exportHeading = new Label { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill(), Text = "" };
        ExportPath = new TextField { X = Caption, Y = Pos.AnchorEnd(2), Width = Dim.Fill(1), Text = "" };
        _exportResult = new Label { X = Caption, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1, Text = "", HotKeySpecifier = Plain.NoHotKey };
        Add(_exportHeading, new Label { X = 0, Y = Pos.AnchorEnd(2), Text = Strings.Get("Import_File") }, ExportPath, _exportResult);

        if (!_access.CanImport)
        {
            ImportPath.Enabled = false;
            FormatChoice.Enabled = false;
            ModeChoice.Enabled = false;
            _importProblem.Text = $"✗ {_access.ImportRefusal}";
        }
        UpdateHeadings();
    }

    public TextField? RegionField { get; }
    public TextField ImportPath { get; }
    public OptionSelector FormatChoice { get; }
    public OptionSelector ModeChoice { get; }
    public ProgressBar Progress { get; }
    public ListView BadRows { get; }
    public TextField ExportPath { get; }

    /// <summary>The bad rows reported so far, as listed.</summary>
    public IReadOnlyList<string> BadRowLines => _badRows.Lines;

    /// <summary>The line beside the import's path: a problem with the file, or what is about to be sent.</summary>
    public string ImportMessage => _importProblem.Text;

    public string ProgressMessage => _progressText.Text;

    /// <summary>The import's outcome once it has ended.</summary>
    public string ImportSummary => _summary.Text;

    public string ExportMessage => _exportResult.Text;

    public bool Running => _running != Operation.None;

    public override string Heading => Strings.Get("Screen_ImportExport");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("Enter", "Key_ImportExportFile"),
        Help("Ctrl+S", "Key_StartImport"),
        Help("Tab", "Key_NextField"),
        Help("←→ Space", "Key_ChooseFormat"),
        Help("Esc", "Key_StopOrLeave"),
        Help("↑↓ PgUp PgDn", "Key_ScrollBadRows"),
    ];

    /// <summary>A running import or export counts as unsaved work: leaving the screen or quitting asks first, and stops it.</summary>
    public override bool HasUnsavedChanges => Running;

    public override string UnsavedWork => Strings.Get("Import_StillRunning");

    public override void OnShown()
    {
        if (RegionField is { } region && (region.Text.Length == 0 || !_access.CanImport)) region.SetFocus();
        else if (_access.CanImport) ImportPath.SetFocus();
        else ExportPath.SetFocus();
    }

    public override bool HandleEnterWhileTyping()
    {
        if (ImportPath.HasFocus) _ = ImportAsync();
        else if (ExportPath.HasFocus) _ = ExportAsync();
        else if (_access.CanImport) ImportPath.SetFocus();
        else ExportPath.SetFocus();
        return true;
    }

    public override bool HandleKey(Key key)
    {
        if (key == Key.S.WithCtrl || (key == Key.Enter && (FormatChoice.HasFocus || ModeChoice.HasFocus)))
        {
            _ = ImportAsync();
            return true;
        }
        return false;
    }

    /// <summary>Ctrl+S while a field has the focus: the shell leaves keys to the field, which passes this one up.</summary>
    protected override bool OnKeyDown(Key key)
    {
        if (key != Key.S.WithCtrl) return base.OnKeyDown(key);
        if (ExportPath.HasFocus) _ = ExportAsync();
        else _ = ImportAsync();
        return true;
    }

    public override bool HandleEscape()
    {
        if (!Running) return LeaveField();
        var (title, question) = _running == Operation.Import
            ? (Strings.Get("Import_StopTitle"), Strings.Get("Import_StopQuestion"))
            : (Strings.Get("Export_StopTitle"), Strings.Get("Export_StopQuestion"));
        if (Context.Dialogs.Confirm(title, question, Strings.Get("Import_Stop"))) _run.Cancel();
        return true;
    }

    /// <summary>
    /// This root screen opens in a field, where every key is typed; Esc steps out of it onto the format choice so the
    /// keys of every screen (1–7, q, ?) work again (onto the bad rows when importing is not the caller's to do).
    /// Tab or Enter goes back into a field.
    /// </summary>
    private bool LeaveField()
    {
        if (MostFocused is not TextField) return false;
        var target = new View[] { FormatChoice, BadRows }.FirstOrDefault(v => v.Enabled && v.CanFocus);
        target?.SetFocus();
        return target?.HasFocus == true;
    }

    public override void OnClosed()
    {
        _closed = true;
        _run.Cancel();
    }

    /// <summary>The Member State to import into or export: the caller's own, or the one typed; null (and the reason shown) when none is valid.</summary>
    private string? Region(Label problem)
    {
        if (_access.OwnRegion is { } own) return own;
        if (ImportExportFile.RegionCode(RegionField!.Text) is { } typed) return typed;
        problem.Text = Strings.Get("Import_TypeRegion");
        return null;
    }

    private void UpdateHeadings()
    {
        var region = _access.OwnRegion ?? (RegionField is { } field ? ImportExportFile.RegionCode(field.Text) : null);
        _importHeading.Text = !_access.CanImport ? Strings.Get("Import_HeadingRefused")
            : region is null ? Strings.Get("Import_HeadingAnyState")
            : Strings.Format("Import_Heading", region);
        _exportHeading.Text = region is null ? Strings.Get("Export_HeadingAnyState") : Strings.Format("Export_Heading", region);
    }

    private RosterFileFormat? ChosenFormat(string path) => FormatChoice.Value switch
    {
        1 => RosterFileFormat.Csv,
        2 => RosterFileFormat.JsonLines,
        _ => ImportExportFile.FormatOf(path),
    };

    private void ShowResolvedFormat()
    {
        var typed = ImportPath.Text.Trim();
        _formatResolved.Text = typed.Length == 0 || FormatChoice.Value is 1 or 2 ? ""
            : ImportExportFile.FormatOf(typed) is { } format ? $"→ {ImportExportFile.Name(format)}" : Strings.Get("Import_FormatUnknown");
    }

    private async Task ImportAsync()
    {
        if (_access.ImportRefusal is { } refusal)
        {
            _importProblem.Text = $"✗ {refusal}";
            return;
        }
        if (Running)
        {
            _importProblem.Text = Strings.Get("Import_WaitForRunning");
            return;
        }
        if (Region(_importProblem) is not { } region) return;
        if (ImportExportAccess.OutOfScope(Context.Caller, region) is { } outside)
        {
            _importProblem.Text = $"✗ {outside}";
            return;
        }
        if (ImportPath.Text.Trim().Length == 0)
        {
            _importProblem.Text = Strings.Get("Import_TypePath");
            return;
        }
        var path = ImportExportFile.Resolve(ImportPath.Text);
        if (Directory.Exists(path))
        {
            _importProblem.Text = Strings.Format("Import_IsAFolder", path);
            return;
        }
        if (!File.Exists(path))
        {
            _importProblem.Text = Strings.Format("Import_NoFile", path);
            return;
        }
        if (ChosenFormat(path) is not { } format)
        {
            _importProblem.Text = Strings.Get("Import_ChooseFormat");
            return;
        }
        var mode = ModeChoice.Value == 1 ? ImportMode.AllOrNothing : ImportMode.BestEffort;

        _running = Operation.Import;
        var what = $"{path} · {ImportExportFile.Name(format)} · {(mode == ImportMode.AllOrNothing ? Strings.Get("Import_AllOrNothing") : Strings.Get("Import_BestEffort"))}";
        _importProblem.Text = Strings.Format("Import_Importing", what);
        _summary.Text = "";
        _badRows.Clear();
        _badRowsHeading.Text = "";
        Progress.Fraction = 0;
        Progress.Visible = true;
        var run = new ImportRun { HeaderLines = format == RosterFileFormat.Csv ? 1 : 0 };
        ShowProgress(run);
        var ticker = Context.App.AddTimeout(ProgressEvery, () =>
        {
            if (_closed || _running != Operation.Import) return false;
            ShowProgress(run);
            return true;
        });
        var feed = new ImportExportFeed<ImportOfficersResponse>(Context.App, batch => Apply(run, batch));
        var parent = $"memberStates/{region}";
        try
        {
            await Context.Load(_run,
                ct => Task.Run(() => Import(path, parent, format, mode, run, feed.Post, ct), ct),
                outcome =>
                {
                    feed.Drain();
                    if (outcome.Problem is { } problem) _importProblem.Text = $"✗ {problem}";
                    else
                    {
                        _importProblem.Text = Strings.Format("Import_Imported", what);
                        Finish(run, outcome.Summary!, mode);
                    }
                },
                error =>
                {
                    feed.Drain();
                    Failed(run, error);
                });
        }
        finally
        {
            if (ticker is not null) Context.App.RemoveTimeout(ticker);
            _running = Operation.None;
        }
        if (_run.Token.IsCancellationRequested && !_closed)
        {
            _importProblem.Text = Strings.Format("Import_Stopped", what);
            Stopped(run, mode);
        }
    }

    /// <summary>Off the UI thread: opens the file and streams it. A file that cannot be opened is a problem to show, not a failure.</summary>
    private async Task<ImportOutcome> Import(string path, string parent, RosterFileFormat format, ImportMode mode, ImportRun run,
        Action<ImportOfficersResponse> onEvent, CancellationToken cancellationToken)
    {
        FileStream opened;
        try
        {
            opened = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportOutcome(null, Strings.Format("Import_CannotRead", path, e.Message));
        }
        await using var file = new ImportExportCountingStream(opened);
        run.Length = opened.Length;
        run.File = file;
        var summary = await Context.Client.ImportOfficersAsync(parent, format, mode, file, onEvent, cancellationToken).ConfigureAwait(false);
        return new ImportOutcome(summary, null);
    }

    private void Apply(ImportRun run, IReadOnlyList<ImportOfficersResponse> batch)
    {
        if (_closed) return;
        foreach (var message in batch.Where(m => m.EventCase == ImportOfficersResponse.EventOneofCase.Progress))
        {
            run.RowsRead = message.Progress.RowsRead;
            run.RowsApplied = message.Progress.RowsApplied;
        }
        _badRows.Add(batch.Where(m => m.EventCase == ImportOfficersResponse.EventOneofCase.RowError).Select(m => m.RowError));
        ShowBadRowsHeading();
        ShowProgress(run);
    }

    private void ShowBadRowsHeading() =>
        _badRowsHeading.Text = _badRows.Count == 0 ? "" : Strings.Format("Import_BadRowsHeading", Figure(_badRows.Count));

    /// <summary>
    /// The bar compares the rows the service has read with the rows in the file (the upload usually runs ahead of the
    /// service, so the bytes sent would say "done" too early); while the file is still going out, the text says how much.
    /// </summary>
    private void ShowProgress(ImportRun run)
    {
        if (_closed) return;
        var sent = run.File?.BytesRead ?? 0;
        var rows = Math.Max(0, (run.File?.EstimatedLines ?? 0) - run.HeaderLines);
        if (rows > 0) Progress.Fraction = (float)Math.Min(1.0, (double)run.RowsRead / rows);
        _progressText.Text = sent < run.Length
            ? Strings.Format("Import_ProgressSending", Figure(run.RowsRead), Figure(run.RowsApplied), Format.Percent((double)sent / run.Length))
            : rows > 0
                ? Strings.Format("Import_ProgressOf", Figure(run.RowsRead), Figure(rows), Figure(run.RowsApplied))
                : Strings.Format("Import_Progress", Figure(run.RowsRead), Figure(run.RowsApplied));
    }

    private void Finish(ImportRun run, ImportSummary summary, ImportMode mode)
    {
        run.RowsRead = summary.RowsRead;
        run.RowsApplied = summary.Created + summary.Updated + summary.Unchanged;
        ShowProgress(run);
        Progress.Fraction = 1;
        var counts = Strings.Format("Import_Counts",
            Figure(summary.RowsRead), Figure(summary.Created), Figure(summary.Updated), Figure(summary.Unchanged), Figure(summary.Rejected));
        if (!summary.Applied)
        {
            _summary.Text = mode == ImportMode.AllOrNothing
                ? Strings.Format("Import_NothingAppliedAllOrNothing", Figure(summary.Rejected), Figure(summary.RowsRead))
                : Strings.Format("Import_NothingApplied", Figure(summary.Rejected), Figure(summary.RowsRead));
            if (!Context.Theme.Monochrome) _summary.SetScheme(Context.Theme.Bad);
        }
        else if (summary.Rejected > 0)
        {
            _summary.Text = Strings.Format("Import_AppliedSome", counts);
            if (!Context.Theme.Monochrome) _summary.SetScheme(Context.Theme.Warning);
        }
        else
        {
            _summary.Text = Strings.Format("Import_AppliedAll", counts);
            if (!Context.Theme.Monochrome) _summary.SetScheme(Context.Theme.Good);
        }
        ShowBadRowsHeading();
    }

    private void Failed(ImportRun run, ClientError error)
    {
        ShowProgress(run);
        if (_run.Token.IsCancellationRequested) return;
        _summary.Text = Strings.Format("Import_Failed", error.Message) +
                        (run.RowsApplied > 0 ? Strings.Format("Import_FailedRowsStay", Figure(run.RowsApplied)) : "") +
                        // A dropped link: the rows the service got before it may be applied. Officers are matched by
                        // police ID, so running the file again updates them instead of adding them twice.
                        (error.ServerUnreachable ? Strings.Get("Import_AgainIsSafe") : "");
        if (!Context.Theme.Monochrome) _summary.SetScheme(Context.Theme.Bad);
    }

    private void Stopped(ImportRun run, ImportMode mode)
    {
        ShowProgress(run);
        _summary.Text = mode == ImportMode.AllOrNothing || run.RowsApplied == 0
            ? Strings.Format("Import_StoppedNothingApplied", Figure(run.RowsRead))
            : Strings.Format("Import_StoppedSomeApplied", Figure(run.RowsRead), Figure(run.RowsApplied));
        if (!Context.Theme.Monochrome) _summary.SetScheme(Context.Theme.Warning);
    }

    private async Task ExportAsync()
    {
        if (Running)
        {
            _exportResult.Text = Strings.Get("Import_WaitForRunning");
            return;
        }
        if (Region(_exportResult) is not { } region) return;
        if (ExportPath.Text.Trim().Length == 0)
        {
            _exportResult.Text = Strings.Get("Export_TypePath");
            return;
        }
        var path = ImportExportFile.Resolve(ExportPath.Text);
        if (ImportExportFile.FormatOf(path) is not { } format)
        {
            _exportResult.Text = Strings.Get("Export_NameTheFormat");
            return;
        }
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            _exportResult.Text = Strings.Format("Export_NoFolder", folder);
            return;
        }
        if (Directory.Exists(path))
        {
            _exportResult.Text = Strings.Format("Export_IsAFolder", path);
            return;
        }
        if (File.Exists(path) && !Context.Dialogs.Confirm(Strings.Get("Export_ReplaceTitle"), Strings.Format("Export_ReplaceQuestion", path, region), Strings.Get("Export_Replace")))
        {
            _exportResult.Text = Strings.Format("Export_Kept", path);
            return;
        }

        _running = Operation.Export;
        _exportResult.Text = Strings.Format("Export_Exporting", region, path);
        var rows = new ImportExportFeed<long>(Context.App, batch =>
        {
            if (!_closed && _running == Operation.Export) _exportResult.Text = Strings.Format("Export_RowsWritten", Figure(batch[^1]));
        });
        try
        {
            await Context.Load(_run,
                ct => Task.Run(() => Export(path, $"memberStates/{region}", format, rows.Post, ct), ct),
                outcome =>
                {
                    rows.Drain();
                    _exportResult.Text = outcome.Problem is { } problem
                        ? $"✗ {problem}"
                        : Strings.Format("Export_Written", Figure(outcome.Rows), path);
                },
                error => _exportResult.Text = _run.Token.IsCancellationRequested ? "" : Strings.Format("Export_NotWritten", error.Message));
        }
        finally
        {
            _running = Operation.None;
        }
        if (_run.Token.IsCancellationRequested && !_closed) _exportResult.Text = Strings.Format("Export_Stopped", path);
    }

    /// <summary>
    /// Off the UI thread: writes the roster beside the destination and moves it into place once complete, so a failed
    /// or stopped export never leaves half a file, nor destroys the one it was to replace.
    /// </summary>
    private async Task<ExportOutcome> Export(string path, string parent, RosterFileFormat format, Action<long> onRows, CancellationToken cancellationToken)
    {
        var partial = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.part");
        FileStream file;
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 64 * 1024,
                Options = FileOptions.Asynchronous,
            };
            // A roster is personal data: readable by its owner only, wherever it is written.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            file = new FileStream(partial, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExportOutcome(0, Strings.Format("Export_CannotWrite", Path.GetDirectoryName(path), e.Message));
        }
        try
        {
            long rows;
            await using (file)
            {
                rows = await Context.Client.ExportOfficersAsync(parent, format, file, onRows, cancellationToken).ConfigureAwait(false);
            }
            File.Move(partial, path, overwrite: true);
            return new ExportOutcome(rows, null);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    private static string Figure(long value) => value.ToString("N0", UiLanguage.Formatting);

    /// <summary>How far one import has got; written by the import's thread, read on the UI thread.</summary>
    private sealed class ImportRun
    {
        public long Length { get; set; }
        public ImportExportCountingStream? File { get; set; }

        /// <summary>1 for CSV (its header row is not an officer), 0 for JSON lines.</summary>
        public int HeaderLines { get; init; }
        public long RowsRead { get; set; }
        public long RowsApplied { get; set; }
    }

    private sealed record ImportOutcome(ImportSummary? Summary, string? Problem);

    private sealed record ExportOutcome(long Rows, string? Problem);
}
