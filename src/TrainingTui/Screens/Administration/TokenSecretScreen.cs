using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Training.Tui.Screens.Shared;
using Unpol.Training.V1;

namespace Training.Tui.Screens.Administration;

/// <summary>
/// The secret of a token just issued, shown this once: in plain text on a line of its own (to select with the mouse
/// or the terminal's copy mode) and sent to the clipboard with OSC 52 where the terminal allows it (c sends it
/// again). Leaving asks first: the service keeps only a hash, so the secret cannot be shown again.
/// </summary>
public sealed class TokenSecretScreen : Screen
{
    private readonly CreateAccessTokenResponse _issued;
    private readonly Label _text;

    public TokenSecretScreen(ScreenContext context, CreateAccessTokenResponse issued) : base(context)
    {
        _issued = issued;
        var token = issued.AccessToken;
        _text = new Label
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(),
            // A secret is shown exactly: "trn_…" must not lose its underscore to a hotkey marker.
            HotKeySpecifier = Plain.NoHotKey,
            Text = Strings.Format("Secret_Issued", token.Name, token.DisplayName, TokenText.Role(token.Role), TokenText.For(token),
                       token.ExpireTime is { } e ? Strings.Format("Secret_Until", Format.Day(e)) : Strings.Get("Secret_NoExpiry")) + "\n\n" +
                   Strings.Get("Secret_ShownOnce") + "\n\n" +
                   $"{issued.Secret}\n\n" +
                   Strings.Get("Secret_Clipboard") + "\n" +
                   Strings.Get("Secret_GiveIt") + "\n\n" +
                   Strings.Get("Secret_EscBack"),
        };
        Add(_text);
    }

    /// <summary>The secret as shown (for tests).</summary>
    public string Secret => _issued.Secret;

    public override string Heading => Strings.Get("Secret_Heading");

    /// <summary>Switching screens or quitting asks first too: the secret is lost once this screen goes.</summary>
    public override bool HasUnsavedChanges => true;

    public override string UnsavedWork => Strings.Get("Secret_UnsavedWork");

    public override IReadOnlyList<KeyHelp> KeyHelp =>
    [
        Help("c", "Key_CopyAgain"),
        Help("Esc", "Key_BackSecretGone"),
    ];

    public override void OnShown() => Copy();

    private void Copy()
    {
        Context.App.Driver?.WriteRaw(TokenText.Osc52(_issued.Secret));
        Context.Status.ShowInfo(Strings.Get("Secret_Copied"));
    }

    public override bool HandleKey(Key key)
    {
        if (key != Key.C) return false;
        Copy();
        return true;
    }

    public override bool HandleEscape() =>
        !Context.Dialogs.Confirm(Strings.Get("Secret_LeaveTitle"), Strings.Get("Secret_LeaveQuestion"), Strings.Get("Secret_Leave"));
}
