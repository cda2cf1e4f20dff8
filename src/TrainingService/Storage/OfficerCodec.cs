using System.Reflection;
using System.Text;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Officers as plain bytes for the roster image (see <see cref="RosterImage"/>): every stored field in a fixed order,
/// nothing else, so reading 100,000 of them is a loop over a buffer instead of LiteDB's document reader and mapper.
/// An officer read back is what LiteDB would give for the same officer (dates to the millisecond as LiteDB keeps them).
/// <para>
/// A field added to <see cref="Officer"/> or its parts changes <see cref="Shape"/>, and an image of another shape is
/// never read; the codec must then write the new field too (OfficerCodecTests fills every settable property and
/// fails until it does).
/// </para>
/// </summary>
public static class OfficerCodec
{
    /// <summary>Every settable property of an officer and its parts, with its type, in declaration order.</summary>
    public static readonly string Shape = Describe(typeof(Officer));

    public static void Write(BinaryWriter to, Officer officer)
    {
        to.Write(officer.Key);
        to.Write(officer.RegionCode);
        to.Write(officer.Id);
        to.Write(officer.GivenName);
        to.Write(officer.FamilyName);
        to.Write((int)officer.Gender);
        to.Write(officer.BirthDate.DayNumber);
        to.Write(officer.Rank);
        to.Write(officer.ServiceStartDate.DayNumber);
        WriteDay(to, officer.RetirementDate);
        to.Write(officer.NationalPoliceId);
        to.Write(officer.Languages.Count);
        foreach (var language in officer.Languages)
        {
            to.Write(language.LanguageCode);
            to.Write((int)language.Reading);
            to.Write((int)language.Listening);
            to.Write((int)language.Writing);
            to.Write((int)language.Speaking);
        }
        to.Write(officer.Skills.Count);
        foreach (var skill in officer.Skills)
        {
            to.Write(skill.SkillCode);
            to.Write((int)skill.Level);
        }
        var certifications = officer.Certifications;
        to.Write(certifications.AmsPass is not null);
        if (certifications.AmsPass is { } ams)
        {
            to.Write(ams.PassDate.DayNumber);
            WriteText(to, ams.LanguageCode);
        }
        WriteDay(to, certifications.DrivingLicenceIssueDate);
        WriteDay(to, certifications.FirearmsQualificationDate);
        to.Write(certifications.CompletedCourses.Count);
        foreach (var course in certifications.CompletedCourses)
        {
            to.Write(course.CourseId);
            to.Write(course.CompletionDate.DayNumber);
            WriteDay(to, course.ExpiryDate);
        }
        WriteVetting(to, officer.Vetting.HumanRightsScreening);
        WriteVetting(to, officer.Vetting.SelfAttestation);
        WriteVetting(to, officer.Vetting.MisconductCheck);
        WriteVetting(to, officer.Vetting.MedicalClearance);
        to.Write((int)officer.Availability);
        to.Write(officer.Anonymized);
        to.Write(StoredMilliseconds(officer.CreateTime));
        to.Write(StoredMilliseconds(officer.UpdateTime));
        to.Write(officer.Revision);
    }

    public static Officer Read(BinaryReader from)
    {
        var officer = new Officer
        {
            Key = from.ReadString(),
            RegionCode = from.ReadString(),
            Id = from.ReadString(),
            GivenName = from.ReadString(),
            FamilyName = from.ReadString(),
            Gender = (Gender)from.ReadInt32(),
            BirthDate = DateOnly.FromDayNumber(from.ReadInt32()),
            Rank = from.ReadString(),
            ServiceStartDate = DateOnly.FromDayNumber(from.ReadInt32()),
            RetirementDate = ReadDay(from),
            NationalPoliceId = from.ReadString(),
        };
        var languages = new List<LanguageProficiency>(from.ReadInt32());
        for (var i = languages.Capacity; i > 0; i--)
            languages.Add(new LanguageProficiency
            {
                LanguageCode = from.ReadString(),
                Reading = (CefrLevel)from.ReadInt32(),
                Listening = (CefrLevel)from.ReadInt32(),
                Writing = (CefrLevel)from.ReadInt32(),
                Speaking = (CefrLevel)from.ReadInt32(),
            });
        officer.Languages = languages;
        var skills = new List<SkillProficiency>(from.ReadInt32());
        for (var i = skills.Capacity; i > 0; i--)
            skills.Add(new SkillProficiency { SkillCode = from.ReadString(), Level = (SkillLevel)from.ReadInt32() });
        officer.Skills = skills;
        var certifications = officer.Certifications;
        if (from.ReadBoolean())
            certifications.AmsPass = new AmsPass { PassDate = DateOnly.FromDayNumber(from.ReadInt32()), LanguageCode = ReadText(from) };
        certifications.DrivingLicenceIssueDate = ReadDay(from);
        certifications.FirearmsQualificationDate = ReadDay(from);
        var courses = new List<CompletedCourse>(from.ReadInt32());
        for (var i = courses.Capacity; i > 0; i--)
            courses.Add(new CompletedCourse
            {
                CourseId = from.ReadString(), CompletionDate = DateOnly.FromDayNumber(from.ReadInt32()), ExpiryDate = ReadDay(from),
            });
        certifications.CompletedCourses = courses;
        officer.Vetting = new Vetting
        {
            HumanRightsScreening = ReadVetting(from),
            SelfAttestation = ReadVetting(from),
            MisconductCheck = ReadVetting(from),
            MedicalClearance = ReadVetting(from),
        };
        officer.Availability = (Availability)from.ReadInt32();
        officer.Anonymized = from.ReadBoolean();
        officer.CreateTime = FromStoredMilliseconds(from.ReadInt64());
        officer.UpdateTime = FromStoredMilliseconds(from.ReadInt64());
        officer.Revision = from.ReadInt64();
        return officer;
    }

    private static void WriteDay(BinaryWriter to, DateOnly? day)
    {
        to.Write(day.HasValue);
        if (day is { } value) to.Write(value.DayNumber);
    }

    private static DateOnly? ReadDay(BinaryReader from) => from.ReadBoolean() ? DateOnly.FromDayNumber(from.ReadInt32()) : null;

    private static void WriteText(BinaryWriter to, string? text)
    {
        to.Write(text is not null);
        if (text is not null) to.Write(text);
    }

    private static string? ReadText(BinaryReader from) => from.ReadBoolean() ? from.ReadString() : null;

    private static void WriteVetting(BinaryWriter to, VettingItem item)
    {
        to.Write((int)item.Status);
        WriteDay(to, item.Date);
    }

    private static VettingItem ReadVetting(BinaryReader from) => new() { Status = (VettingStatus)from.ReadInt32(), Date = ReadDay(from) };

    // LiteDB keeps a date as whole milliseconds from the Unix epoch in UTC, cut (not rounded) to the millisecond, with
    // the smallest and largest dates kept as they are (its BsonValue, BufferWriter and BufferReader); the same here, so
    // an officer reads back alike either way.
    private const long MaxDateMilliseconds = 253402300800000;
    private const long MinDateMilliseconds = -62135596800000;

    private static long StoredMilliseconds(DateTime date)
    {
        if (date == DateTime.MaxValue) return MaxDateMilliseconds;
        if (date == DateTime.MinValue) return MinDateMilliseconds;
        var cut = new DateTime(date.Ticks - date.Ticks % TimeSpan.TicksPerMillisecond, date.Kind).ToUniversalTime();
        return (cut - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
    }

    private static DateTime FromStoredMilliseconds(long milliseconds) => milliseconds switch
    {
        MaxDateMilliseconds => DateTime.MaxValue,
        MinDateMilliseconds => DateTime.MinValue,
        _ => DateTime.UnixEpoch.AddMilliseconds(milliseconds),
    };

    private static string Describe(Type root)
    {
        var text = new StringBuilder();
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([root]);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is not { IsPublic: true }) continue;
                text.Append(type.Name).Append('.').Append(property.Name).Append(':').Append(property.PropertyType).Append(';');
                var held = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (held.IsGenericType && held.GetGenericTypeDefinition() == typeof(List<>)) held = held.GetGenericArguments()[0];
                if (held.IsEnum && seen.Add(held))
                    foreach (var value in Enum.GetValues(held)) text.Append(value).Append('=').Append(Convert.ToInt32(value)).Append(',');
                if (held.IsClass && held.Namespace == typeof(Officer).Namespace) pending.Enqueue(held);
            }
        }
        return text.ToString();
    }
}
