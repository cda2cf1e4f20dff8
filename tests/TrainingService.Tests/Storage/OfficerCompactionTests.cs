using Training.Service.Domain.Roster;
using Training.Service.Storage;

namespace Training.Service.Tests.Storage;

/// <summary>
/// Loaded officers share what repeats across a roster. Sharing must change nothing any officer says, and a change made
/// to one officer (always on a copy) must never reach another officer holding the same records.
/// </summary>
public sealed class OfficerCompactionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("officer-compaction-").FullName;

    private string DatabasePath => Path.Combine(_folder, "training.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadingTheRosterImage_GivesEveryOfficerAsWritten_WithEqualPartsAsOneRecord()
    {
        using var database = TrainingDatabase.OpenInMemory();
        var mapper = database.Lite.Mapper;
        var random = new Random(47);
        var officers = Enumerable.Range(0, 400).Select(i => OfficerSearchTests.RandomOfficer(random, i)).ToList();
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            officers.ForEach(officer => OfficerCodec.Write(writer, officer));

        var image = new OfficerCodec.Bytes(bytes.ToArray());
        var shared = new OfficerCompaction();
        var read = new List<Officer>();
        while (!image.AtEnd) read.Add(OfficerCodec.Read(ref image, shared));

        Assert.Equal(officers.Select(o => mapper.ToDocument(o).ToString()), read.Select(o => mapper.ToDocument(o).ToString()));
        var languages = read.SelectMany(o => o.Languages).ToList();
        Assert.Equal(languages.Select(l => (l.LanguageCode, l.Reading, l.Listening, l.Writing, l.Speaking)).Distinct().Count(),
            languages.Distinct().Count());
        Assert.Equal(read.Select(o => string.Join(",", o.Skills.Select(s => $"{s.SkillCode}:{s.Level}"))).Distinct().Count(),
            read.Select(o => o.Skills).Distinct().Count());
        Assert.Single(read.Select(o => o.Vetting).Distinct());
        Assert.Equal(read.Select(o => o.GivenName).Distinct().Count(), read.Select(o => o.GivenName).Distinct(ReferenceComparer.Instance).Count());
    }

    [Fact]
    public void Compacting_ChangesNoOfficersDocument_AndEqualPartsBecomeOneRecord()
    {
        using var database = TrainingDatabase.OpenInMemory();
        var mapper = database.Lite.Mapper;
        var random = new Random(31);
        var officers = Enumerable.Range(0, 400).Select(i => OfficerSearchTests.RandomOfficer(random, i)).ToList();
        var before = officers.Select(o => mapper.ToDocument(o).ToString()).ToList();

        var compaction = new OfficerCompaction();
        officers.ForEach(compaction.Apply);

        Assert.Equal(before, officers.Select(o => mapper.ToDocument(o).ToString()));
        var skills = officers.SelectMany(o => o.Skills).ToList();
        Assert.Equal(skills.Select(s => (s.SkillCode, s.Level)).Distinct().Count(), skills.Distinct().Count());
        var languages = officers.SelectMany(o => o.Languages).ToList();
        Assert.Equal(languages.Select(l => (l.LanguageCode, l.Reading, l.Listening, l.Writing, l.Speaking)).Distinct().Count(),
            languages.Distinct().Count());
        var noCourses = officers.Where(o => o.Certifications.CompletedCourses.Count == 0).Select(o => o.Certifications.CompletedCourses).Distinct();
        Assert.Single(noCourses);
        var sameVetting = officers.Select(o => o.Vetting).Distinct();
        Assert.Single(sameVetting);
        Assert.Equal(officers.Select(o => o.FamilyName).Distinct().Count(), officers.Select(o => o.FamilyName).Distinct(ReferenceComparer.Instance).Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AChangeToOneLoadedOfficer_LeavesEveryOfficerSharingItsRecordsAsTheyWere(bool fromRosterImage)
    {
        var random = new Random(5);
        var written = Enumerable.Range(0, 300).Select(i => OfficerSearchTests.RandomOfficer(random, i)).ToList();
        using (var first = TrainingDatabase.OpenFile(DatabasePath))
        {
            var directory = new OfficerDirectory(first, new ReferenceDataStore(first));
            var repository = new OfficerRepository(first, directory);
            first.Write(() => written.ForEach(repository.Insert));
            // A clean stop leaves the image: the next start reads it, sharing parts as it decodes them.
            if (fromRosterImage) directory.LeaveRosterImage();
        }

        using var database = TrainingDatabase.OpenFile(DatabasePath);
        var loaded = new OfficerDirectory(database, new ReferenceDataStore(database));
        var officers = new OfficerRepository(database, loaded);
        var all = loaded.MemberStates.SelectMany(loaded.OfficersOf).ToList();
        var shared = all.First(o => o.Skills.Count > 0 && all.Count(other => ReferenceEquals(other.Skills, o.Skills)) > 1);
        var sharers = all.Where(o => o != shared && ReferenceEquals(o.Skills, shared.Skills)).Select(o => o.Key).ToList();
        var level = shared.Skills[0].Level;
        var vettingSharers = all.Where(o => o != shared && ReferenceEquals(o.Vetting, shared.Vetting)).Select(o => o.Key).ToList();
        Assert.NotEmpty(vettingSharers);

        var changed = officers.Get(shared.RegionCode, shared.Id)!;
        changed.Skills[0].Level = level == SkillLevel.Expert ? SkillLevel.Basic : SkillLevel.Expert;
        changed.Skills.Add(new SkillProficiency { SkillCode = "aviation-security", Level = SkillLevel.Basic });
        changed.Vetting.MedicalClearance.Status = VettingStatus.Flagged;
        database.Write(() => officers.Update(changed));

        Assert.Equal(changed.Skills.Count, officers.Get(shared.RegionCode, shared.Id)!.Skills.Count);
        foreach (var key in sharers)
        {
            var other = loaded.Find(key)!;
            Assert.Equal(level, other.Skills[0].Level);
            Assert.DoesNotContain(other.Skills, s => s.SkillCode == "aviation-security");
        }
        foreach (var key in vettingSharers)
            Assert.NotEqual(VettingStatus.Flagged, loaded.Find(key)!.Vetting.MedicalClearance.Status);
        Assert.NotEqual(VettingStatus.Flagged, shared.Vetting.MedicalClearance.Status);
    }

    [Theory]
    [InlineData("SN-000007")]
    [InlineData("sn-000007")]
    [InlineData("  Sn-000007 ")]
    public void AnOfficer_IsFoundByNationalPoliceId_WhateverItsCaseAndSpaces_InItsStateOnly(string asked)
    {
        using var database = TrainingDatabase.OpenInMemory();
        var directory = new OfficerDirectory(database, new ReferenceDataStore(database));
        var officers = new OfficerRepository(database, directory);
        var officer = OfficerSearchTests.RandomOfficer(new Random(1), 7);
        officer.RegionCode = "SN";
        officer.Key = OfficerKeys.Key("SN", officer.Id);
        officer.NationalPoliceId = "SN-000007";
        database.Write(() => officers.Insert(officer));

        Assert.Equal(officer.Key, officers.FindByNationalPoliceId("SN", asked)?.Key);
        Assert.Null(officers.FindByNationalPoliceId("FR", asked));

        var renumbered = officers.Get("SN", officer.Id)!;
        renumbered.NationalPoliceId = "SN-900007";
        database.Write(() => officers.Update(renumbered));
        Assert.Null(officers.FindByNationalPoliceId("SN", asked));
        Assert.Equal(officer.Key, officers.FindByNationalPoliceId("SN", "sn-900007")?.Key);
    }

    private sealed class ReferenceComparer : IEqualityComparer<string>
    {
        public static readonly ReferenceComparer Instance = new();
        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);
        public int GetHashCode(string s) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(s);
    }
}
