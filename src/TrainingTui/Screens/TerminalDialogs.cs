using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Training.Tui.Screens;

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
        dialog.Add(new Label { Text = text, Width = Dim.Fill(), Height = Dim.Fill(1) });
        dialog.AddButton(new Button { Title = "_Close" });
        app.Run(dialog);
    }

    private sealed class ReasonDialog : Dialog<string>
    {
        private readonly TextField _reason;
        private readonly Label _problem;

        public ReasonDialog(string title, string prompt)
        {
            Title = title;
            Width = Dim.Percent(70);
            var label = new Label { Text = prompt, X = 1, Y = 0, Width = Dim.Fill(1) };
            _reason = new TextField { X = 1, Y = 1, Width = Dim.Fill(1) };
            _problem = new Label { X = 1, Y = 2, Width = Dim.Fill(1), Text = "" };
            Add(label, _reason, _problem);
            AddButton(new Button { Title = "_Cancel" });
            AddButton(new Button { Title = "_OK" });
        }

        protected override void OnAccepted(Terminal.Gui.Input.ICommandContext? ctx)
        {
            View? source = null;
            ctx?.Source?.TryGetTarget(out source);
            if (source is Button { Title: "_Cancel" })
            {
                Result = null;
                RequestStop();
                return;
            }
            var text = _reason.Text.Trim();
            if (text.Length is 0 or > 500)
            {
                _problem.Text = "A reason of 1 to 500 characters is required.";
                return;
            }
            Result = text;
            RequestStop();
        }
    }
}
