using System.Text;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// Text shown as it is. Terminal.Gui reads the first "_" of a label's text as a hotkey marker and drops it, so a token's
/// secret "trn_Yu5…" read "trnYu5…" and was refused; labels that show the service's words or a user's data turn that off.
/// </summary>
public static class Plain
{
    /// <summary>The value of <c>HotKeySpecifier</c> that disables hotkey markers.</summary>
    public static readonly Rune NoHotKey = (Rune)0xFFFF;
}
