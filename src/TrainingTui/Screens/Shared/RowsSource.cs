using Terminal.Gui.Views;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// A column of a list screen: header, cell text, and a sort key for single-valued columns. A column is shown whole or
/// not at all (a date cut to "3 Dec 2026 0" misleads), unless <paramref name="MayCut"/>: a sentence whose whole text
/// the screen shows elsewhere (the details above the table, Enter) may end in "…" at the terminal's edge.
/// </summary>
public sealed record Column<T>(string Header, Func<T, string> Text, Func<T, IComparable?>? SortKey = null, int MaxWidth = 40, bool MayCut = false);

/// <summary>
/// Rows behind a <see cref="TableView"/>. The table asks only for the cells it draws, so ten thousand rows
/// cost what one screenful costs. Sorting and the local filter work on a projection kept here; the header
/// shows the sort column with ▲ or ▼.
/// </summary>
public sealed class RowsSource<T>(IReadOnlyList<Column<T>> columns, Func<T, string> key) : ITableSource
{
    private IReadOnlyList<T> _all = [];
    private List<T> _shown = [];
    private Func<T, bool>? _filter;

    public int SortColumn { get; private set; } = -1;
    public bool Descending { get; private set; }

    public int Rows => _shown.Count;
    public int Columns => columns.Count;
    public int TotalRows => _all.Count;

    public string[] ColumnNames => columns
        .Select((c, i) => i == SortColumn ? $"{c.Header} {(Descending ? "▼" : "▲")}" : c.Header)
        .ToArray();

    public object this[int row, int col] => columns[col].Text(_shown[row]);

    public T RowAt(int index) => _shown[index];

    public IReadOnlyList<T> ShownRows => _shown;

    public IReadOnlyList<T> AllRows => _all;

    public IReadOnlyList<Column<T>> ColumnList => columns;

    public Func<T, string> Key => key;

    public int IndexOf(string rowKey) => _shown.FindIndex(r => key(r) == rowKey);

    public void SetRows(IReadOnlyList<T> rows)
    {
        _all = rows;
        Project();
    }

    /// <summary>Replaces or appends one row (a live update), keeping the order and the filter.</summary>
    public void Upsert(T row)
    {
        var list = _all.ToList();
        var at = list.FindIndex(r => key(r) == key(row));
        if (at >= 0) list[at] = row;
        else list.Add(row);
        SetRows(list);
    }

    public void SetFilter(Func<T, bool>? filter)
    {
        _filter = filter;
        Project();
    }

    /// <summary>Moves the sort to the next sortable column (after the last: back to the natural order).</summary>
    public void NextSortColumn()
    {
        var next = SortColumn;
        do next = next + 1 >= columns.Count ? -1 : next + 1;
        while (next >= 0 && columns[next].SortKey is null);
        SortColumn = next;
        Descending = false;
        Project();
    }

    public void ReverseSort()
    {
        if (SortColumn < 0) return;
        Descending = !Descending;
        Project();
    }

    /// <summary>Text in the language's collation (names, courses), anything else (dates, counts) as it compares itself.</summary>
    private static readonly Comparer<IComparable?> Order = Comparer<IComparable?>.Create((a, b) =>
        a is string x && b is string y ? UiLanguage.Collation.Compare(x, y) : Comparer<IComparable?>.Default.Compare(a, b));

    private void Project()
    {
        IEnumerable<T> rows = _filter is null ? _all : _all.Where(_filter);
        if (SortColumn >= 0 && columns[SortColumn].SortKey is { } sortKey)
            rows = Descending ? rows.OrderByDescending(sortKey, Order) : rows.OrderBy(sortKey, Order);
        _shown = rows.ToList();
    }
}
