using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Training.Tui.Screens.Shared;

/// <summary>The dialogs, drawn by Terminal.Gui in a nested run loop.</summary>
public sealed class TerminalDialogs(IApplication app) : IDialogs
{
    /// <summary>"No" comes last, so it is the button Enter presses: a stray Enter never deletes or discards.</summary>
    public bool Confirm(string title, string message, string yes = "Yes") =>
        MessageBox.Query(app, title, message, $"_{yes}", "_No") == 0;

    public string? AskReason(string title, string prompt)
    {
        using var dialog = new ReasonDialog(title, prompt);
        app.Run(dialog);
        return dialog.Result;
    }

    public void Show(string title, string text)
    {
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(80), Height = Dim.Percent(80) };
        // A list of the text's lines, wrapped to the dialog, scrolls with ↑↓ PgUp PgDn: on a small terminal the
        // help is longer than the dialog.
        var width = Math.Max(20, app.Screen.Width * 8 / 10 - 4);
        var lines = text.Split('\n').SelectMany(line => line.Length <= width ? [line] : TextFormatter.WordWrapText(line, width));
        var body = new ListView { Width = Dim.Fill(), Height = Dim.Fill(1) };
        body.SetSource(new ObservableCollection<string>(lines));
        dialog.Add(body);
        dialog.AddButton(new Button { Title = "_Close" });
        body.SetFocus();
        app.Run(dialog);
    }

    /// <summary>
    /// One line of text, 1 to 500 characters. An empty or too long reason keeps the dialog open with the rule under
    /// the field; the check runs while accepting, before the dialog would close.
    /// </summary>
    private sealed class ReasonDialog : Dialog<string>
    {
        public const string Rule = "A reason of 1 to 500 characters is required.";
        private readonly TextField _reason;
        private readonly Label _problem;

        public ReasonDialog(string title, string prompt)
        {
            Title = title;
            Width = Dim.Percent(80);
            // The prompt wraps rather than being cut on a narrow terminal.
            var label = new Label { Text = prompt, X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Auto(DimAutoStyle.Text) };
            _reason = new TextField { X = 1, Y = Pos.Bottom(label), Width = Dim.Fill(1) };
            _problem = new Label { X = 1, Y = Pos.Bottom(_reason), Width = Dim.Fill(1), Height = 1, Text = "" };
            Add(label, _reason, _problem);
            AddButton(new Button { Title = "_Cancel" });
            AddButton(new Button { Title = "_OK" });
        }

        protected override bool OnAccepting(CommandEventArgs args)
        {
            View? source = null;
            args.Context?.Source?.TryGetTarget(out source);
            if (source is Button { Title: "_Cancel" })
            {
                Result = null;
                return base.OnAccepting(args);
            }
            var text = _reason.Text.Trim();
            if (text.Length is 0 or > 500)
            {
                _problem.Text = Rule;
                _reason.SetFocus();
                return true;
            }
            Result = text;
            return base.OnAccepting(args);
        }
    }
}
