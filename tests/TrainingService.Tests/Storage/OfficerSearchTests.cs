using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>
/// The roster search walks in-memory postings; whatever the filters, it must return exactly what a plain filter of
/// every officer returns, in name order, page after page.
/// </summary>
public sealed class OfficerSearchTests : IDisposable
{
    private static readonly string[] States = ["SN", "FR", "RW"];
    private static readonly string[] LanguageCodes = ["fr", "en", "ar"];
    private static readonly string[] SkillCodes = ["forensics", "gender", "logistics", "cybercrime"];
    private static readonly DateOnly Today = new(2027, 1, 11);

    private readonly TrainingDatabase _database = TrainingDatabase.OpenInMemory();
    private readonly OfficerRepository _officers;
    private readonly OfficerDirectory _directory;
    private readonly List<Officer> _all = [];

    public OfficerSearchTests()
    {
        _directory = new OfficerDirectory(_database, new ReferenceDataStore(_database));
        _officers = new OfficerRepository(_database, _directory);
        var random = new Random(155);
        _database.Write(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                var officer = RandomOfficer(random, i);
                _officers.Insert(officer);
                _all.Add(officer);
            }
        });
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public void RandomSearches_ReturnExactlyWhatAPlainFilterReturns_InNameOrder_AcrossPages()
    {
        var random = new Random(2027);
        for (var round = 0; round < 400; round++)
        {
            var query = RandomQuery(random);
            var expected = _all.Where(query.Matches).OrderBy(o => o.NameKey, StringComparer.Ordinal).Select(o => o.Key).ToList();
            var pageSize = random.Next(1, 40);

            var found = new List<string>();
            string? after = null;
            do
            {
                var page = _officers.Search(query, new PageRequest(pageSize, after));
                Assert.True(page.Items.Count <= pageSize);
                found.AddRange(page.Items.Select(o => o.Key));
                after = page.NextAfterKey;
            }
            while (after is not null);

            Assert.True(expected.SequenceEqual(found), $"Round {round}: {Describe(query)} gave {found.Count}, expected {expected.Count}.");
        }
    }

    [Fact]
    public void RandomRequirements_HoldingGivesExactlyTheOfficersAPlainFilterKeeps_InNameOrder()
    {
        // Matching's first cut: with every language asked in all four skills the postings alone answer, otherwise
        // each officer is read; both must keep exactly the officers who hold every language and skill required.
        var random = new Random(1515);
        for (var round = 0; round < 400; round++)
        {
            var query = RandomQuery(random);
            foreach (var state in States)
            {
                var expected = _all.Where(o => o.RegionCode == state && !o.Anonymized)
                    .Where(new OfficerQuery(null, null, null, query.Skills, query.Languages, null, null, null, Today).Matches)
                    .OrderBy(o => o.NameKey, StringComparer.Ordinal).Select(o => o.Key).ToList();
                var holding = _directory.Holding(state, query.Languages, query.Skills).Select(o => o.Key).ToList();
                Assert.True(expected.SequenceEqual(holding), $"Round {round}, {state}: {Describe(query)} held {holding.Count}, expected {expected.Count}.");
            }
        }
    }

    [Fact]
    public void AChangeCommitted_IsWhatTheNextSearchSees()
    {
        var query = new OfficerQuery(["SN"], null, null, [new SkillRequirement { SkillCode = "countering-ieds", MinimumLevel = SkillLevel.Basic }],
            [], null, null, null, Today);
        Assert.Empty(_officers.Search(query, new PageRequest(50, null)).Items);

        var officer = _officers.Get("SN", _all.First(o => o.RegionCode == "SN").Id)!;
        officer.Skills.Add(new SkillProficiency { SkillCode = "countering-ieds", Level = SkillLevel.Advanced });
        _database.Write(() => _officers.Update(officer));

        Assert.Equal([officer.Key], _officers.Search(query, new PageRequest(50, null)).Items.Select(o => o.Key));
    }

    [Fact]
    public void AChangeThatIsUndone_IsNeverSeen()
    {
        var officer = _officers.Get("FR", _all.First(o => o.RegionCode == "FR").Id)!;
        officer.FamilyName = "Undone";
        Assert.Throws<InvalidOperationException>(() => _database.Write(() =>
        {
            _officers.Update(officer);
            throw new InvalidOperationException("failed after writing");
        }));

        Assert.NotEqual("Undone", _officers.Get("FR", officer.Id)!.FamilyName);
        var byName = new OfficerQuery(["FR"], "undone", null, [], [], null, null, null, Today);
        Assert.Empty(_officers.Search(byName, new PageRequest(50, null)).Items);
    }

    [Fact]
    public void AnOfficerHandedOut_IsACopy_ChangingItChangesNothingStored()
    {
        var id = _all.First(o => o.RegionCode == "RW" && o.Skills.Count > 0 && o.Languages.Count > 0).Id;
        var copy = _officers.Get("RW", id)!;
        copy.Skills.Clear();
        copy.Languages[0].Reading = CefrLevel.A1;
        copy.Vetting.MedicalClearance.Status = VettingStatus.Flagged;

        var stored = _officers.Get("RW", id)!;
        Assert.NotEmpty(stored.Skills);
        Assert.NotEqual(VettingStatus.Flagged, stored.Vetting.MedicalClearance.Status);
    }

    [Fact]
    public void ACopy_HoldsEveryStoredField()
    {
        var mapper = _database.Lite.Mapper;
        foreach (var officer in _all.Take(50))
            Assert.Equal(mapper.ToDocument(officer).ToString(), mapper.ToDocument(officer.Copy()).ToString());
    }

    private static OfficerQuery RandomQuery(Random random)
    {
        var languages = new List<LanguageRequirement>();
        if (random.NextDouble() < 0.6)
            languages.Add(new LanguageRequirement
            {
                LanguageCode = LanguageCodes[random.Next(LanguageCodes.Length)],
                MinimumLevel = (CefrLevel)random.Next(0, 7),
                Skills = random.NextDouble() < 0.3 ? [(LanguageSkill)random.Next(1, 5)] : [],
            });
        var skills = new List<SkillRequirement>();
        for (var i = random.Next(0, 3); i > 0; i--)
            skills.Add(new SkillRequirement { SkillCode = SkillCodes[random.Next(SkillCodes.Length)], MinimumLevel = (SkillLevel)random.Next(0, 5) });
        IReadOnlyCollection<string>? regions = random.Next(4) switch
        {
            0 => null,
            1 => [States[random.Next(States.Length)]],
            _ => States.Where(_ => random.NextDouble() < 0.6).ToList(),
        };
        return new OfficerQuery(
            regions,
            random.NextDouble() < 0.2 ? "ab"[..random.Next(1, 3)] : null,
            null,
            skills,
            languages,
            random.NextDouble() < 0.3 ? (Gender)random.Next(1, 3) : null,
            random.NextDouble() < 0.3 ? (Availability)random.Next(1, 4) : null,
            random.NextDouble() < 0.2 ? random.Next(5, 25) : null,
            Today);
    }

    internal static Officer RandomOfficer(Random random, int i)
    {
        var region = States[random.Next(States.Length)];
        var id = $"o{i:D4}";
        CefrLevel Level() => (CefrLevel)random.Next(1, 7);
        return new Officer
        {
            RegionCode = region, Id = id, Key = OfficerKeys.Key(region, id),
            FamilyName = $"{(char)('A' + random.Next(3))}{(char)('a' + random.Next(26))}name",
            GivenName = random.NextDouble() < 0.5 ? "Awa" : "Abdou",
            Gender = (Gender)random.Next(1, 3),
            BirthDate = new DateOnly(1970 + random.Next(30), 1 + random.Next(12), 1 + random.Next(28)),
            ServiceStartDate = new DateOnly(1995 + random.Next(30), 1 + random.Next(12), 1),
            NationalPoliceId = $"{region}-{i:D6}",
            Availability = (Availability)random.Next(1, 4),
            Anonymized = random.NextDouble() < 0.05,
            Languages = LanguageCodes.Where(_ => random.NextDouble() < 0.5)
                .Select(code => new LanguageProficiency { LanguageCode = code, Reading = Level(), Listening = Level(), Writing = Level(), Speaking = Level() })
                .ToList(),
            Skills = SkillCodes.Where(_ => random.NextDouble() < 0.35)
                .Select(code => new SkillProficiency { SkillCode = code, Level = (SkillLevel)random.Next(1, 5) }).ToList(),
            Certifications = new Certifications
            {
                AmsPass = random.NextDouble() < 0.5 ? new AmsPass { PassDate = new DateOnly(2026, 3, 1), LanguageCode = "fr" } : null,
                DrivingLicenceIssueDate = random.NextDouble() < 0.5 ? new DateOnly(2010, 5, 1) : null,
                CompletedCourses = random.NextDouble() < 0.3 ? [new CompletedCourse { CourseId = "cptm", CompletionDate = new DateOnly(2025, 1, 1), ExpiryDate = new DateOnly(2029, 1, 1) }] : [],
            },
            Vetting = new Vetting { HumanRightsScreening = new VettingItem { Status = VettingStatus.Cleared, Date = new DateOnly(2026, 1, 1) } },
            Revision = 1,
        };
    }

    private static string Describe(OfficerQuery query) =>
        $"regions [{string.Join(",", query.RegionCodes ?? ["*"])}], name {query.NameText}, " +
        $"languages [{string.Join(",", query.Languages.Select(l => $"{l.LanguageCode}>={l.MinimumLevel}/{string.Join("+", l.Skills)}"))}], " +
        $"skills [{string.Join(",", query.Skills.Select(s => $"{s.SkillCode}>={s.MinimumLevel}"))}], gender {query.Gender}, availability {query.Availability}, years {query.MinServiceYears}";
}
