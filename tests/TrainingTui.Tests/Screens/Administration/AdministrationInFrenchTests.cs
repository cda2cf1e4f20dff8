using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Screens.Administration;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Administration;

/// <summary>
/// An administrator or an auditor working in French at 80×24: access tokens, the form that issues one, the secret shown
/// once, the audit trail and its filter — every sentence whole, in the UN's French, nothing left in English.
/// </summary>
public sealed class AdministrationInFrenchTests
{
    private static FakeTrainingClient WithTokens()
    {
        var client = Sample.Client();
        client.AccessTokens.AddRange([
            new AccessToken
            {
                Name = "accessTokens/fpsn", DisplayName = "Point focal, Sénégal (A. Diop)", Role = Role.FocalPoint, RegionCode = "SN",
                CreateTime = Timestamp.FromDateTime(new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc)),
            },
            new AccessToken
            {
                Name = "accessTokens/hr", DisplayName = "Système RH du Sénégal", Role = Role.Integration,
                Scope = new IntegrationScope { RegionCodes = { "SN" }, ReadWrite = true },
                CreateTime = Timestamp.FromDateTime(new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc)),
            },
        ]);
        client.AuditEvents.AddRange([
            new AuditEvent
            {
                Name = "auditEvents/1", EventTime = Timestamp.FromDateTime(new DateTime(2027, 1, 15, 9, 30, 0, DateTimeKind.Utc)),
                Actor = "accessTokens/fpsn", ActorDisplayName = "Point focal SN", Method = "RosterService/UpdateOfficer",
                Resource = "memberStates/SN/officers/awa", Summary = "rank, languages",
            },
            new AuditEvent
            {
                Name = "auditEvents/2", EventTime = Timestamp.FromDateTime(new DateTime(2027, 1, 19, 16, 5, 0, DateTimeKind.Utc)),
                Actor = "accessTokens/admin", ActorDisplayName = "Administrateur des cours", Method = "NominationService/ConfirmNomination",
                Resource = "memberStates/SN/nominations/n1", Summary = "submitted → confirmed",
            },
        ]);
        return client;
    }

    private static ScreenHarness InFrench(FakeTrainingClient client, Caller? caller = null) =>
        new(client, caller ?? Callers.Administrator(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);

    [Fact]
    public void Tokens_InFrench_ListRoleScopeAndState_AndSayTheirKeys()
    {
        using var ui = InFrench(WithTokens());
        ui.Press('8');
        Assert.IsType<TokensScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("Jetons d'accès", screen);
        ScreenText.AssertWhole(screen, "Point focal, Sénégal (A. Diop) · point focal pour SN · actif · délivré le 2 nov. 2026 · sans expiration");
        ScreenText.AssertWhole(screen, "2 jetons actifs · les plus récents d'abord · a délivre, x révoque");
        Assert.Contains("TITULAIRE", screen);
        Assert.Contains("RÔLE", screen);
        Assert.Contains("SN, lecture-écriture", screen);
        Assert.Contains("a délivrer", screen);
        Assert.Contains("x révoquer", screen);
        foreach (var english in new[] { "active", "HELD BY", "ROLE", "issued", "newest first", "read-write", "focal point for" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void RevokingAToken_InFrench_AsksInFrench_AndSaysItIsDone()
    {
        var client = WithTokens();
        using var ui = InFrench(client);
        ui.Press('8');
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('x');

        Assert.Equal(
            "Révoquer le jeton: Révoquer le jeton de Point focal, Sénégal (A. Diop) (point focal, SN) ? " +
            "Il cesse aussitôt de fonctionner, pour tout programme qui l'utilise.",
            Assert.Single(ui.Dialogs.Asked));
        var screen = ui.Screen();
        ScreenText.AssertWhole(screen, "✓ Jeton de Point focal, Sénégal (A. Diop) révoqué.");
        ScreenText.AssertWhole(screen, "1 jeton actif · les plus récents d'abord");
    }

    [Fact]
    public void TheTokenForm_InFrench_NamesItsFields_AndSaysWhyItWasNotSaved()
    {
        var client = WithTokens();
        using var ui = InFrench(client);
        ui.Press('8').Press('a');
        var form = Assert.IsType<TokenFormScreen>(ui.Current);
        Assert.Equal("point focal", form.Row(TokenFormScreen.RoleField).Input.Text);
        Assert.Equal("non", form.Row(TokenFormScreen.ReadWrite).Input.Text);

        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.Contains("Délivrer un jeton", screen);
        ScreenText.AssertWhole(screen,
            "Un nouveau jeton d'accès. Son secret est affiché une seule fois, juste après ; seule une empreinte en est conservée. Ctrl+S le délivre.");
        foreach (var caption in new[] { "Titulaire", "Rôle", "État Membre", "Périmètre", "Écriture", "Expire le" })
            Assert.Contains(caption, screen);
        ScreenText.AssertWhole(screen,
            "✗ Non enregistré : corrigez d'abord les champs marqués ✗. Titulaire : obligatoire ; État Membre : code de pays, p. ex. SN.");
        Assert.Contains("✗ 2 champs à corriger", screen);
        ScreenText.AssertWhole(screen, "Titulaire : ✗ obligatoire — qui ou quoi le détient, p. ex. Point focal, Sénégal (A. Diop)");
        Assert.Contains("Délivrer", screen);
        Assert.Contains("Annuler", screen);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateAccessToken", StringComparison.Ordinal));
        foreach (var english in new[] { "required", "Not saved", "to fix", "Held by", "Issue", "Cancel", "focal point" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void TheTokenForm_InFrench_TakesFrenchWords_AndTheEnglishOnesToo()
    {
        using var _ = Speaking.French();
        var today = new DateOnly(2027, 1, 20);
        var (integration, none) = TokenFormScreen.Read(new Dictionary<string, string>
        {
            [TokenFormScreen.Holder] = "Système RH", [TokenFormScreen.RoleField] = "integ", [TokenFormScreen.Scope] = "tous",
            [TokenFormScreen.ReadWrite] = "oui",
        }, today);
        Assert.Empty(none);
        Assert.Equal(Role.Integration, integration.Role);
        Assert.True(integration.Scope.AllMemberStates);
        Assert.True(integration.Scope.ReadWrite);

        var (auditor, alsoNone) = TokenFormScreen.Read(new Dictionary<string, string>
        {
            [TokenFormScreen.Holder] = "Bureau de l'audit", [TokenFormScreen.RoleField] = "auditor", [TokenFormScreen.ReadWrite] = "no",
        }, today);
        Assert.Empty(alsoNone);
        Assert.Equal(Role.Auditor, auditor.Role);

        var (_, problems) = TokenFormScreen.Read(new Dictionary<string, string>
        {
            [TokenFormScreen.Holder] = "Système RH", [TokenFormScreen.RoleField] = "intégration", [TokenFormScreen.Scope] = "S1",
            [TokenFormScreen.ReadWrite] = "peut-être",
        }, today);
        Assert.Equal("« S1 » : un code de pays comme SN", problems[TokenFormScreen.Scope]);
        Assert.Equal("oui ou non", problems[TokenFormScreen.ReadWrite]);
    }

    [Fact]
    public void TheSecret_InFrench_IsShownOnceWithWhatToDoWithIt_AndLeavingAsksFirst()
    {
        var client = WithTokens();
        using var ui = InFrench(client);
        ui.Press('8').Press('a');
        var form = Assert.IsType<TokenFormScreen>(ui.Current);
        form.Row(TokenFormScreen.Holder).Input.Text = "Point focal, Rwanda (J. Uwase)";
        form.Row(TokenFormScreen.MemberState).Input.Text = "rw";
        form.Row(TokenFormScreen.Expires).Input.Text = "2027-12-31";

        ui.Press(Key.S.WithCtrl);

        var secret = Assert.IsType<TokenSecretScreen>(ui.Current);
        var screen = ui.Screen();
        Assert.Contains("Nouveau jeton", screen);
        Assert.Contains(secret.Secret, screen);
        ScreenText.AssertWhole(screen, "accessTokens/t3 délivré à Point focal, Rwanda (J. Uwase) (point focal, RW, valable jusqu'au 31 déc. 2027).");
        ScreenText.AssertWhole(screen, "Le secret, affiché cette seule fois (seule une empreinte en est conservée) :");
        ScreenText.AssertWhole(screen,
            "Il a été envoyé dans votre presse-papiers si le terminal le permet (OSC 52) ; c l'envoie de nouveau. Sinon, sélectionnez-le ci-dessus.");
        ScreenText.AssertWhole(screen,
            "Remettez-le à son titulaire par un canal sûr. Le titulaire lance le client avec --token, ou le place dans son fichier de jeton.");
        ScreenText.AssertWhole(screen, "Esc revient en arrière ; le secret ne pourra plus être affiché.");
        Assert.Contains("c recopier", screen);
        foreach (var english in new[] { "Issued", "shown this once", "clipboard", "goes back", "New token" })
            Assert.DoesNotContain(english, screen);

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press(Key.Esc);

        Assert.Equal("Quitter l'écran du secret: Le secret ne sera plus affiché. L'avez-vous copié ?", Assert.Single(ui.Dialogs.Asked));
        Assert.IsType<TokenSecretScreen>(ui.Current);
    }

    [Fact]
    public void TheAuditTrail_InFrench_CountsAndDescribesWhatItShows()
    {
        using var ui = InFrench(WithTokens(), Callers.Auditor());
        ui.Press('9');
        var audit = Assert.IsType<AuditScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("Journal d'audit", screen);
        ScreenText.AssertWhole(screen, "2 événements · depuis le 2027-01-13 00:00 UTC · les plus récents d'abord");
        ScreenText.AssertWhole(screen,
            "Administrateur des cours : NominationService/ConfirmNomination sur memberStates/SN/nominations/n1 : submitted → confirmed");
        Assert.Contains("AUTEUR", screen);
        Assert.Contains("HEURE (UTC)", screen);
        Assert.Contains("f auteur, ressource, période…", screen);
        foreach (var english in new[] { "events", "newest first", "ACTOR", "TIME" })
            Assert.DoesNotContain(english, screen);

        ui.Press(Key.Enter);

        var (title, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Equal("Événement d'audit 2", title);
        Assert.Equal(string.Join('\n',
            "Quand : 19 janv. 2027 16:05 UTC",
            "Qui : Administrateur des cours (accessTokens/admin)",
            "Quoi : NominationService/ConfirmNomination",
            "Sur : memberStates/SN/nominations/n1",
            "",
            "La modification :",
            "submitted → confirmed"), text);
        Assert.Equal("auditEvents/2", audit.Selected!.Name);
    }

    [Fact]
    public void TheAuditFilter_InFrench_SaysItsCriteria_AndRefusesAWrongActorInFrench()
    {
        var client = WithTokens();
        using var ui = InFrench(client, Callers.Auditor());
        ui.Press('9').Press('f');
        var filter = Assert.IsType<AuditFilterScreen>(ui.Current);
        filter.Row(AuditFilterScreen.Actor).Input.Text = "Diop";
        filter.Row(AuditFilterScreen.Until).Input.Text = "2027-01-01";

        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.Contains("Filtre du journal d'audit", screen);
        ScreenText.AssertWhole(screen,
            "Chaque critère indiqué doit être rempli. Entrée passe au champ suivant ; Ctrl+S applique ; Esc laisse le journal tel quel.");
        Assert.Contains("✗ doit commencer par accessTokens/", screen);
        ScreenText.AssertWhole(screen,
            "✗ Non enregistré : corrigez d'abord les champs marqués ✗. Auteur : doit commencer par accessTokens/ ; Avant le : doit suivre « Depuis le ».");
        ScreenText.AssertWhole(screen, "Auteur : ✗ doit commencer par accessTokens/ — le nom d'un jeton, accessTokens/… ; vide : tout le monde");
        Assert.Contains("Appliquer", screen);
        foreach (var english in new[] { "Actor", "Resource", "Apply", "a token's name", "must be after" })
            Assert.DoesNotContain(english, screen);

        filter.Row(AuditFilterScreen.Actor).Input.Text = "accessTokens/fpsn";
        filter.Row(AuditFilterScreen.Until).Input.Text = "";
        ui.Press(Key.S.WithCtrl);

        Assert.IsType<AuditScreen>(ui.Current);
        ScreenText.AssertWhole(ui.Screen(), "1 événement · par accessTokens/fpsn · depuis le 2027-01-13 00:00 UTC · les plus récents d'abord");
    }

    [Fact]
    public void TheHelp_InFrench_ListsTheTokensKeys_AndTheKeysOfEveryScreen_AtEightyByTwentyFour()
    {
        using var ui = InFrench(WithTokens());
        ui.Press('8').Press('?');

        var (title, text) = ui.Dialogs.Shown[^1];
        Assert.Equal("Touches", title);
        Assert.StartsWith("Jetons d'accès :", text);
        using var dialog = TerminalDialogs.TextDialog(ui.App, title, text);
        var token = ui.App.Begin(dialog)!;
        try
        {
            var screen = ui.Screen();
            Assert.Contains("↑↓ PgUp PgDn Home End défilent · Esc ferme", screen);
            Assert.Contains("a          délivrer un jeton", screen);
            Assert.Contains("x          révoquer le jeton sélectionné", screen);
            Assert.Contains("Fermer", screen);

            ui.Press(Key.End);

            Assert.Contains("q          quitter", ui.Screen());
        }
        finally
        {
            ui.App.End(token);
        }
    }
}
