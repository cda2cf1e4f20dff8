using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// A screen built around one table: a one-line summary, a filter line that opens with '/', the table and
/// sorting by any single-valued column ('s' next column, 'S' reverse). Reloads keep the selected row.
/// </summary>
public abstract class TableScreen<T> : Screen
{
    private readonly Label _summary;
    private readonly int _detailsHeight;
    private (int Width, string Details, string Summary) _fitted;

    /// <param name="detailsHeight">
    /// Lines kept above the table for <see cref="Details"/> (0: none). The details grow past that when their text
    /// wraps on a narrow terminal: every line stays on screen (the seats of a session, an officer's vetting).
    /// </param>
    protected TableScreen(ScreenContext context, IReadOnlyList<Column<T>> columns, Func<T, string> key, int detailsHeight = 0) : base(context)
    {
        Source = new RowsSource<T>(columns, key);
        _detailsHeight = detailsHeight;
        Details = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = detailsHeight, Text = "", Visible = detailsHeight > 0, HotKeySpecifier = Plain.NoHotKey,
        };
        _summary = new Label { X = 0, Y = Pos.Bottom(Details), Width = Dim.Fill(), Height = 1, Text = "", HotKeySpecifier = Plain.NoHotKey };
        Details.TextChanged += (_, _) => FitText();
        _summary.TextChanged += (_, _) => FitText();
        FrameChanged += (_, _) => FitText();
        FilterField = new TextField { X = 9, Y = Pos.Bottom(_summary), Width = Dim.Fill(), Visible = false };
        FilterLabel = new Label { X = 0, Y = Pos.Bottom(_summary), Text = Strings.Get("Table_Filter"), Visible = false };
        FilterField.TextChanged += (_, _) => ApplyFilter();
        Table = new TableView
        {
            X = 0,
            Y = Pos.Bottom(_summary),
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            MultiSelect = false,
            CollectionNavigator = null,
            Table = Source,
        };
        Table.Style.AlwaysShowHeaders = true;
        Table.Style.ShowHorizontalHeaderOverline = false;
        Table.Style.ShowVerticalCellLines = false;
        Table.Style.ShowVerticalHeaderLines = false;
        for (var i = 0; i < columns.Count; i++) Table.Style.GetOrCreateColumnStyle(i).MaxWidth = columns[i].MaxWidth;
        // A row is the thing selected here, so Home and End go to the first and last row (as Terminal.Gui's own examples
        // bind them), not to the first and last column of the row.
        Table.KeyBindings.ReplaceCommands(Key.Home, Command.Start);
        Table.KeyBindings.ReplaceCommands(Key.End, Command.End);
        Table.FrameChanged += (_, _) => FitColumns();
        Table.Accepting += (_, e) =>
        {
            e.Handled = true;
            if (Selected is { } row) Open(row);
        };
        Add(Details, _summary, FilterLabel, FilterField, Table);
        WaitForFirstLoad();
    }

    /// <summary>
    /// The details and the summary take the lines their text needs at the screen's width, computed here rather than by
    /// Dim.Auto, which kept the taller height of a narrower terminal after it grew (two blank lines above the table).
    /// </summary>
    private void FitText()
    {
        var width = Frame.Width;
        if (width <= 0 || _fitted == (width, Details.Text, _summary.Text)) return;
        _fitted = (width, Details.Text, _summary.Text);
        if (_detailsHeight > 0) Details.Height = Math.Max(_detailsHeight, Wrapping.Lines(Details.Text, width));
        _summary.Height = Wrapping.Lines(_summary.Text, width);
    }

    /// <summary>Free text above the table (a session's details, say).</summary>
    protected Label Details { get; }

    public RowsSource<T> Source { get; }
    public TableView Table { get; }
    public TextField FilterField { get; }
    protected Label FilterLabel { get; }

    public T? Selected => Table.Value is { } v && v.SelectedCell.Y >= 0 && v.SelectedCell.Y < Source.Rows ? Source.RowAt(v.SelectedCell.Y) : default;

    protected string Summary
    {
        get => _summary.Text;
        set => _summary.Text = value;
    }

    /// <summary>Whether a row matches the filter text (already folded to lower case, accents removed).</summary>
    protected abstract bool Matches(T row, string foldedFilter);

    /// <summary>Enter on a row.</summary>
    protected virtual void Open(T row) { }

    /// <summary>Keys of the table screen itself, to append to a screen's own.</summary>
    protected static IEnumerable<KeyHelp> TableKeys =>
    [
        Help("/", "Key_Filter"),
        Help("s / S", "Key_Sort"),
        HelpOnly("↑↓ PgUp PgDn", "Key_Move"),
        HelpOnly("Home End", "Key_FirstLastRow"),
    ];

    /// <summary>Replaces the rows, keeping the selected row (by key) where it still exists.</summary>
    protected void ShowRows(IReadOnlyList<T> rows)
    {
        var selectedKey = Selected is { } row ? Source.Key(row) : null;
        Source.SetRows(rows);
        Reselect(selectedKey);
        // After the rows are in: keys typed ahead (↓, Enter) act on them.
        MarkReady();
    }

    /// <summary>Updates or adds one row in place, keeping the selection.</summary>
    protected void ShowRow(T row)
    {
        var selectedKey = Selected is { } current ? Source.Key(current) : null;
        Source.Upsert(row);
        Reselect(selectedKey);
    }

    /// <summary>Selects the row with <paramref name="key"/> (a record just added, say) and scrolls to it.</summary>
    protected void SelectKey(string key)
    {
        Reselect(key);
        Table.EnsureCursorIsVisible();
    }

    /// <summary>
    /// Rows sampled to size the columns besides those on screen: sizing reads at most this many rows' cells more than
    /// drawing does, however long the list (ten thousand officers filter as quickly as fifty).
    /// </summary>
    public const int SizingSample = 50;

    private readonly HashSet<int> _leftOut = [];

    /// <summary>
    /// A column that cannot be shown whole at the terminal's edge is left out rather than cut mid-value ("3 Dec 2026 0",
    /// "PENDING WAITLI"); the table draws the columns that fit, each as wide as its header and values. A column that
    /// <see cref="Column{T}.MayCut"/> still ends in "…" there, as its whole text is shown elsewhere.
    /// </summary>
    private void FitColumns()
    {
        var width = Table.Viewport.Width;
        if (width <= 0) return;
        foreach (var i in _leftOut) Table.Style.GetOrCreateColumnStyle(i).Visible = true;
        _leftOut.Clear();
        BeforeFitting(width);
        var columns = Source.ColumnList;
        var names = Source.ColumnNames;
        // The cells are read through the table's own source, as drawing reads them: the work per keystroke is countable.
        var cells = Table.Table ?? Source;
        var first = Math.Max(0, Table.RowOffset);
        var sample = Enumerable.Range(0, Math.Min(SizingSample, cells.Rows))
            .Concat(Enumerable.Range(first, Math.Max(0, Math.Min(Math.Max(1, Table.Viewport.Height), cells.Rows - first))))
            .Distinct().ToList();
        var used = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var style = Table.Style.GetOrCreateColumnStyle(i);
            if (!style.Visible) continue;
            var column = i;
            var widest = sample.Count == 0 ? 0 : sample.Max(r => cells[r, column]?.ToString()?.Length ?? 0);
            var natural = Math.Min(style.MaxWidth, Math.Max(names[i].Length, widest));
            var needed = columns[i].MayCut ? Math.Min(natural, names[i].Length + 2) : natural;
            if (used > 0 && used + needed > width)
            {
                style.Visible = false;
                _leftOut.Add(i);
                continue;
            }
            used += Math.Min(natural, width - used) + 1;
        }
    }

    /// <summary>Before the columns are fitted to <paramref name="width"/>: a screen may narrow or hide some first.</summary>
    protected virtual void BeforeFitting(int width) { }

    private void Reselect(string? key)
    {
        var index = key is null ? 0 : Math.Max(0, Source.IndexOf(key));
        FitColumns();
        if (Source.Rows > 0) Table.SetSelection(0, Math.Min(index, Source.Rows - 1), false);
        Table.RefreshContentSize();
        Table.Update();
        SetNeedsDraw();
    }

    public override bool HandleKey(Key key)
    {
        if (key == (Key)'/')
        {
            FilterLabel.Visible = true;
            FilterField.Visible = true;
            Table.Y = Pos.Bottom(FilterField);
            FilterField.SetFocus();
            return true;
        }
        if (key == Key.S)
        {
            Source.NextSortColumn();
            Reselect(Selected is { } row ? Source.Key(row) : null);
            return true;
        }
        if (key == Key.S.WithShift)
        {
            Source.ReverseSort();
            Reselect(Selected is { } row ? Source.Key(row) : null);
            return true;
        }
        return false;
    }

    public override bool HandleEscape()
    {
        if (!FilterField.Visible) return false;
        FilterField.Text = "";
        CloseFilter();
        return true;
    }

    public override bool HandleEnterWhileTyping()
    {
        if (!FilterField.HasFocus) return false;
        CloseFilter();
        return true;
    }

    private void CloseFilter()
    {
        FilterLabel.Visible = FilterField.Text.Length > 0;
        FilterField.Visible = FilterField.Text.Length > 0;
        Table.Y = FilterField.Visible ? Pos.Bottom(FilterField) : Pos.Bottom(_summary);
        Table.SetFocus();
    }

    private void ApplyFilter()
    {
        var text = Folding.Fold(FilterField.Text.Trim());
        Source.SetFilter(text.Length == 0 ? null : row => Matches(row, text));
        Reselect(null);
        OnFilterApplied();
    }

    /// <summary>After the filter changed (to update counts).</summary>
    protected virtual void OnFilterApplied() { }
}
