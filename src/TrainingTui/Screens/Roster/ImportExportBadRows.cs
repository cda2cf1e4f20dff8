using System.Collections;
using System.Collections.Specialized;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>
/// The bad rows of an import behind a <see cref="ListView"/>. An import of a badly broken file reports a row error
/// per problem, tens of thousands of them; they arrive in batches and each batch costs one redraw, and the list
/// draws only the lines on screen (the stock wrapper rescans every item on each change).
/// </summary>
public sealed class ImportExportBadRows : IListDataSource
{
    private readonly List<string> _lines = [];

    public int Count => _lines.Count;

    public int MaxItemLength { get; private set; }

    public bool SuspendCollectionChangedEvent { get; set; }

    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>
    /// "line 12 · birth_date · 2027-02-30 is not a calendar day", with the row's police ID when it was read. The field is
    /// the file's column name, a code in every language; the reason is the service's, in the caller's language.
    /// </summary>
    public static string Describe(ImportRowError error)
    {
        var field = error.Field.Length > 0 ? error.Field : Strings.Get("Import_WholeRow");
        var id = error.NationalPoliceId.Length > 0 ? $" ({error.NationalPoliceId})" : "";
        return Strings.Format("Import_BadRow", error.Line, field, error.Reason, id);
    }

    public void Add(IEnumerable<ImportRowError> errors)
    {
        var before = _lines.Count;
        foreach (var error in errors)
        {
            var line = Describe(error);
            _lines.Add(line);
            MaxItemLength = Math.Max(MaxItemLength, line.GetColumns());
        }
        if (_lines.Count != before) Changed();
    }

    public void Clear()
    {
        _lines.Clear();
        MaxItemLength = 0;
        Changed();
    }

    private void Changed()
    {
        if (!SuspendCollectionChangedEvent) CollectionChanged?.Invoke(this, new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
    }

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX = 0)
    {
        listView.Move(Math.Max(col - viewportX, 0), row);
        var text = _lines[item];
        var shown = viewportX < text.Length ? text[viewportX..] : "";
        var clipped = TextFormatter.ClipAndJustify(shown, width, Alignment.Start);
        listView.AddStr(clipped);
        for (var left = width - clipped.GetColumns(); left > 0; left--) listView.AddStr(" ");
    }

    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value) { }

    public IList ToList() => _lines;

    public void Dispose() { }
}
