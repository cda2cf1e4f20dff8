using Terminal.Gui.Text;

namespace Training.Tui.Screens.Shared;

/// <summary>How many lines a text takes once word-wrapped to a width, the way a label wraps it.</summary>
public static class Wrapping
{
    public static int Lines(string text, int width) =>
        width <= 0 ? 1 : text.Split('\n').Sum(line => line.Length <= width ? 1 : Math.Max(1, TextFormatter.WordWrapText(line, width).Count));
}
