using System.Text;
using Terminal.Gui.Input;
using Training.Tui.Screens.Roster;
using Training.Tui.Screens.Shared;
using Training.Tui.Tests.Support;
using Unpol.Training.V1;

namespace Training.Tui.Tests.Screens.Roster;

/// <summary>
/// The roster as a French-speaking focal point works it, at 80×24 without colour: the list, its criteria, the officer
/// form and the import and export say every sentence whole, in French, with French dates and numbers, and take the
/// words they show back as input.
/// </summary>
public sealed class RosterInFrenchTests : IDisposable
{
    private const string RosterFile =
        "national_police_id,family_name,given_name,gender,birth_date,service_start_date,availability\r\n" +
        "SN-PN-1,Diop,Awa,female,1984-03-12,2008-10-01,available\r\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("roster-in-french-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ScreenHarness French(FakeTrainingClient client, Caller? caller = null) =>
        new(client, caller, columns: 80, rows: 24, theme: Theme.NoColor, french: true);

    private static RosterScreen OpenRoster(ScreenHarness ui)
    {
        ui.Press('2');
        return Assert.IsType<RosterScreen>(ui.Current);
    }

    /// <summary>The line of a form that starts with a field's caption (not the help line's "Caption : hint").</summary>
    private static string Line(string screen, string caption) =>
        screen.Split('\n').Single(l => l.TrimStart().StartsWith(caption + " ", StringComparison.Ordinal)
            && !l.TrimStart().StartsWith(caption + " :", StringComparison.Ordinal));

    private static void AssertNoEnglish(string screen, params string[] words)
    {
        foreach (var word in words) Assert.DoesNotContain(word, screen, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRoster_InFrench_CountsAndNamesItsColumns_AndSaysWhatItIsNarrowedTo()
    {
        using var ui = French(Sample.Client());
        OpenRoster(ui);
        var screen = ui.Screen();

        Assert.Contains("Candidats", screen);
        ScreenText.AssertWhole(screen, "SN : 5 agents");
        foreach (var header in new[] { "NOM", "S", "ÂGE", "ANCIENNETÉ", "DISPONIBILITÉ" }) Assert.Contains(header, screen);
        Assert.Matches(@"Diop, Awa\s+F\s+41\s+17\s+disponible", screen);
        Assert.Contains("a ajouter", screen);
        AssertNoEnglish(screen, "officers", "NAME", "AGE ", "SERVICE", "AVAILABILITY", "available", "Roster");

        ui.Press('g');
        ScreenText.AssertWhole(ui.Screen(), "SN : 3 agents — seulement femmes (c efface)");
        ui.Press('g').Press('g').Press('v').Press('v');
        ScreenText.AssertWhole(ui.Screen(), "SN : aucun agent ne correspond — seulement déployé (c efface)");
        AssertNoEnglish(ui.Screen(), "no officer matches", "only", "deployed", "clears");

        ui.Press('c').Press('/').Type("diop");
        ScreenText.AssertWhole(ui.Screen(), "SN : 1 sur 5 agents");
    }

    [Fact]
    public void SortingByName_InFrench_FollowsTheFrenchCollation_FamilyNameFirst()
    {
        var client = Sample.Client();
        client.Officers.AddRange([Sample.Officer("SN", "elise", "Élimane", "Élise"), Sample.Officer("SN", "zora", "Dio", "Zora")]);
        using var ui = French(client);
        var roster = OpenRoster(ui);

        ui.Press('s');

        Assert.Contains("NOM ▲", ui.Screen());
        Assert.Equal(
            ["Dio, Zora", "Diop, Awa", "Élimane, Élise", "Fall, Moussa", "Ndiaye, Fatou", "Sène, Ibrahima", "Sow, Aminata"],
            roster.Source.ShownRows.Select(r => r.Name));
    }

    [Fact]
    public void DeletingAnOfficer_InFrench_AsksWithTheWholeQuestion_AndSaysWhatHappened()
    {
        var client = Sample.Client();
        using var ui = French(client);
        OpenRoster(ui);
        ui.Dialogs.Confirmations.Enqueue(true);

        ui.Press('d');

        Assert.Contains(ui.Dialogs.Asked, q => q.StartsWith(
            "Supprimer l'agent: Supprimer Diop, Awa (matricule SN-awa) de la liste de candidats SN ?\n" +
            "Un agent ayant un historique de candidatures est plutôt anonymisé", StringComparison.Ordinal));
        var screen = ui.Screen();
        ScreenText.AssertWhole(screen, "Supprimé : Diop, Awa.");
        ScreenText.AssertWhole(screen, "SN : 4 agents");
        AssertNoEnglish(screen, "Deleted", "officers");
    }

    [Fact]
    public void AnAdministratorsFullRecord_InFrench_HasFrenchDatesAndWords()
    {
        var client = Sample.Client();
        var claire = client.Officers.Single(o => o.FamilyName == "Martin");
        claire.Vetting = new Vetting { HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = Sample.Date(2024, 2, 8) } };
        claire.Certifications = new Certifications { DrivingLicence = new DrivingLicence { IssueDate = Sample.Date(2015, 7, 1) } };
        using var ui = French(client, Callers.Administrator());
        OpenRoster(ui);
        ui.Press('m');
        var filters = Assert.IsType<RosterFilterScreen>(ui.Current);
        filters.Row(RosterFilterScreen.MemberState).Input.Text = "FR";
        ui.Press(Key.Enter);
        ScreenText.AssertWhole(ui.Screen(), "FR : 1 agent");

        ui.Press(Key.Enter);

        var (_, text) = Assert.Single(ui.Dialogs.Shown);
        Assert.Contains("F · né(e) le 2 avr. 1985 (41 ans) · disponible", text);
        Assert.Contains("Inspector · 17 ans de service depuis le 1 janv. 2010", text);
        Assert.Contains("Matricule FR-claire", text);
        Assert.Contains("Langues CE/CO/EE/EO : fr C1/C1/B2/C1", text);
        Assert.Contains("Compétences : forensics avancé", text);
        Assert.Contains("permis 1 juil. 2015", text);
        Assert.Contains("Vérification en matière de droits de l'homme : validé 8 févr. 2024", text);
        Assert.Contains("Aptitude médicale : absent du dossier", text);
        AssertNoEnglish(text, "born", "years' service", "Languages", "Skills", "advanced", "cleared", "not on file", "driving");
    }

    [Fact]
    public void TheFilters_InFrench_TakeFrenchWords_AndNameTheirProblemsInFrench()
    {
        var client = Sample.Client();
        using var ui = French(client);
        OpenRoster(ui);
        ui.Press('f');
        var filters = Assert.IsType<RosterFilterScreen>(ui.Current);
        var screen = ui.Screen();

        ScreenText.AssertWhole(screen, "Un champ vide ne filtre pas. Entrée applique ; Esc laisse la liste inchangée.");
        foreach (var caption in new[] { "Compétences", "Langues", "Sexe", "Disponibilité", "Appliquer", "Effacer" }) Assert.Contains(caption, screen);
        ScreenText.AssertWhole(screen, "forensics avancé, gender (toutes détenues)");

        ui.Type("forensic avancé");
        screen = ui.Screen();
        Assert.Contains("✗ « forensic » inconnu ; forensics ?", screen);
        Assert.Contains("✗ 1 problème", screen);

        filters.Row(RosterFilterScreen.Skills).Input.Text = "forensics av";
        filters.Row(RosterFilterScreen.Languages).Input.Text = "fr B2";
        filters.Row(RosterFilterScreen.Gender).Input.Text = "femme";
        filters.Row(RosterFilterScreen.Availability).Input.Text = "dispo";
        ui.Pump();
        AssertNoEnglish(ui.Screen(), "Skills", "Languages", "Gender", "Availability", "Apply", "Clear", "Empty fields", "problem");
        ui.Press(Key.Enter);

        Assert.IsType<RosterScreen>(ui.Current);
        var request = client.SearchRequests.Last();
        Assert.Equal(("forensics", SkillLevel.Advanced), (request.Skills[0].SkillCode, request.Skills[0].MinimumLevel));
        Assert.Equal(CefrLevel.B2, request.Languages[0].MinimumLevel);
        Assert.Equal(Gender.Female, request.Gender);
        Assert.Equal(Availability.Available, request.Availability);
        ScreenText.AssertWhole(ui.Screen(), "SN : 3 agents — seulement forensics ≥ avancé · fr ≥ B2 · femmes · disponible (c efface)");
    }

    [Fact]
    public void ANewOfficer_InFrench_ShowsItsProblemsInFrench_AndSavesWhatWasTypedInFrench()
    {
        var client = Sample.Client();
        using var ui = French(client);
        OpenRoster(ui);
        ui.Press('a');
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        var screen = ui.Screen();

        Assert.Contains("Nouvel agent", screen);
        ScreenText.AssertWhole(screen, "Nouvel agent pour la liste de candidats SN. Ctrl+S enregistre ; Esc annule.");
        foreach (var caption in new[] { "Prénom", "Nom", "Sexe", "Né(e) le", "Grade", "Début service", "Matricule", "Disponibilité", "Compétences" })
            Assert.Contains(caption, screen);
        Assert.Contains("disponible", Line(screen, "Disponibilité"));

        ui.Type("Aïssatou").Press(Key.Tab).Type("Diallo").Press(Key.Tab).Type("F").Press(Key.Tab).Type("1990-14-05");
        screen = ui.Screen();
        Assert.Contains("✗ 1990-14-05 : jour inexistant", Line(screen, "Né(e) le"));
        ScreenText.AssertWhole(screen, "✗ 1990-14-05 : jour inexistant — AAAA-MM-JJ");
        AssertNoEnglish(screen, "Given name", "Family name", "Born", "calendar day", "YYYY", "New officer", "roster");

        form.Row(OfficerDraft.BirthDate).Input.Text = "1990-05-14";
        form.Row(OfficerDraft.ServiceStart).Input.Text = "2012-09-01";
        form.Row(OfficerDraft.PoliceId).Input.Text = "SN-4411";
        form.Row(OfficerDraft.Languages).Input.Text = "fr C1/C1/B2/C1, en B2";
        form.Row(OfficerDraft.Skills).Input.Text = "forensics avancé";
        form.Row(OfficerDraft.HumanRights).Input.Text = "validé 2024-03-01";
        form.Row(OfficerDraft.SelfAttestation).Input.Text = "en attente";
        form.Row(OfficerDraft.Courses).Input.Text = "cptm 2024-03-01 au 2028-03-01";
        ui.Press(Key.S.WithCtrl);

        var created = client.Officers.Single(o => o.FamilyName == "Diallo");
        Assert.Equal(Availability.Available, created.Availability);
        Assert.Equal(SkillLevel.Advanced, created.Skills[0].Level);
        Assert.Equal(VettingStatus.Cleared, created.Vetting.HumanRightsScreening.Status);
        Assert.Equal(VettingStatus.Pending, created.Vetting.SelfAttestation.Status);
        Assert.Equal(2028, created.Certifications.CompletedCourses[0].ExpiryDate.Year);
        screen = ui.Screen();
        ScreenText.AssertWhole(screen, "Ajout à la liste de candidats SN : Diallo, Aïssatou.");
        ScreenText.AssertWhole(screen, "SN : 6 agents");
    }

    [Fact]
    public void AnOfficerEdited_InFrench_ShowsTheRecordInFrenchWords_AndNamesWhatWasSaved()
    {
        var client = Sample.Client();
        var moussa = client.Officers.Single(o => o.FamilyName == "Fall");
        moussa.Vetting = new Vetting { MisconductCheck = new VettingItem { Status = VettingStatus.Cleared, Date = Sample.Date(2025, 6, 30) } };
        using var ui = French(client);
        OpenRoster(ui);
        ui.Press(Key.CursorDown).Press(Key.Enter);
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);

        Assert.Equal("Fall, Moussa", form.Heading);
        Assert.Equal("H", form.Row(OfficerDraft.Gender).Input.Text);
        Assert.Equal("disponible", form.Row(OfficerDraft.Availability).Input.Text);
        Assert.Equal("forensics avancé", form.Row(OfficerDraft.Skills).Input.Text);
        Assert.Equal("validé 2025-06-30", form.Row(OfficerDraft.Misconduct).Input.Text);

        form.Row(OfficerDraft.Rank).Input.Text = "Commissaire";
        form.Row(OfficerDraft.Availability).Input.Text = "déployé";
        form.Row(OfficerDraft.Skills).Input.Text = "forensics inter";
        ui.Press(Key.S.WithCtrl);

        Assert.Contains("UpdateOfficer memberStates/SN/officers/moussa rank,availability,skills", client.Calls);
        Assert.Equal(Availability.Deployed, client.Officers.Single(o => o.FamilyName == "Fall").Availability);
        var screen = ui.Screen();
        ScreenText.AssertWhole(screen, "Modifications enregistrées pour Fall, Moussa : grade, disponibilité, compétences.");
        Assert.Matches(@"Fall, Moussa\s+H\s+\d+\s+\d+\s+déployé", screen);
        AssertNoEnglish(screen, "Saved", "rank", "deployed");
    }

    [Fact]
    public void AnOfficerForm_InFrench_SaysEachProblemInFrench_AndKeepsTheSaveForTheService()
    {
        using var ui = French(Sample.Client());
        OpenRoster(ui);
        ui.Press('a');
        var form = Assert.IsType<OfficerFormScreen>(ui.Current);
        form.Row(OfficerDraft.Gender).Input.Text = "X";
        form.Row(OfficerDraft.Languages).Input.Text = "fr C1/B2";
        form.Row(OfficerDraft.Skills).Input.Text = "forensics";
        form.Row(OfficerDraft.Medical).Input.Text = "validé";
        form.Row(OfficerDraft.Availability).Input.Text = "en congé";
        ui.Press(Key.S.WithCtrl);

        var screen = ui.Screen();
        Assert.Contains("✗ obligatoire", Line(screen, "Prénom"));
        Assert.Contains("✗ F ou H", Line(screen, "Sexe"));
        Assert.Contains("✗ fr : 1 niveau ou 4 (CE/CO/EE/EO)", Line(screen, "Langues"));
        Assert.Equal("✗ forensics : ajoutez le niveau (forensics élémentaire)", form.Row(OfficerDraft.Skills).Note.Text);
        Assert.Contains("✗ disponible/déployé/indisponible", Line(screen, "Disponibilité"));
        Assert.Contains("date requise : validé AAAA-MM-JJ", form.GeneralMessage);
        AssertNoEnglish(screen, "required", "one level or four", "add a level", "available/deployed");
    }

    [Fact]
    public void TheFormsWords_InFrench_ReadBackWhatTheyWrite_WithOrWithoutAccents()
    {
        using var french = Speaking.French();
        var today = new DateOnly(2027, 1, 20);

        var pending = OfficerText.Vetting("en attente 2024-01-05", today);
        Assert.Equal(VettingStatus.Pending, pending.Value!.Status);
        Assert.Equal("en attente 2024-01-05", OfficerText.Vetting(pending.Value));
        Assert.Equal("validé 2024-03-01", OfficerText.Vetting(OfficerText.Vetting("VALIDE 2024-03-01", today).Value));
        Assert.Equal(VettingStatus.Flagged, OfficerText.Vetting("s 2023-11-30", today).Value!.Status);
        Assert.Equal("date requise : signalé AAAA-MM-JJ", OfficerText.Vetting("signalé", today).Problem);

        Assert.Equal(Gender.Male, OfficerText.Gender("H").Value);
        Assert.Equal(Gender.Female, OfficerText.Gender("féminin").Value);
        Assert.Equal("H", OfficerText.Gender(Gender.Male));
        Assert.Equal(Availability.Deployed, OfficerText.Availability("deploye").Value);
        Assert.Equal(Availability.Unavailable, OfficerText.Availability("indispo").Value);

        var skills = OfficerText.Skills("forensics Élémentaire", null);
        Assert.Equal("forensics élémentaire", OfficerText.Skills(skills.Value));
        var courses = OfficerText.CompletedCourses("cptm 2024-03-01 au 2028-03-01", today, null);
        Assert.Equal("cptm 2024-03-01 au 2028-03-01", OfficerText.CompletedCourses(courses.Value));
        Assert.Equal("2024-02-30 : jour inexistant", OfficerText.Date("2024-02-30", required: true).Problem);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static ImportExportScreen OpenImportExport(ScreenHarness ui)
    {
        ui.Press('7');
        return Assert.IsType<ImportExportScreen>(ui.Current);
    }

    private static void WaitUntilDone(ScreenHarness ui, ImportExportScreen screen)
    {
        ui.PumpUntil(() => !screen.Running);
        ui.Pump();
    }

    [Fact]
    public void AnImport_InFrench_SaysWhatItDoes_CountsTheFrenchWay_AndListsTheBadRows()
    {
        var client = Sample.Client();
        client.ImportEvents.AddRange([
            new ImportOfficersResponse { RowError = new ImportRowError { Line = 12, Field = "birth_date", Reason = "2027-02-30 n'est pas un jour", NationalPoliceId = "SN-PN-12" } },
            new ImportOfficersResponse { RowError = new ImportRowError { Line = 45, Reason = "la ligne a 5 cellules" } },
        ]);
        client.ImportSummary = new ImportSummary { RowsRead = 1250, Created = 1245, Updated = 2, Unchanged = 1, Rejected = 2, Applied = true };
        var content = RosterFile + string.Concat(Enumerable.Range(2, 1249).Select(i => $"SN-PN-{i},Fall,Moussa,male,1980-01-01,2005-01-01,available\r\n"));
        var path = WriteFile("liste.csv", content);
        using var ui = French(client);
        var screen = OpenImportExport(ui);
        var text = ui.Screen();

        Assert.Contains("Import/Export", text);
        ScreenText.AssertWhole(text, "Importer des agents dans la liste de candidats SN (mise à jour par matricule)");
        foreach (var caption in new[] { "Fichier", "selon l'extension", "au mieux : appliquer les lignes valides", "tout ou rien" }) Assert.Contains(caption, text);
        ScreenText.AssertWhole(text, "Exporter la liste de candidats SN vers un fichier .csv ou .jsonl");
        AssertNoEnglish(text, "Import officers", "File ", "by extension", "best effort", "all or nothing", "Export the");

        ui.Type(path).Press(Key.Enter);
        WaitUntilDone(ui, screen);

        text = ui.Screen();
        Assert.Contains("ImportOfficers memberStates/SN Csv BestEffort", client.Calls);
        ScreenText.AssertWhole(text, "Importé : ");
        ScreenText.AssertWhole(text, "· CSV · au mieux");
        Assert.Equal("lignes lues : 1 250 sur 1 250 · appliquées : 1 248", screen.ProgressMessage.Replace('\u202f', ' '));
        ScreenText.AssertWhole(text.Replace('\u202f', ' '),
            "! Appliqué · lignes lues : 1 250 · refusées : 2 · agents créés : 1 245 · mis à jour : 2 · inchangés : 1");
        ScreenText.AssertWhole(text, "Lignes refusées (2) — Tab vers la liste, ↑↓ PgUp PgDn pour défiler");
        ScreenText.AssertWhole(text, "ligne 12 · birth_date · 2027-02-30 n'est pas un jour (SN-PN-12)");
        ScreenText.AssertWhole(text, "ligne 45 · toute la ligne · la ligne a 5 cellules");
        AssertNoEnglish(text, "Imported", "rows read", "Applied", "Bad rows", "line 12", "created", "updated", "unchanged");
    }

    [Fact]
    public void AnImport_InFrench_ThatAppliesNothing_SaysWhyWhole_AndAFileProblemIsFrench()
    {
        var client = Sample.Client();
        client.ImportEvents.Add(new ImportOfficersResponse { RowError = new ImportRowError { Line = 3, Field = "gender", Reason = "« f » n'est pas female ou male" } });
        client.ImportSummary = new ImportSummary { RowsRead = 2, Created = 0, Rejected = 1, Applied = false };
        using var ui = French(client);
        var screen = OpenImportExport(ui);

        ui.Type(Path.Combine(_folder, "liste.txt")).Press(Key.Enter);
        ScreenText.AssertWhole(ui.Screen(), $"✗ Fichier introuvable : {Path.Combine(_folder, "liste.txt")}");
        var path = WriteFile("liste.txt", RosterFile);
        ui.Press(Key.Enter);
        ScreenText.AssertWhole(ui.Screen(), "✗ Choisissez CSV ou JSON lines ci-dessous : l'extension ne le dit pas.");

        screen.FormatChoice.Value = 1;
        screen.ModeChoice.Value = 1;
        ui.Press(Key.S.WithCtrl);
        WaitUntilDone(ui, screen);

        Assert.Contains($"ImportOfficers memberStates/SN Csv AllOrNothing", client.Calls);
        var text = ui.Screen();
        ScreenText.AssertWhole(text, $"Importé : {path} · CSV · tout ou rien");
        ScreenText.AssertWhole(text,
            "✗ Rien n'a été appliqué (tout ou rien) : 1 ligne(s) refusée(s) sur 2 ; corrigez-les, puis importez de nouveau");
        AssertNoEnglish(text, "Nothing applied", "rows bad", "Choose");
    }

    [Fact]
    public void AnAdministrator_InFrench_IsToldWhyNotToImport_AndExportsInFrench()
    {
        var client = Sample.Client();
        client.Export = (Encoding.UTF8.GetBytes(RosterFile), 1);
        var path = WriteFile("fr.csv", "à garder");
        using var ui = French(client, Callers.Administrator());
        var screen = OpenImportExport(ui);
        var text = ui.Screen();

        ScreenText.AssertWhole(text, "✗ Les administrateurs lisent toutes les listes de candidats mais ne modifient pas les agents.");
        ScreenText.AssertWhole(text, "Importer des agents : réservé à un point focal ou à une intégration en écriture");
        ScreenText.AssertWhole(text, "code à deux lettres de la liste, p. ex. SN");
        Assert.Contains("État Membre", text);

        ui.Type("fr");
        ScreenText.AssertWhole(ui.Screen(), "Exporter la liste de candidats FR vers un fichier .csv ou .jsonl");
        ui.Press(Key.Enter).Type(path);
        ui.Dialogs.Confirmations.Enqueue(false);
        ui.Press(Key.Enter);
        Assert.Equal($"Remplacer le fichier: {path} existe déjà. Le remplacer par la liste de candidats FR ?", ui.Dialogs.Asked[^1]);
        Assert.Equal($"Rien n'a été écrit : {path} a été conservé.", screen.ExportMessage);

        ui.Dialogs.Confirmations.Enqueue(true);
        ui.Press(Key.Enter);
        WaitUntilDone(ui, screen);

        Assert.Equal(RosterFile, File.ReadAllText(path));
        text = ui.Screen();
        ScreenText.AssertWhole(text, $"✓ 1 ligne(s) écrite(s) dans {path}");
        AssertNoEnglish(text, "Administrators", "Member State", "Export the", "rows written", "two-letter");
    }
}
