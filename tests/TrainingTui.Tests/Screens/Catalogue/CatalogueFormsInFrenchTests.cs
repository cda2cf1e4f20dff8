using Terminal.Gui.Input;
using Training.Tui.Screens.Catalogue;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Catalogue;

/// <summary>
/// A course administrator running the catalogue in French at 80×24: the course catalogue, the course and session forms
/// with what they refuse, the session's lifecycle questions and the parity figures — whole sentences, the UN's words.
/// </summary>
public sealed class CatalogueFormsInFrenchTests
{
    private const string MarchSession = "courses/unpol-stm/sessions/mar-entebbe";

    private static FakeTrainingClient WithForensics()
    {
        var client = Sample.Client();
        var forensics = Sample.Course("for-po", "FOR-PO", "Criminalistique pour policières");
        forensics.Category = CourseCategory.Specialized;
        forensics.CertificateValidityMonths = 48;
        forensics.Requirements = new CourseRequirements
        {
            Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2, Skills = { LanguageSkill.Reading, LanguageSkill.Speaking } } },
            Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Advanced } },
            WomenOnly = true,
            DrivingRequired = true,
        };
        client.Courses.Add(forensics);
        return client;
    }

    private static ScreenHarness InFrench(FakeTrainingClient client, Caller? caller = null) =>
        new(client, caller ?? Callers.Administrator(), columns: 80, rows: 24, theme: Theme.NoColor, french: true);

    [Fact]
    public void TheCatalogue_InFrench_ShowsCategoriesValidityAndRequirements_InFrench()
    {
        using var ui = InFrench(WithForensics());
        ui.Press('k');
        Assert.IsType<CourseCatalogueScreen>(ui.Current);
        ui.Press(Key.CursorDown).Press(Key.CursorDown);
        var screen = ui.Screen();

        Assert.Contains("Catalogue des cours", screen);
        ScreenText.AssertWhole(screen, "3 cours — a ajoute, Entrée modifie, n programme une séance");
        ScreenText.AssertWhole(screen,
            "FOR-PO : Conditions : fr B2 (compréhension écrite/expression orale) · forensics ≥ avancé · réservé aux femmes · permis de conduire");
        Assert.Contains("CATÉGORIE", screen);
        Assert.Contains("spécialisé", screen);
        Assert.Contains("48 mois", screen);
        Assert.Contains("toujours", screen);
        Assert.Contains("a ajouter", screen);
        foreach (var english in new[] { "courses", "CATEGORY", "specialized", "always", "advanced", "reading", "women only" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void ANewCourse_InFrench_SaysWhatIsMissing_ThenTakesFrenchWords_AndSaysItIsPublished()
    {
        var client = WithForensics();
        using var ui = InFrench(client);
        ui.Press('k').Press('a');
        var form = Assert.IsType<CourseFormScreen>(ui.Current);
        Assert.Equal("non", form.Row(CourseDraft.WomenOnly).Input.Text);

        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.Contains("Nouveau cours", screen);
        ScreenText.AssertWhole(screen,
            "Une nouvelle entrée du catalogue ; ses séances sont programmées ensuite. Ctrl+S enregistre ; Esc annule.");
        ScreenText.AssertWhole(screen,
            "✗ Non enregistré : corrigez d'abord les champs marqués ✗. Code : obligatoire ; Intitulé : obligatoire ; " +
            "Catégorie : obligatoire : cptm/stm/spécialisé/commandement/upc/formateurs.");
        Assert.Contains("✗ 3 champs à corriger", screen);
        ScreenText.AssertWhole(screen, "Code : ✗ obligatoire — code court, p. ex. UNPOL-STM (30 caractères au plus)");
        foreach (var caption in new[] { "Intitulé", "Catégorie", "Langue" })
            Assert.Contains(caption, screen);
        foreach (var english in new[] { "required", "Not saved", "fields to fix", "Title", "Category", "Save", "Cancel" })
            Assert.DoesNotContain(english, screen);

        form.Row(CourseDraft.Code).Input.Text = "POL-PROX";
        form.Row(CourseDraft.Title).Input.Text = "Police de proximité";
        form.Row(CourseDraft.Category).Input.Text = "specialise";
        form.Row(CourseDraft.Language).Input.Text = "fr";
        form.Row(CourseDraft.Vetting).Input.Text = "oui";
        form.Row(CourseDraft.Validity).Input.Text = "24";
        ui.Press(Key.S.WithCtrl);

        var course = client.Courses.Single(c => c.Code == "POL-PROX");
        Assert.Equal(CourseCategory.Specialized, course.Category);
        Assert.True(course.Requirements.VettingRequired);
        ScreenText.AssertWhole(ui.Screen(), "✓ POL-PROX, Police de proximité, publié : appuyez sur n sur ce cours pour en programmer une séance.");
    }

    [Fact]
    public void EditingACourse_InFrench_NamesTheChangedFields_AsTheFormLabelsThem()
    {
        var client = Sample.Client();
        using var ui = InFrench(client);
        ui.Press('k').Press(Key.CursorDown).Press(Key.Enter);
        var form = Assert.IsType<CourseFormScreen>(ui.Current);
        Assert.Contains("Modifier CPTM", ui.Screen());

        form.Row(CourseDraft.Category).Input.Text = "leadership";
        form.Row(CourseDraft.MaxAge).Input.Text = "60";
        ui.Press(Key.S.WithCtrl);

        Assert.Equal(CourseCategory.Leadership, client.Courses.Single(c => c.Name == "courses/cptm").Category);
        ScreenText.AssertWhole(ui.Screen(), "✓ CPTM enregistré : Catégorie, Âge limite.");
    }

    [Fact]
    public void ANewSession_InFrench_SaysEachProblemWhole_ThenIsScheduledAsADraft()
    {
        var client = Sample.Client();
        using var ui = InFrench(client);
        ui.Press('k').Press('n');
        var form = Assert.IsType<SessionFormScreen>(ui.Current);
        form.Row(SessionDraft.Start).Input.Text = "2027-06-07";
        form.Row(SessionDraft.End).Input.Text = "2027-06-01";
        form.Row(SessionDraft.Seats).Input.Text = "0";
        form.Row(SessionDraft.Allocations).Input.Text = "SN quota 2 plafond beaucoup";

        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.Contains("Nouvelle séance UNPOL-STM", screen);
        ScreenText.AssertWhole(screen,
            "Une nouvelle séance de UNPOL-STM, UNPOL Specialized Training Materials : en projet jusqu'à ce que vous l'ouvriez (O sur la séance). Ctrl+S enregistre.");
        ScreenText.AssertWhole(screen,
            "✗ Non enregistré : corrigez d'abord les champs marqués ✗. Lieu : obligatoire ; Dernier jour : pas avant le premier jour ; " +
            "Places : doit être de 1 à 10000 ; …jusqu'au : obligatoire, AAAA-MM-JJ HH:MM ; Par État : SN : plafond est un nombre entier.");
        ScreenText.AssertWhole(screen, "Lieu : ✗ obligatoire — p. ex. Entebbe, Centre de services régional ; En ligne pour une séance en ligne");
        Assert.Contains("✗ 5 champs à corriger", screen);
        foreach (var english in new[] { "required", "Venue", "Seats", "must be", "Not saved", "first day" })
            Assert.DoesNotContain(english, screen);

        form.Row(SessionDraft.Venue).Input.Text = "Dakar, École nationale de police";
        form.Row(SessionDraft.End).Input.Text = "2027-06-18";
        form.Row(SessionDraft.Seats).Input.Text = "24";
        form.Row(SessionDraft.Closes).Input.Text = "2027-05-15 18:00";
        form.Row(SessionDraft.Allocations).Input.Text = "SN quota 3 plafond 6, rw cap 4";
        ui.Press(Key.S.WithCtrl);

        var session = client.Sessions.Last();
        Assert.Equal(Session.Types.State.Draft, session.State);
        Assert.Equal(new[] { (3, 6), (0, 4) }, session.Allocations.Select(a => (a.Quota, a.Cap)));
        ScreenText.AssertWhole(ui.Screen(), "✓ Séance UNPOL-STM 7 juin–18 juin 2027 programmée, en projet : O sur la séance l'ouvre.");
        using (Speaking.French())
            Assert.Equal("SN quota 3 plafond 6, RW plafond 4", SessionDraft.Text(session)[SessionDraft.Allocations]);
    }

    [Fact]
    public void CancellingASession_InFrench_SaysWhatItCancels_WithTheStatesAgreed_BeforeAskingWhy()
    {
        var client = Sample.Client();
        var session = client.Sessions[1];
        client.Nominations.Add(Sample.Nomination("SN", "n1", client.Officers[0], session, Nomination.Types.State.Confirmed));
        client.Nominations.Add(Sample.Nomination("SN", "n2", client.Officers[1], session, Nomination.Types.State.Submitted));
        client.Nominations.Add(Sample.Nomination("SN", "n3", client.Officers[2], session, Nomination.Types.State.Submitted));
        client.Nominations.Add(Sample.Nomination("FR", "n4", client.Officers[5], session, Nomination.Types.State.Waitlisted));
        using var ui = InFrench(client);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Dialogs.Reasons.Enqueue("Le lieu est fermé pour travaux.");

        ui.Press((Key)'X');

        Assert.Equal(
            "Annuler la séance: Annuler UNPOL-STM 1 mars–12 mars 2027 (Entebbe RSC) ? 4 candidatures en cours (2 soumises, " +
            "1 en liste d'attente, 1 confirmée ; de FR, SN) sont annulées avec votre motif, et les points focaux le voient aussitôt. " +
            "C'est irréversible.",
            ui.Dialogs.Asked[0]);
        Assert.Equal("Annuler UNPOL-STM: Pourquoi la séance est-elle annulée ? (chaque point focal ayant une candidature le lira)", ui.Dialogs.Asked[1]);
        ScreenText.AssertWhole(ui.Screen(), "✓ UNPOL-STM 1 mars–12 mars 2027 (Entebbe RSC) annulée.");
    }

    [Fact]
    public void AMoveThatDoesNotApply_InFrench_SaysWhyInTheSessionsState()
    {
        using var ui = InFrench(Sample.Client());
        ui.Press(Key.CursorDown).Press(Key.Enter);

        ui.Press((Key)'O');

        Assert.Empty(ui.Dialogs.Asked);
        ScreenText.AssertWhole(ui.Screen(), "✗ La séance est ouverte : seule une séance en projet peut être ouverte.");
    }

    private static NominationFigures Figures(int nominated, int women, int confirmed, int confirmedWomen) => new()
    {
        Nominated = nominated, NominatedWomen = women, Confirmed = confirmed, ConfirmedWomen = confirmedWomen,
        NominatedWomenShare = nominated == 0 ? 0 : (double)women / nominated,
        ConfirmedWomenShare = confirmed == 0 ? 0 : (double)confirmedWomen / confirmed,
    };

    [Fact]
    public void TheParityScreen_InFrench_SaysItsMarksAndRows_InFrench()
    {
        var client = Sample.Client();
        client.Statistics[MarchSession] = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 20, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = Figures(8, 2, 4, 0),
            MemberStates =
            {
                new MemberStateFigures { RegionCode = "SN", Figures = Figures(5, 2, 2, 0) },
                new MemberStateFigures { RegionCode = "FR", Figures = Figures(3, 0, 0, 0) },
            },
        };
        using var ui = InFrench(client);
        ui.Press(Key.CursorDown).Press(Key.Enter).Press('p');
        Assert.IsType<ParityScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("Parité UNPOL-STM", screen);
        ScreenText.AssertWhole(screen, "UNPOL-STM 1 mars–12 mars 2027 : part des femmes, candidats et confirmés");
        ScreenText.AssertWhole(screen, "Repères | 20 % : demandé à la liste de chaque État Membre · 30 % : cible finale (IPO)");
        ScreenText.AssertWhole(screen, "✓ 30 % ou plus ! de 20 % à 30 % ✗ moins de 20 %");
        Assert.Contains("2 sur 8", Line(screen, "Ensemble : candidats"));
        Assert.Contains("Par État Membre", screen);
        Assert.Contains("2 sur 5", Line(screen, "SN : candidats"));
        Assert.Contains("— aucun confirmé", Line(screen, "FR : confirmés"));
        foreach (var english in new[] { "share of women", "Overall", "nominated", "By Member State", " of " })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void TheParityScreen_InFrench_SaysWholeThatOtherStatesAreWithheld()
    {
        var client = Sample.Client();
        client.Statistics[MarchSession] = new SessionStatistics
        {
            Session = MarchSession, Seats = 24, SeatsAvailable = 20, ParityThreshold = 0.2, ParityTarget = 0.3,
            Overall = Figures(5, 2, 2, 0), OtherMemberStatesWithheld = true,
            MemberStates = { new MemberStateFigures { RegionCode = "SN", Figures = Figures(5, 2, 2, 0) } },
        };
        using var ui = InFrench(client, Callers.FocalPoint("SN"));
        ui.Press(Key.CursorDown).Press(Key.Enter).Press('p');
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen,
            "Les chiffres des autres États Membres ne sont pas communiqués : moins de trois ont présenté des candidats.");
        Assert.Contains("2 sur 5", Line(screen, "SN : candidats"));
        Assert.DoesNotContain("Ensemble", screen);
    }

    private static string Line(string screen, string label) => screen.Split('\n').Single(l => l.Contains(label, StringComparison.Ordinal));
}
