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

    /// <summary>
    /// The officer at <paramref name="from"/>'s position, moving past it; every part of it that repeats across a roster
    /// (names, codes, languages at levels, lists of them, vetting…) taken from <paramref name="shared"/>, built only
    /// the first time it is met. Only its key, ID and national police ID are new strings.
    /// </summary>
    public static Officer Read(ref Bytes from, OfficerCompaction shared)
    {
        var key = from.ReadString();
        var regionCode = shared.Word(from.ReadUtf8());
        var id = from.ReadString();
        var givenName = shared.Word(from.ReadUtf8());
        var familyName = shared.Word(from.ReadUtf8());
        var gender = (Gender)from.ReadInt32();
        var birthDate = DateOnly.FromDayNumber(from.ReadInt32());
        var rank = shared.Word(from.ReadUtf8());
        var serviceStartDate = DateOnly.FromDayNumber(from.ReadInt32());
        var retirementDate = from.ReadDay();
        var nationalPoliceId = from.ReadString();

        var languageItems = new Items<LanguageProficiency>();
        var languageSpan = Span(ref languageItems, from.ReadCount());
        for (var i = 0; i < languageSpan.Length; i++)
            languageSpan[i] = shared.Language(shared.Word(from.ReadUtf8()), (CefrLevel)from.ReadInt32(), (CefrLevel)from.ReadInt32(),
                (CefrLevel)from.ReadInt32(), (CefrLevel)from.ReadInt32());
        var languages = shared.Languages(languageSpan);

        var skillItems = new Items<SkillProficiency>();
        var skillSpan = Span(ref skillItems, from.ReadCount());
        for (var i = 0; i < skillSpan.Length; i++) skillSpan[i] = shared.Skill(shared.Word(from.ReadUtf8()), (SkillLevel)from.ReadInt32());
        var skills = shared.Skills(skillSpan);

        AmsPass? pass = null;
        if (from.ReadBoolean())
        {
            var passDate = DateOnly.FromDayNumber(from.ReadInt32());
            pass = shared.Pass(passDate, from.ReadBoolean() ? shared.Word(from.ReadUtf8()) : null);
        }
        var drivingLicence = from.ReadDay();
        var firearms = from.ReadDay();
        var courseItems = new Items<CompletedCourse>();
        var courseSpan = Span(ref courseItems, from.ReadCount());
        for (var i = 0; i < courseSpan.Length; i++)
            courseSpan[i] = shared.Course(shared.Word(from.ReadUtf8()), DateOnly.FromDayNumber(from.ReadInt32()), from.ReadDay());
        var certifications = shared.Certifications(pass, drivingLicence, firearms, shared.Courses(courseSpan));

        var vetting = shared.Vetting(ReadVetting(ref from, shared), ReadVetting(ref from, shared), ReadVetting(ref from, shared), ReadVetting(ref from, shared));
        return new Officer(languages, skills, certifications, vetting)
        {
            Key = key, RegionCode = regionCode, Id = id, GivenName = givenName, FamilyName = familyName, Gender = gender,
            BirthDate = birthDate, Rank = rank, ServiceStartDate = serviceStartDate, RetirementDate = retirementDate,
            NationalPoliceId = nationalPoliceId,
            Availability = (Availability)from.ReadInt32(),
            Anonymized = from.ReadBoolean(),
            CreateTime = FromStoredMilliseconds(from.ReadInt64()),
            UpdateTime = FromStoredMilliseconds(from.ReadInt64()),
            Revision = from.ReadInt64(),
        };
    }

    private static VettingItem ReadVetting(ref Bytes from, OfficerCompaction shared)
    {
        var status = (VettingStatus)from.ReadInt32();
        return shared.Item(status, from.ReadDay());
    }

    /// <summary>Room for a list's items while they are read: on the stack for the few an officer has, else an array.</summary>
    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct Items<T>
    {
        private T _first;
    }

    private static Span<T> Span<T>(ref Items<T> items, int count) => count <= 8 ? ((Span<T>)items)[..count] : new T[count];

    /// <summary>
    /// Reads what <see cref="Write"/> wrote with a <see cref="BinaryWriter"/> (little-endian numbers, one byte for a
    /// boolean, strings as UTF-8 after their 7-bit-encoded length) straight from the image's buffer.
    /// </summary>
    public ref struct Bytes(ReadOnlySpan<byte> buffer)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;
        private int _at;

        public readonly bool AtEnd => _at >= _buffer.Length;

        public int ReadInt32()
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_buffer[_at..]);
            _at += 4;
            return value;
        }

        public long ReadInt64()
        {
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(_buffer[_at..]);
            _at += 8;
            return value;
        }

        public bool ReadBoolean() => _buffer[_at++] != 0;

        /// <summary>A count of items, refused when it cannot be one (a damaged image must fail, not allocate).</summary>
        public int ReadCount()
        {
            var count = ReadInt32();
            if (count < 0 || count > _buffer.Length - _at) throw new InvalidDataException($"A roster image holds a list of {count} items where at most {_buffer.Length - _at} bytes remain.");
            return count;
        }

        public DateOnly? ReadDay() => ReadBoolean() ? DateOnly.FromDayNumber(ReadInt32()) : null;

        public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

        public ReadOnlySpan<byte> ReadUtf8()
        {
            int length = 0, shift = 0;
            byte part;
            do
            {
                if (shift > 28) throw new InvalidDataException("A roster image holds a string of impossible length.");
                part = _buffer[_at++];
                length |= (part & 0x7F) << shift;
                shift += 7;
            } while ((part & 0x80) != 0);
            var text = _buffer.Slice(_at, length);
            _at += length;
            return text;
        }
    }

    private static void WriteDay(BinaryWriter to, DateOnly? day)
    {
        to.Write(day.HasValue);
        if (day is { } value) to.Write(value.DayNumber);
    }

    private static void WriteText(BinaryWriter to, string? text)
    {
        to.Write(text is not null);
        if (text is not null) to.Write(text);
    }

    private static void WriteVetting(BinaryWriter to, VettingItem item)
    {
        to.Write((int)item.Status);
        WriteDay(to, item.Date);
    }

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
