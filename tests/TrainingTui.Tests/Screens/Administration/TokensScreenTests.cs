using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Screens.Administration;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Administration;

public sealed class TokensScreenTests
{
    private static FakeTrainingClient WithTokens()
    {
        var client = Sample.Client();
        client.AccessTokens.AddRange([
            new AccessToken
            {
                Name = "accessTokens/fpsn", DisplayName = "Focal point, Senegal (A. Diop)", Role = Role.FocalPoint, RegionCode = "SN",
                CreateTime = Timestamp.FromDateTime(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc)),
            },
            new AccessToken
            {
                Name = "accessTokens/hr", DisplayName = "Senegal HR system", Role = Role.Integration,
                Scope = new IntegrationScope { RegionCodes = { "SN" }, ReadWrite = true },
                CreateTime = Timestamp.FromDateTime(new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc)),
            },
        ]);
        return client;
    }

    private static ScreenHarness Administrator(FakeTrainingClient client) => new(client, Callers.Administrator(), 80, 24);

    [Fact]
    public void Tokens_AreListedWithRoleAndScope_ForAdministratorsOnly()
    {
        using (var ui = Administrator(WithTokens()))
        {
            ui.Press('8');
            Assert.IsType<TokensScreen>(ui.Current);
            var screen = ui.Screen();
            Assert.Contains("Focal point, Senegal (A. Diop)", screen);
            Assert.Contains("SN, read-write", screen);
            Assert.Contains("2 active tokens", screen);
        }
        using (var ui = new ScreenHarness(WithTokens(), columns: 80, rows: 24))
        {
            ui.Press('8');
            Assert.IsNotType<TokensScreen>(ui.Current);
        }
    }

    [Fact]
    public void IssuingAFocalPointToken_ShowsTheSecretOnce_WholeAndCopiedWithOsc52()
    {
        var client = WithTokens();
        using var ui = Administrator(client);
        ui.Press('8').Press('a');
        var form = Assert.IsType<TokenFormScreen>(ui.Current);
        form.Row(TokenFormScreen.Holder).Input.Text = "Focal point, Rwanda (J. Uwase)";
        form.Row(TokenFormScreen.MemberState).Input.Text = "rw";
        form.Row(TokenFormScreen.Expires).Input.Text = "2027-12-31";

        ui.Press(Key.S.WithCtrl);

        Assert.Contains("CreateAccessToken Focal point, Rwanda (J. Uwase)", client.Calls);
        var issued = client.AccessTokens[0];
        Assert.Equal(Role.FocalPoint, issued.Role);
        Assert.Equal("RW", issued.RegionCode);
        Assert.Equal(new DateTime(2027, 12, 31, 0, 0, 0, DateTimeKind.Utc), issued.ExpireTime.ToDateTime());
        var secret = Assert.IsType<TokenSecretScreen>(ui.Current);
        var screen = ui.Screen();
        Assert.Contains(secret.Secret, screen);
        Assert.Contains("shown this once", screen);
        Assert.Equal("trn_secret3_0123456789abcdef", secret.Secret);
        Assert.Equal("\u001b]52;c;dHJuX3NlY3JldDNfMDEyMzQ1Njc4OWFiY2RlZg==\u0007", TokenText.Osc52(secret.Secret));

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Esc);
        var tokens = Assert.IsType<TokensScreen>(ui.Current);
        Assert.Equal("Focal point, Rwanda (J. Uwase)", tokens.Selected!.DisplayName);
        ScreenText.AssertWhole(ui.Screen(), "Focal point, Rwanda (J. Uwase) · focal point for RW · active");
        Assert.Contains(ui.Dialogs.Asked, q => q.Contains("will not be shown again", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TokenFormScreen.MemberState, "Senegal", "a focal point's region code, e.g. SN")]
    [InlineData(TokenFormScreen.Scope, "SN", "only for an integration")]
    [InlineData(TokenFormScreen.Expires, "2027-01-20", "must be after today")]
    [InlineData(TokenFormScreen.RoleField, "boss", "administrator/focal point/integration/auditor")]
    public void TokenForm_BadInput_IsRefusedBesideItsField(string field, string typed, string problem)
    {
        var client = WithTokens();
        using var ui = Administrator(client);
        ui.Press('8').Press('a');
        var form = Assert.IsType<TokenFormScreen>(ui.Current);
        form.Row(TokenFormScreen.Holder).Input.Text = "Someone";
        form.Row(TokenFormScreen.MemberState).Input.Text = "SN";
        form.Row(field).Input.Text = typed;

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.Equal(problem, form.Row(field).Problem);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateAccessToken", StringComparison.Ordinal));
    }

    [Fact]
    public void TokenForm_RefusedByTheService_SaysTheReasonWhole()
    {
        var client = WithTokens();
        client.NextRefusal = ("MEMBER_STATE_UNKNOWN", "XK is not a Member State the service knows; use an ISO 3166-1 alpha-2 code of a UN Member State.");
        using var ui = Administrator(client);
        ui.Press('8').Press('a');
        var form = Assert.IsType<TokenFormScreen>(ui.Current);
        form.Row(TokenFormScreen.Holder).Input.Text = "Focal point, Kosovo";
        form.Row(TokenFormScreen.MemberState).Input.Text = "XK";

        ui.Press(Key.S.WithCtrl);

        ScreenText.AssertWhole(ui.Screen(),
            "✗ Not saved: XK is not a Member State the service knows; use an ISO 3166-1 alpha-2 code of a UN Member State.");
    }

    [Fact]
    public void Revoking_IsAskedFirst_AndTheTokenLeavesTheActiveList()
    {
        var client = WithTokens();
        using var ui = Administrator(client);
        ui.Press('8');
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('x');

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith("Revoke the token: Revoke the token of Focal point, Senegal (A. Diop)", StringComparison.Ordinal));
        Assert.Contains("RevokeAccessToken accessTokens/fpsn", client.Calls);
        var screen = ui.Screen();
        Assert.Contains("1 active token ", screen);
        Assert.Contains("✓ Revoked the token of Focal point, Senegal (A. Diop).", screen);

        ui.Press('i');
        var all = ui.Screen();
        var row = all.Split('\n').First(l => l.StartsWith("Focal point, Senegal", StringComparison.Ordinal));
        Assert.Contains("revoked 20 Jan 2027", row);
    }
}
