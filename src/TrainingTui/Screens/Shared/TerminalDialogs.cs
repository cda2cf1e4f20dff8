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
        MessageBox.Query(app, title, message, $"_{yes}", Strings.Get("Dialog_No")) == 0;

    public string? AskReason(string title, string prompt)
    {
        using var dialog = new ReasonDialog(title, prompt);
        app.Run(dialog);
        return dialog.Result;
    }

    public void Show(string title, string text)
    {
        using var dialog = TextDialog(app, title, text);
        app.Run(dialog);
    }

    /// <summary>The first line of a text longer than its dialog.</summary>
    internal static string ScrollHint => Strings.Get("Dialog_ScrollHint");

    /// <summary>
    /// What <see cref="Show"/> runs, built apart so that a view test can draw it without a nested run loop: the text's
    /// lines wrapped to the dialog, in a list that scrolls. On a small terminal the help is longer than the dialog (at
    /// 80×24 the keys that work everywhere are below the fold), so then a first line says how to scroll.
    /// </summary>
    internal static Dialog TextDialog(IApplication app, string title, string text)
    {
        var dialog = new Dialog { Title = title, Width = Dim.Percent(80), Height = Dim.Percent(80) };
        var width = Math.Max(20, app.Screen.Width * 8 / 10 - 4);
        var lines = text.Split('\n').SelectMany(line => line.Length <= width ? [line] : TextFormatter.WordWrapText(line, width)).ToList();
        // The dialog's border and its button row leave this many lines for the text.
        var visible = app.Screen.Height * 8 / 10 - 4;
        var scrolls = lines.Count > visible;
        if (scrolls)
            dialog.Add(new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = ScrollHint, HotKeySpecifier = Plain.NoHotKey });
        var body = new ListView { Y = scrolls ? 1 : 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        body.SetSource(new ObservableCollection<string>(lines));
        dialog.Add(body);
        dialog.AddButton(new Button { Title = Strings.Get("Dialog_Close") });
        body.SetFocus();
        return dialog;
    }

    /// <summary>
    /// One line of text, 1 to 500 characters. An empty or too long reason keeps the dialog open with the rule under
    /// the field; the check runs while accepting, before the dialog would close.
    /// </summary>
    private sealed class ReasonDialog : Dialog<string>
    {
        private readonly TextField _reason;
        private readonly Button _cancel;
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
            _cancel = new Button { Title = Strings.Get("Dialog_Cancel") };
            AddButton(_cancel);
            AddButton(new Button { Title = Strings.Get("Dialog_Ok") });
        }

        protected override bool OnAccepting(CommandEventArgs args)
        {
            View? source = null;
            args.Context?.Source?.TryGetTarget(out source);
            if (source == _cancel)
            {
                Result = null;
                return base.OnAccepting(args);
            }
            var text = _reason.Text.Trim();
            if (text.Length is 0 or > 500)
            {
                _problem.Text = Strings.Get("Dialog_ReasonRule");
                _reason.SetFocus();
                return true;
            }
            Result = text;
            return base.OnAccepting(args);
        }
    }
}
