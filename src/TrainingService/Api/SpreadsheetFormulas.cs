namespace Training.Service.Api;

/// <summary>
/// CSV injection (OWASP): a spreadsheet program opening an exported roster runs any cell that begins with
/// <c>= + - @</c>, tab or carriage return as a formula. Such a cell is written with a leading apostrophe, which
/// spreadsheets show as "text, not a formula" and do not display; reading takes the apostrophe off again, so an
/// export imports back to exactly the same officers. A cell already beginning with an apostrophe before one of those
/// characters (or before another apostrophe) gets one more, so it too reads back unchanged; any other text, such as a
/// name written 'Abd, is left as it is both ways.
/// </summary>
public static class SpreadsheetFormulas
{
    private const char Apostrophe = '\'';

    public static string Neutralise(string cell) =>
        cell.Length > 0 && (StartsFormula(cell[0]) || (cell[0] == Apostrophe && Restore(cell).Length < cell.Length))
            ? Apostrophe + cell
            : cell;

    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == Apostrophe && (StartsFormula(cell[1]) || cell[1] == Apostrophe) ? cell[1..] : cell;

    private static bool StartsFormula(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
