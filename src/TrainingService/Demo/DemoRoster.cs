using System.Globalization;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Demo;

/// <summary>A language as a demo State's officers hold it: how many hold it and the levels they typically reach.</summary>
/// <param name="Share">Fraction of the roster holding it.</param>
/// <param name="Levels">Typical overall levels, drawn uniformly (repeat a level to weight it).</param>
/// <param name="MostlySpoken">A language more spoken than written (Wolof, Hausa): reading and writing well below speaking.</param>
internal sealed record DemoLanguage(string Code, double Share, CefrLevel[] Levels, bool MostlySpoken = false);

/// <summary>One demo Member State: roster size, share of women, names, ranks (junior to senior), languages.</summary>
internal sealed record DemoMemberState(
    string RegionCode,
    int Officers,
    double WomenShare,
    string PoliceIdPrefix,
    int PoliceIdDigits,
    string AmsLanguage,
    string[] Ranks,
    string[] MaleGivenNames,
    string[] FemaleGivenNames,
    string[] FamilyNames,
    string[] FemaleFamilyNames,
    string[] FavouredSkills,
    DemoLanguage[] Languages);

/// <summary>
/// The demo rosters: six police-contributing countries with their own names, ranks and languages, and officers
/// drawn from a seeded <see cref="Random"/> so every demo database holds the same people (dates are relative to
/// the day of seeding). The mixes are illustrative, not statistics of any real roster.
/// </summary>
internal static class DemoRoster
{
    private static readonly CefrLevel[] Native = [CefrLevel.C2];

    public static readonly IReadOnlyList<DemoMemberState> States =
    [
        new("SN", 140, 0.24, "SN-PN-", 6, "fr",
            ["Agent de police", "Brigadier", "Brigadier-chef", "Sous-officier", "Inspecteur de police", "Officier de police",
             "Officier de police principal", "Commissaire de police", "Commissaire principal", "Commissaire divisionnaire"],
            ["Mamadou", "Moussa", "Cheikh", "Ousmane", "Abdoulaye", "Ibrahima", "Modou", "Alioune", "Babacar", "Souleymane",
             "Pape", "Serigne", "Lamine", "El Hadji", "Théodore", "Jean-Baptiste", "Mouhamed", "Amadou", "Omar", "Birame"],
            ["Aïssatou", "Fatou", "Awa", "Mariama", "Ndèye", "Khady", "Coumba", "Adja", "Aminata", "Rokhaya", "Sokhna",
             "Binta", "Marième", "Astou", "Seynabou", "Thérèse", "Dieynaba", "Yacine"],
            ["Ndiaye", "Diop", "Fall", "Sène", "Sow", "Diallo", "Ba", "Gueye", "Faye", "Mbaye", "Ndoye", "Cissé", "Sarr",
             "Diouf", "Touré", "Kane", "Thiam", "Seck", "Niang", "Mbengue", "Camara", "Sy", "Dieng", "Ndour", "Badji",
             "Diatta", "Mendy", "Goudiaby", "Sagna"],
            [],
            ["investigations", "border-management", "criminal-intelligence"],
            [
                new("fr", 1.0, [CefrLevel.C1, CefrLevel.C1, CefrLevel.C2, CefrLevel.C2, CefrLevel.C2]),
                new("wo", 0.85, Native, MostlySpoken: true),
                new("en", 0.40, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1]),
                new("ar", 0.07, [CefrLevel.A2, CefrLevel.B1]),
            ]),
        new("RW", 130, 0.32, "RW-RNP-", 5, "en",
            ["Constable", "Corporal", "Sergeant", "Assistant Inspector of Police", "Inspector of Police", "Chief Inspector of Police",
             "Superintendent of Police", "Senior Superintendent of Police", "Assistant Commissioner of Police", "Commissioner of Police"],
            ["Jean Claude", "Emmanuel", "Jean de Dieu", "Eric", "Patrick", "Innocent", "Théogène", "Fidèle", "Célestin", "Alphonse",
             "Didier", "Olivier", "Faustin", "Évariste", "Aimable", "Janvier", "Jean Bosco", "Védaste"],
            ["Claudine", "Marie Chantal", "Immaculée", "Josiane", "Alice", "Diane", "Jeanne", "Annonciata", "Béatrice",
             "Clémentine", "Solange", "Vestine", "Olive", "Esther", "Grâce", "Aline"],
            ["Niyonzima", "Habimana", "Nsengimana", "Mugisha", "Nkurunziza", "Hakizimana", "Niyitegeka", "Bizimana", "Munyaneza",
             "Nshimiyimana", "Twagirayezu", "Ndayisaba", "Rutayisire", "Gasana", "Kamanzi", "Uwimana", "Iradukunda"],
            ["Mukamana", "Uwase", "Ingabire", "Kayitesi", "Mukeshimana", "Uwamahoro", "Mutesi", "Umutoni", "Murekatete",
             "Uwimana", "Iradukunda", "Nyiraneza"],
            ["community-oriented-policing", "gender", "sgbv-investigation", "public-order-management"],
            [
                new("rw", 1.0, Native),
                new("en", 0.95, [CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1, CefrLevel.C1]),
                new("fr", 0.45, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1]),
                new("sw", 0.30, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B2]),
            ]),
        new("BD", 130, 0.22, "BD-BP-", 7, "en",
            ["Constable", "Assistant Sub-Inspector", "Sub-Inspector", "Inspector", "Assistant Superintendent of Police",
             "Additional Superintendent of Police", "Superintendent of Police", "Additional Deputy Inspector General",
             "Deputy Inspector General"],
            ["Rafiqul", "Shahidul", "Mizanur", "Kamrul", "Habibur", "Anisur", "Masud", "Tanvir", "Rezaul", "Jahangir", "Nazmul",
             "Saiful", "Mahbub", "Asif", "Imran", "Sumon", "Arif"],
            ["Nasrin", "Shirin", "Farhana", "Sharmin", "Taslima", "Nusrat", "Rokeya", "Sabina", "Shahana", "Fatema", "Dilruba",
             "Jannatul", "Mousumi", "Rupa", "Tahmina", "Ayesha", "Lipi"],
            ["Rahman", "Hossain", "Islam", "Ahmed", "Chowdhury", "Sarker", "Uddin", "Alam", "Haque", "Karim", "Miah", "Talukder",
             "Bhuiyan", "Mahmud", "Siddique", "Kabir", "Mollah"],
            ["Akter", "Begum", "Khatun", "Sultana", "Rahman", "Islam", "Haque", "Chowdhury"],
            ["public-order-management", "protection-of-civilians", "logistics"],
            [
                new("bn", 1.0, Native),
                new("en", 0.92, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1]),
                new("fr", 0.05, [CefrLevel.A1, CefrLevel.A2, CefrLevel.B1]),
                new("hi", 0.10, [CefrLevel.A2, CefrLevel.B1]),
            ]),
        new("JO", 100, 0.20, "JO-PSD-", 6, "en",
            ["Sergeant", "Staff Sergeant", "Warrant Officer", "Lieutenant", "First Lieutenant", "Captain", "Major",
             "Lieutenant Colonel", "Colonel", "Brigadier"],
            ["Mohammad", "Ahmad", "Omar", "Khaled", "Ali", "Yousef", "Ibrahim", "Hamza", "Laith", "Tariq", "Zaid", "Faisal",
             "Mahmoud", "Bilal", "Saleh", "Qais", "Nasser", "Anas", "Hussein", "Osama"],
            ["Rania", "Dina", "Lina", "Hala", "Noor", "Sara", "Reem", "Aseel", "Maysa", "Rawan", "Hanan", "Areej", "Ruba",
             "Suha", "Haneen", "Lama"],
            ["Al-Masri", "Haddad", "Al-Khatib", "Al-Zoubi", "Obeidat", "Al-Momani", "Bani Hani", "Khasawneh", "Al-Tarawneh",
             "Al-Majali", "Al-Rawashdeh", "Al-Qudah", "Nsour", "Al-Hiyari", "Al-Smadi", "Abu Rumman", "Shdeifat",
             "Al-Sharif", "Al-Adwan", "Al-Fayez", "Jaradat", "Al-Azzam", "Bataineh"],
            [],
            ["countering-ieds", "close-protection", "public-order-management", "cybercrime"],
            [
                new("ar", 1.0, Native),
                new("en", 0.90, [CefrLevel.B1, CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1, CefrLevel.C2]),
                new("fr", 0.06, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B2]),
            ]),
        new("NE", 90, 0.21, "NE-PN-", 5, "fr",
            ["Gardien de la paix", "Brigadier", "Brigadier-chef", "Inspecteur de police", "Inspecteur principal", "Officier de police",
             "Officier de police principal", "Commissaire de police", "Commissaire principal", "Commissaire divisionnaire"],
            ["Moussa", "Issoufou", "Abdou", "Oumarou", "Hamadou", "Seydou", "Boubacar", "Ibrahim", "Mahamadou", "Souley",
             "Hassane", "Idrissa", "Amadou", "Salifou", "Adamou", "Yacouba", "Garba", "Illiassou"],
            ["Aïchatou", "Mariama", "Hadiza", "Fatimata", "Zeinabou", "Rabi", "Safiatou", "Ramatou", "Haoua", "Balkissa", "Hawa",
             "Salamatou", "Aminatou", "Roukaya"],
            ["Issa", "Moussa", "Hamani", "Maïga", "Abdou", "Ousmane", "Garba", "Mahamane", "Idrissa", "Saïdou", "Soumana",
             "Boubacar", "Amadou", "Hassane", "Djibo", "Oumarou", "Seyni", "Kané", "Zakari", "Alzouma", "Harouna", "Adamou",
             "Illo", "Daouda"],
            [],
            ["border-management", "transnational-organized-crime", "countering-ieds"],
            [
                new("fr", 1.0, [CefrLevel.C1, CefrLevel.C1, CefrLevel.C2, CefrLevel.C2]),
                new("ha", 0.65, Native, MostlySpoken: true),
                new("en", 0.18, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B1, CefrLevel.B2]),
                new("ar", 0.10, [CefrLevel.A2, CefrLevel.B1, CefrLevel.B2]),
            ]),
        new("NP", 70, 0.26, "NP-NP-", 6, "en",
            ["Police Constable", "Police Head Constable", "Assistant Sub-Inspector", "Sub-Inspector", "Inspector",
             "Deputy Superintendent of Police", "Superintendent of Police", "Senior Superintendent of Police",
             "Deputy Inspector General"],
            ["Ram", "Krishna", "Bikash", "Sanjay", "Rajesh", "Dipak", "Suman", "Prakash", "Bishnu", "Hari", "Ramesh", "Santosh",
             "Dinesh", "Anil", "Nabin", "Kiran", "Rabin", "Sujan"],
            ["Sita", "Gita", "Sunita", "Anita", "Sabina", "Sarita", "Kamala", "Pooja", "Sushma", "Nirmala", "Bimala", "Laxmi",
             "Sangita", "Asmita", "Pratima", "Manisha"],
            ["Shrestha", "Thapa", "Gurung", "Tamang", "Magar", "Rai", "Limbu", "Karki", "Adhikari", "Sharma", "Poudel",
             "Bhattarai", "K.C.", "Khadka", "Basnet", "Maharjan", "Shah", "Bista", "Ghimire", "Pandey", "Rana", "Yadav",
             "Chaudhary"],
            [],
            ["crime-prevention", "traffic-management", "child-protection"],
            [
                new("ne", 1.0, Native),
                new("en", 0.88, [CefrLevel.B1, CefrLevel.B1, CefrLevel.B2, CefrLevel.B2, CefrLevel.C1]),
                new("hi", 0.55, [CefrLevel.B1, CefrLevel.B2, CefrLevel.C1]),
            ]),
    ];

    /// <summary>Everyday policing skills, most common first (repeats weight the draw).</summary>
    private static readonly string[] GeneralSkills =
    [
        "patrolling", "patrolling", "investigations", "investigations", "community-oriented-policing",
        "community-oriented-policing", "public-order-management", "crime-prevention", "traffic-management",
        "protection-of-civilians", "border-management", "close-protection", "training-and-mentoring", "logistics",
        "human-resources", "ict", "legal-affairs", "budget", "analysis", "crisis-management", "police-reform",
    ];

    /// <summary>Command and planning skills, drawn more often for senior officers.</summary>
    private static readonly string[] CommandSkills = ["command", "planning", "crisis-management", "police-reform", "training-and-mentoring"];

    /// <summary>The A4P+ specialist tags.</summary>
    private static readonly string[] SpecialistSkills =
    [
        "forensics", "forensics", "sgbv-investigation", "sgbv-investigation", "gender", "child-protection",
        "serious-organized-crime", "transnational-organized-crime", "environmental-crime", "cybercrime",
        "countering-ieds", "countering-ieds", "countering-uav", "criminal-intelligence", "crimes-against-peacekeepers",
    ];

    private const string IdLetters = "abcdefghijklmnopqrstuvwxyz";
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// The officers of every demo State, new (not yet stored). <paramref name="cptm"/> gives completed CPTM
    /// certificates their expiry, so UNPOL STM's prerequisite holds for some officers and has lapsed for a few.
    /// </summary>
    public static List<Officer> Generate(Random random, DateOnly today, DateTime now, Course cptm)
    {
        var officers = new List<Officer>();
        foreach (var state in States)
        {
            var policeIds = new HashSet<string>();
            var officerIds = new HashSet<string>();
            // The State's share of women exactly, in shuffled places, rather than whatever a coin toss per officer gives.
            var women = Enumerable.Range(0, state.Officers).Select(i => i < (int)Math.Round(state.Officers * state.WomenShare)).ToArray();
            random.Shuffle(women);
            foreach (var woman in women)
                officers.Add(NewOfficer(random, state, woman, today, now, cptm, policeIds, officerIds));
        }

        // One or two misconduct flags across the rosters, so the vetting rule is seen refusing someone.
        for (var flagged = 0; flagged < 2; flagged++)
        {
            var officer = officers[random.Next(officers.Count)];
            officer.Vetting.MisconductCheck = new VettingItem { Status = VettingStatus.Flagged, Date = today.AddDays(-random.Next(20, 400)) };
        }
        return officers;
    }

    private static Officer NewOfficer(Random random, DemoMemberState state, bool woman, DateOnly today, DateTime now, Course cptm,
        HashSet<string> policeIds, HashSet<string> officerIds)
    {
        var retired = random.NextDouble() < 0.03;
        var age = retired ? random.Next(55, 61) : 27 + random.Next(0, 21) + random.Next(0, 13);
        var birth = today.AddYears(-age).AddDays(-random.Next(0, 365));

        DateOnly? retirement = retired ? today.AddDays(-random.Next(60, 7 * 365)) : null;
        // Officers join between 20 and 32; a few recent recruits (under 5 years) are young ones.
        var serviceEnd = retirement ?? today;
        var ageAtEnd = Dates.FullYearsBetween(birth, serviceEnd);
        var years = ageAtEnd <= 34 && random.NextDouble() < 0.15
            ? random.Next(2, 5)
            : random.Next(Math.Max(5, ageAtEnd - 32), Math.Max(6, Math.Min(31, ageAtEnd - 20)));
        var serviceStart = serviceEnd.AddYears(-years).AddDays(-random.Next(0, 365));
        if (serviceStart < birth.AddYears(20)) serviceStart = birth.AddYears(20);

        var familyNames = woman && state.FemaleFamilyNames.Length > 0 ? state.FemaleFamilyNames : state.FamilyNames;
        var languages = Languages(random, state);
        var officer = new Officer
        {
            RegionCode = state.RegionCode,
            Id = Unique(officerIds, () => NewId(random)),
            GivenName = Pick(random, woman ? state.FemaleGivenNames : state.MaleGivenNames),
            FamilyName = Pick(random, familyNames),
            Gender = woman ? Gender.Female : Gender.Male,
            BirthDate = birth,
            Rank = Rank(random, state.Ranks, Dates.FullYearsBetween(serviceStart, serviceEnd)),
            ServiceStartDate = serviceStart,
            RetirementDate = retirement,
            NationalPoliceId = Unique(policeIds, () => state.PoliceIdPrefix
                + random.Next(1, (int)Math.Pow(10, state.PoliceIdDigits)).ToString($"D{state.PoliceIdDigits}", CultureInfo.InvariantCulture)),
            Languages = languages,
            Skills = Skills(random, state, years),
            Certifications = Certifications(random, state, languages, birth, serviceStart, today, cptm),
            Vetting = Vetting(random, today),
            Availability = random.NextDouble() switch
            {
                < 0.82 => Availability.Available,
                < 0.92 => Availability.Deployed,
                _ => Availability.Unavailable,
            },
            CreateTime = now,
            UpdateTime = now,
            Revision = 1,
        };
        officer.Key = OfficerKeys.Key(officer.RegionCode, officer.Id);
        return officer;
    }

    private static List<LanguageProficiency> Languages(Random random, DemoMemberState state)
    {
        var held = new List<LanguageProficiency>();
        foreach (var language in state.Languages)
        {
            if (random.NextDouble() >= language.Share) continue;
            var level = (int)Pick(random, language.Levels);
            held.Add(language.MostlySpoken
                ? new LanguageProficiency
                {
                    LanguageCode = language.Code,
                    Reading = Level(level - 3 - random.Next(0, 2)),
                    Listening = Level(level),
                    Writing = Level(level - 4 - random.Next(0, 2)),
                    Speaking = Level(level),
                }
                : new LanguageProficiency
                {
                    LanguageCode = language.Code,
                    Reading = Level(level + random.Next(0, 2)),
                    Listening = Level(level + random.Next(0, 2)),
                    Writing = Level(level - random.Next(0, 2)),
                    Speaking = Level(level),
                });
        }
        return held;
    }

    private static CefrLevel Level(int level) => (CefrLevel)Math.Clamp(level, (int)CefrLevel.A1, (int)CefrLevel.C2);

    private static List<SkillProficiency> Skills(Random random, DemoMemberState state, int serviceYears)
    {
        var count = 1 + (random.NextDouble() < 0.55 ? 1 : 0) + (random.NextDouble() < 0.2 ? 1 : 0);
        var skills = new List<SkillProficiency>();
        for (var attempt = 0; skills.Count < count && attempt < 10; attempt++)
        {
            var roll = random.NextDouble();
            var code = roll switch
            {
                < 0.28 => Pick(random, SpecialistSkills),
                < 0.40 => Pick(random, state.FavouredSkills),
                < 0.52 when serviceYears >= 15 => Pick(random, CommandSkills),
                _ => Pick(random, GeneralSkills),
            };
            if (skills.Any(s => s.SkillCode == code)) continue;
            var level = random.NextDouble() switch
            {
                < 0.20 => SkillLevel.Basic,
                < 0.60 => SkillLevel.Intermediate,
                < 0.90 => SkillLevel.Advanced,
                _ => SkillLevel.Expert,
            };
            if (serviceYears >= 15 && level < SkillLevel.Expert && random.NextDouble() < 0.4) level++;
            skills.Add(new SkillProficiency { SkillCode = code, Level = level });
        }
        return skills;
    }

    private static Certifications Certifications(Random random, DemoMemberState state, List<LanguageProficiency> languages,
        DateOnly birth, DateOnly serviceStart, DateOnly today, Course cptm)
    {
        var certifications = new Certifications();

        // The AMS is taken in English or French; only officers at B1 or better in every skill of it pass.
        var amsLanguage = state.AmsLanguage;
        if (state.RegionCode == "RW" && Weakest(languages, "fr") >= CefrLevel.B2 && random.NextDouble() < 0.3) amsLanguage = "fr";
        var amsRoll = random.NextDouble();
        if (Weakest(languages, amsLanguage) >= CefrLevel.B1 && amsRoll < 0.82)
        {
            var passed = today.AddDays(-(amsRoll < 0.70 ? random.Next(15, 700) : random.Next(760, 1460)));
            if (passed > serviceStart) certifications.AmsPass = new AmsPass { PassDate = passed, LanguageCode = amsLanguage };
        }

        var licenceRoll = random.NextDouble();
        if (licenceRoll < 0.03)
            certifications.DrivingLicenceIssueDate = today.AddDays(-random.Next(30, 300));
        else if (licenceRoll < 0.88)
            certifications.DrivingLicenceIssueDate = Min(birth.AddYears(18 + random.Next(0, 12)).AddDays(random.Next(0, 365)), today.AddDays(-400));

        if (random.NextDouble() < 0.70)
            certifications.FirearmsQualificationDate = today.AddDays(-random.Next(30, 1100));

        var cptmRoll = random.NextDouble();
        if (cptmRoll < 0.44)
        {
            var daysAgo = cptmRoll < 0.38
                ? random.Next(30, cptm.CertificateValidityMonths * 30 - 30)
                : random.Next(cptm.CertificateValidityMonths * 31 + 10, cptm.CertificateValidityMonths * 31 + 700);
            var completed = today.AddDays(-daysAgo);
            if (completed > serviceStart) certifications.CompletedCourses.Add(new CompletedCourse
            {
                CourseId = cptm.Id, CompletionDate = completed, ExpiryDate = cptm.CompletionExpiry(completed),
            });
        }
        return certifications;
    }

    private static Vetting Vetting(Random random, DateOnly today)
    {
        VettingItem Item(double cleared, double pending, int withinDays)
        {
            var roll = random.NextDouble();
            if (roll < cleared) return new VettingItem { Status = VettingStatus.Cleared, Date = today.AddDays(-random.Next(5, withinDays)) };
            if (roll < cleared + pending) return new VettingItem { Status = VettingStatus.Pending, Date = today.AddDays(-random.Next(1, 60)) };
            return new VettingItem();
        }

        return new Vetting
        {
            HumanRightsScreening = Item(0.80, 0.15, 730),
            SelfAttestation = Item(0.85, 0.0, 730),
            MisconductCheck = Item(0.90, 0.08, 540),
            MedicalClearance = Item(0.60, 0.10, 365),
        };
    }

    private static CefrLevel Weakest(List<LanguageProficiency> languages, string code) =>
        languages.FirstOrDefault(l => l.LanguageCode == code) is { } held
            ? new[] { held.Reading, held.Listening, held.Writing, held.Speaking }.Min()
            : CefrLevel.Unspecified;

    /// <summary>Seniority follows service years, give or take a grade; the top grades stay few.</summary>
    private static string Rank(Random random, string[] ranks, int serviceYears)
    {
        var grade = (int)Math.Round(Math.Clamp(serviceYears / 38.0, 0, 1) * (ranks.Length - 1)) + random.Next(-1, 2);
        return ranks[Math.Clamp(grade, 0, ranks.Length - 1)];
    }

    /// <summary>An id shaped like the service's own (a letter, then 11 of [a-z0-9]), but from the seeded draw.</summary>
    private static string NewId(Random random)
    {
        Span<char> id = stackalloc char[12];
        id[0] = IdLetters[random.Next(IdLetters.Length)];
        for (var i = 1; i < id.Length; i++) id[i] = IdAlphabet[random.Next(IdAlphabet.Length)];
        return new string(id);
    }

    private static string Unique(HashSet<string> taken, Func<string> draw)
    {
        while (true)
        {
            var value = draw();
            if (taken.Add(value)) return value;
        }
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
