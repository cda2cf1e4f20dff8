namespace Training.Tui.Screens.Shared;

/// <summary>The modal questions screens ask. Tests answer them without a nested run loop.</summary>
public interface IDialogs
{
    /// <summary>Asks yes or no; Enter means the default, "No" when the action is destructive.</summary>
    bool Confirm(string title, string message, string yes = "Yes");

    /// <summary>Asks for a reason (1 to 500 characters); null when cancelled.</summary>
    string? AskReason(string title, string prompt);

    /// <summary>Shows text (help, details) until dismissed.</summary>
    void Show(string title, string text);
}
