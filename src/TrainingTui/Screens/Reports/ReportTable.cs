using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;

namespace Training.Tui.Screens.Reports;

/// <summary>A column of a report table; figures are right-aligned so their digits line up.</summary>
public sealed record ReportColumn<T>(string Header, Func<T, string> Text, Func<T, IComparable?>? SortKey = null, bool Figure = false, int MaxWidth = 40);

/// <summary>
/// A read-only table of report lines, k9s-style: a header that stays, one selected row, sorting by any column ('s'
/// next column, 'S' reverse, shown by ▲ ▼). The columns may change from one load to the next (a report names
/// the Member States it covers); a reload keeps the selected line and the sort.
/// </summary>
public sealed class ReportTable<T> : View
{
    private readonly Func<T, string> _key;
    private readonly Func<T, Scheme?> _rowScheme;
    private IReadOnlyList<ReportColumn<T>> _columns = [];

    /// <param name="rowScheme">The colour of a line (a shortage, an expiry this week), always doubled by a symbol in its cells.</param>
    public ReportTable(Func<T, string> key, Func<T, Scheme?> rowScheme)
    {
        _key = key;
        _rowScheme = rowScheme;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Source = new RowsSource<T>([], key);
        Table = new TableView
        {
            X = 0,
            Y = 0,
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
        Table.Style.RowColorGetter = args => args.RowIndex >= 0 && args.RowIndex < Source.Rows ? _rowScheme(Source.RowAt(args.RowIndex)) : null;
        Add(Table);
    }

    public TableView Table { get; }
    public RowsSource<T> Source { get; private set; }

    public T? Selected => Table.Value is { } v && v.SelectedCell.Y >= 0 && v.SelectedCell.Y < Source.Rows ? Source.RowAt(v.SelectedCell.Y) : default;

    /// <summary>Shows <paramref name="rows"/> under <paramref name="columns"/>, keeping the selected line and, when the headers are the same, the sort.</summary>
    public void Show(IReadOnlyList<ReportColumn<T>> columns, IReadOnlyList<T> rows)
    {
        var selectedKey = Selected is { } row ? _key(row) : null;
        if (!columns.Select(c => c.Header).SequenceEqual(_columns.Select(c => c.Header)))
        {
            _columns = columns;
            // Text right after a right-aligned figure starts one cell in, so the two never read as one.
            Source = new RowsSource<T>(columns.Select((c, i) => i > 0 && columns[i - 1].Figure && !c.Figure
                ? new Column<T>(" " + c.Header, row => " " + c.Text(row), c.SortKey, c.MaxWidth)
                : new Column<T>(c.Header, c.Text, c.SortKey, c.MaxWidth)).ToList(), _key);
            Table.Style.ColumnStyles.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var style = Table.Style.GetOrCreateColumnStyle(i);
                style.MaxWidth = columns[i].MaxWidth;
                style.MinWidth = columns[i].Header.Length + 2;
                if (columns[i].Figure) style.Alignment = Alignment.End;
            }
            Table.Table = Source;
        }
        Source.SetRows(rows);
        Reselect(selectedKey);
    }

    /// <summary>'s' and 'S' sort; the table's own keys (arrows, PgUp, PgDn, Home, End) move.</summary>
    public bool HandleKey(Key key)
    {
        if (key != Key.S && key != Key.S.WithShift) return false;
        var selectedKey = Selected is { } row ? _key(row) : null;
        if (key == Key.S) Source.NextSortColumn();
        else Source.ReverseSort();
        Reselect(selectedKey);
        return true;
    }

    private void Reselect(string? key)
    {
        var index = key is null ? 0 : Math.Max(0, Source.IndexOf(key));
        if (Source.Rows > 0) Table.SetSelection(0, Math.Min(index, Source.Rows - 1), false);
        Table.RefreshContentSize();
        Table.Update();
        SetNeedsDraw();
    }
}
