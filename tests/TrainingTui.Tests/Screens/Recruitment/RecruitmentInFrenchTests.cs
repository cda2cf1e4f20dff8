using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Training.Tui.Screens.Recruitment;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;
using State = Unpol.Training.V1.Nomination.Types.State;

namespace Training.Tui.Tests.Screens.Recruitment;

public sealed class RecruitmentInFrenchTests
{
    private const string Forensics = "requests/forensics-minusca";

    private static FakeTrainingClient Client()
    {
        var client = Sample.Client();
        client.Missions.Add(new Mission { Name = "missions/minusca", Acronym = "MINUSCA", DisplayName = "MINUSCA", WorkingLanguageCodes = { "fr" } });
        client.Requests.AddRange([
            new RecruitmentRequest
            {
                Name = Forensics, Title = "Enquêteurs de police scientifique", Mission = "missions/minusca", Category = PersonnelCategory.Ipo,
                ExpertProfile = "Techniciens de scène de crime capables de former leurs homologues.", Stream = SkillStream.PoliceOperations,
                OfficerCount = 12, DeploymentDate = Sample.Date(2027, 6, 1),
                Deadline = Timestamp.FromDateTime(new DateTime(2027, 3, 15, 9, 0, 0, DateTimeKind.Utc)),
                Languages = { new LanguageRequirement { LanguageCode = "fr", MinimumLevel = CefrLevel.B2 } },
                Skills = { new SkillRequirement { SkillCode = "forensics", MinimumLevel = SkillLevel.Advanced } },
                AmsRequired = true, TargetWomenShare = 0.3, State = RecruitmentRequest.Types.State.Open, Etag = "\"1\"",
            },
            new RecruitmentRequest
            {
                Name = "requests/community-unmiss", Title = "Conseillers en police de proximité", Mission = "missions/unmiss",
                Category = PersonnelCategory.ProfessionalPost, OfficerCount = 1, DeploymentDate = Sample.Date(2027, 4, 1),
                Deadline = Timestamp.FromDateTime(new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc)),
                State = RecruitmentRequest.Types.State.Closed, Etag = "\"1\"",
            },
        ]);
        var o = client.Officers;
        client.Nominations.AddRange([
            ToRequest("SN", "r1", o[0], State.Submitted),
            ToRequest("SN", "r2", o[1], State.Shortlisted),
            ToRequest("SN", "r3", o[4], State.Shortlisted),
        ]);
        client.Matches[Forensics] = new MatchCandidatesResponse
        {
            Candidates = { Candidate(o[2], 35), Candidate(o[3], 25, "Âgé de 57 ans le 1 juin 2027 : 55 ans ou plus.") },
            EligibleCount = 2, ConsideredCount = 5,
            Scoring = "language_margin: 5 points par niveau CECR au-dessus du niveau requis",
        };
        return client;
    }

    private static Nomination ToRequest(string region, string id, Officer officer, State state) => new()
    {
        Name = $"memberStates/{region}/nominations/{id}", Officer = officer.Name, Request = Forensics, State = state,
        OfficerDisplayName = $"{officer.FamilyName}, {officer.GivenName}", OfficerGender = officer.Gender, Etag = "\"1\"",
        UpdateTime = Timestamp.FromDateTime(new DateTime(2027, 1, 18, 10, 0, 0, DateTimeKind.Utc)),
    };

    private static Candidate Candidate(Officer officer, double score, params string[] warnings) => new()
    {
        Officer = officer.Name, OfficerDisplayName = $"{officer.FamilyName}, {officer.GivenName}", Gender = officer.Gender, Score = score,
        Components = { new ScoreComponent { Component = "language_margin", Points = score, Explanation = "français 2 niveaux au-dessus de B2" } },
        Warnings = { warnings },
    };

    private static ScreenHarness French(FakeTrainingClient client, Caller? caller = null) =>
        new(client, caller, columns: 80, rows: 24, theme: Theme.NoColor, french: true);

    private static string Line(string screen, string text) => screen.Split('\n').First(l => l.Contains(text, StringComparison.Ordinal));

    private static void MoveTo(ScreenHarness ui, RequestScreen screen, string officer)
    {
        ui.Press(Key.Home.WithCtrl);
        for (var i = 0; i < screen.Source.Rows && screen.Selected?.OfficerDisplayName != officer; i++) ui.Press(Key.CursorDown);
        Assert.Equal(officer, screen.Selected?.OfficerDisplayName);
    }

    [Fact]
    public void TheRequests_InFrench_SayWhatTheyList_WithFrenchDates()
    {
        using var ui = French(Client());
        ui.Press('5');
        var screen = ui.Screen();

        Assert.Contains("│ Demandes", screen);
        ScreenText.AssertWhole(screen, "2 sur 2 demandes · 1 acceptant des candidatures — Entrée ouvre une demande");
        Assert.Matches(@"INTITULÉ\s+MISSION\s+AGENTS\s+DATE LIMITE\s+LANGUES\s+COMPÉTENCES\s+ÉTAT", screen);
        Assert.Matches(@"MINUSCA\s+12\s+15 mars 2027\s+fr B2\s+forensics ≥ a…\s+ouverte", Line(screen, "Enquêteurs"));
        Assert.Matches(@"UNMISS\s+1\s+15 janv\. 2027\s+fermée", Line(screen, "Conseillers"));
        Assert.Contains("Enter ouvrir", screen);
        foreach (var english in new[] { "requests", "taking nominations", "TITLE", "DEADLINE", "Mar ", "open", "closed" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void ARequest_InFrench_ReadsWhole_WhatItAsksAndWhereItsNominationsStand()
    {
        using var ui = French(Client());
        ui.Press('5').Press(Key.Enter);
        Assert.IsType<RequestScreen>(ui.Current);
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "MINUSCA · IPO · 12 agents · déploiement le 1 juin 2027 · Opérations de police");
        ScreenText.AssertWhole(screen, "Ouverte jusqu'au 15 mars 2027 09:00 UTC");
        ScreenText.AssertWhole(screen, "Conditions : fr B2 · forensics ≥ avancé · AMS réussie et valable au déploiement");
        ScreenText.AssertWhole(screen, $"Femmes visées : {Format.Percent(0.3)} des déployés · aucun déploiement · 2 sur 3 en cours");
        ScreenText.AssertWhole(screen, "Profil : Techniciens de scène de crime capables de former leurs homologues.");
        ScreenText.AssertWhole(screen, "Candidatures de SN : 1 soumise, 2 présélectionnées · 12 agents recherchés");
        Assert.Matches(@"AGENT\s+ÉM\s+S\s+ÉTAT\s+MODIFIÉE", screen);
        Assert.Contains("m rapprocher", screen);
        foreach (var english in new[] { "officers", "deploys", "Requires", "Women", "shortlisted", "sought", "Open until" })
            Assert.DoesNotContain(english, screen);

        ui.Press('i');
        var (title, text) = ui.Dialogs.Shown[^1];
        Assert.Equal("Enquêteurs de police scientifique", title);
        Assert.Contains("Date limite : 15 mars 2027 09:00 UTC", text);
        Assert.Contains("Profil d'expert recherché :", text);
        Assert.Contains($"Femmes visées : {Format.Percent(0.3)} des effectifs déployés", text);
    }

    [Fact]
    public void AnAdministrator_InFrench_IsToldWhyAStepCannotApply_AndAskedBeforeSelecting()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press(Key.Enter);
        var request = Assert.IsType<RequestScreen>(ui.Current);
        Assert.Contains("h présélectionner", ui.Screen());
        MoveTo(ui, request, "Diop, Awa");

        ui.Press('d');
        Assert.Equal("✗ La candidature de Diop, Awa est soumise : seules les candidatures habilitées peuvent être déployées.", ui.Shell.Message);
        ScreenText.AssertWhole(ui.Screen(), "La candidature de Diop, Awa est soumise : seules les candidatures habilitées peuvent être déployées.");

        ui.Press('h');
        Assert.Equal("✓ Candidature de Diop, Awa présélectionnée ; l la sélectionne pour le déploiement.", ui.Shell.Message);
        ScreenText.AssertWhole(ui.Screen(), "Candidatures : 3 présélectionnées · 12 agents recherchés");

        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press('l');
        Assert.Equal("Sélectionner pour le déploiement: Sélectionner Diop, Awa (SN) pour l'un des 12 agents demandés par la mission MINUSCA ? " +
                     "Le point focal le voit aussitôt.", ui.Dialogs.Asked[^1]);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("Select ", StringComparison.Ordinal));
    }

    [Fact]
    public void CancellingARequest_InFrench_SaysWhichNominationsItCancels()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press(Key.Enter);
        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Dialogs.Reasons.Enqueue("La composante police de la mission est réduite.");

        ui.Press((Key)'X');

        Assert.StartsWith("Annuler la demande: Annuler la demande « Enquêteurs de police scientifique » (MINUSCA) ? " +
                          "Ses 3 candidatures en cours (1 soumise, 2 présélectionnées ; de SN) sont annulées avec votre motif, " +
                          "et les points focaux le voient. C'est irréversible.", ui.Dialogs.Asked[0]);
        Assert.Equal("Annuler la demande: Pourquoi la demande est-elle annulée ? (chaque point focal ayant une candidature le lira)", ui.Dialogs.Asked[1]);
        Assert.Equal("✓ La demande « Enquêteurs de police scientifique » (MINUSCA) est annulée.", ui.Shell.Message);
        ScreenText.AssertWhole(ui.Screen(), "Annulée : La composante police de la mission est réduite.");
    }

    [Fact]
    public void TheRequestForm_InFrench_RefusesBesideEachField_InFrench()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press('a');
        var form = Assert.IsType<RequestFormScreen>(ui.Current);
        ScreenText.AssertWhole(ui.Screen(),
            "Une nouvelle demande : en projet jusqu'à ce que vous l'ouvriez (O sur la demande). Ctrl+S enregistre ; Esc annule.");
        form.Row(RequestDraft.Title).Input.Text = "Conseillers en police de proximité";
        form.Row(RequestDraft.Mission).Input.Text = "unamid";
        form.Row(RequestDraft.Count).Input.Text = "6";
        form.Row(RequestDraft.Deployment).Input.Text = "2027-09-01";
        form.Row(RequestDraft.Deadline).Input.Text = "2027-09-02";
        form.Row(RequestDraft.Women).Input.Text = "130 %";

        ui.Press(Key.S.WithCtrl);

        Assert.Same(form, ui.Current);
        Assert.DoesNotContain(client.Calls, c => c.StartsWith("CreateRequest", StringComparison.Ordinal));
        Assert.Equal("« UNAMID » : mission inconnue", form.Row(RequestDraft.Mission).Problem);
        Assert.Equal("pas après le jour du déploiement", form.Row(RequestDraft.Deadline).Problem);
        Assert.Equal("une part de 0 % à 100 %", form.Row(RequestDraft.Women).Problem);
        var screen = ui.Screen();
        Assert.Contains("Nouvelle demande", screen);
        ScreenText.AssertWhole(screen, "✗ « UNAMID » : mission inconnue");
        ScreenText.AssertWhole(screen, "✗ pas après le jour du déploiement");
        ScreenText.AssertWhole(screen, "Mission : ✗ « UNAMID » : mission inconnue — le sigle de la mission, p. ex. MINUSCA");
        foreach (var caption in new[] { "Intitulé", "Catégorie", "Agents", "Déploiement", "Date limite", "Langues", "Compétences" })
            Assert.Contains(caption, screen);
        foreach (var english in new[] { "is not a known mission", "must fall", "Deploys on", "Deadline", "A new request" })
            Assert.DoesNotContain(english, screen);
    }

    [Fact]
    public void TheRequestForm_InFrench_TakesFrenchWordsAndDecimalCommas()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press('a');
        var form = Assert.IsType<RequestFormScreen>(ui.Current);
        Assert.Equal("ipo, fpu, spt, poste", RequestDraft.Fields.Single(f => f.Key == RequestDraft.Category).Hint);
        form.Row(RequestDraft.Title).Input.Text = "Conseillère en administration";
        form.Row(RequestDraft.Mission).Input.Text = "minusca";
        form.Row(RequestDraft.Category).Input.Text = "poste";
        form.Row(RequestDraft.Count).Input.Text = "1";
        form.Row(RequestDraft.Deployment).Input.Text = "2027-09-01";
        form.Row(RequestDraft.Deadline).Input.Text = "2027-06-30 17:00";
        form.Row(RequestDraft.Women).Input.Text = "12,5 %";
        form.Row(RequestDraft.Stream).Input.Text = "adm";

        ui.Press(Key.S.WithCtrl);

        var created = client.Requests.Single(r => r.Title == "Conseillère en administration");
        Assert.Equal(PersonnelCategory.ProfessionalPost, created.Category);
        Assert.Equal(SkillStream.PoliceAdministration, created.Stream);
        Assert.Equal(0.125, created.TargetWomenShare, 3);
        Assert.Equal("✓ « Conseillère en administration » publiée en projet : O sur la demande l'ouvre aux États Membres.", ui.Shell.Message);
    }

    [Fact]
    public void SavingAnEdit_InFrench_NamesTheChangedFieldsByTheirCaptions()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press(Key.Enter).Press('e');
        var form = Assert.IsType<RequestFormScreen>(ui.Current);
        Assert.Equal("Modifier Enquêteurs de police scientif…", form.Heading);
        Assert.Equal("30%", form.Row(RequestDraft.Women).Input.Text);
        Assert.Equal("opérations", form.Row(RequestDraft.Stream).Input.Text);

        form.Row(RequestDraft.Count).Input.Text = "8";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("UpdateRequest requests/forensics-minusca officer_count", client.Calls);
        Assert.Equal("✓ « Enquêteurs de police scientifique » enregistrée : Agents.", ui.Shell.Message);
        ScreenText.AssertWhole(ui.Screen(), "MINUSCA · IPO · 8 agents · déploiement le 1 juin 2027");
    }

    [Fact]
    public void Matching_InFrench_CountsWomenAndSelection_AndReviewsInFrench()
    {
        var client = Client();
        using var ui = French(client);
        ui.Press('5').Press(Key.Enter).Press('m');
        var match = Assert.IsType<RequestMatchScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("Rapprochement SN", screen);
        ScreenText.AssertWhole(screen, "2 sur 5 agents de SN remplissent toutes les conditions · calcul du score (i) :");
        ScreenText.AssertWhole(screen, "Liste de SN : 3 en cours, 2 femmes");
        Assert.Matches(@"●\s+SCORE\s+NOM\s+S\s+RÉSULTAT\s+POURQUOI\s+AVERTISSEMENTS", screen);
        Assert.Contains("Space sélectionner", screen);

        ui.Press(Key.Space);
        screen = ui.Screen();
        ScreenText.AssertWhole(screen, $"Liste de SN : 3 en cours, 2 femmes · avec la sélection 4, 3 femmes ({Format.Percent(0.75)})");
        ScreenText.AssertWhole(screen, "1 sélectionné(s) (1 femme), n soumet");

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press('n');
        var review = ui.Dialogs.Asked[^1];
        Assert.StartsWith("Vérifier la candidature: Présenter 1 agent de SN à la mission MINUSCA, « Enquêteurs de police scientifique » " +
                          "(candidatures jusqu'au 15 mars 2027 09:00 UTC) :", review);
        Assert.Contains("Ndiaye, Fatou (F), score 35", review);
        Assert.Contains("Aucun avertissement sur ces agents.", review);
        Assert.Contains("Le service vérifie de nouveau chaque règle pour chaque agent au moment de la soumission.", review);
        Assert.Equal("✓ 1 sur 1 soumises à la mission MINUSCA.", ui.Shell.Message);
        Assert.Contains("✓ soumise", Line(ui.Screen(), "Ndiaye, Fatou"));

        ui.Press(Key.Home.WithCtrl).Press(Key.Space);
        Assert.Equal("✗ La candidature de Ndiaye, Fatou est déjà soumise à cette demande.", ui.Shell.Message);
        foreach (var english in new[] { "officers of", "pass every rule", "under way", "women", "selected", "scoring" })
            Assert.DoesNotContain(english, ui.Screen());
        Assert.NotNull(match.RegionCode);
    }

    [Fact]
    public void AnAdministratorsMatch_InFrench_AsksWhoseOfficers_InAWholeSentence()
    {
        var client = Client();
        client.Caller = Callers.Administrator();
        using var ui = French(client, Callers.Administrator());
        ui.Press('5').Press(Key.Enter).Press('m');
        Assert.IsType<RequestMatchScreen>(ui.Current);
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "Les agents de quel État Membre ? Tapez son code de pays (p. ex. SN) puis Entrée ; Esc revient en arrière.");
        Assert.Contains("État Membre (p. ex. SN), Entrée :", screen);

        ui.Type("senegal").Press(Key.Enter);
        Assert.Equal("✗ Un État Membre se désigne par son code de pays à deux lettres, p. ex. SN.", ui.Shell.Message);
        for (var i = 0; i < 7; i++) ui.Press(Key.Backspace);
        ui.Type("sn").Press(Key.Enter);
        ui.Press(Key.Space);
        Assert.Equal("✗ Seul le point focal de l'État Membre présente des candidats ; ce rapprochement est fourni pour information.", ui.Shell.Message);
        ScreenText.AssertWhole(ui.Screen(), "Liste de SN : 3 en cours, 2 femmes · m autre État Membre");
    }
}
