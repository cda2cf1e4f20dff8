using System.Collections;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Training.Service.Domain.Catalog;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// Courses and sessions between protobuf and the domain: validating conversions that report every bad field
/// (output-only fields are ignored), conversions back, and the writable fields of updates (AIP-134).
/// </summary>
public static class CatalogMapping
{
    /// <summary>The course fields an update mask may name: the top-level ones and each of the requirements.</summary>
    public static readonly IReadOnlyList<string> CourseWritableFields =
    [
        "code", "title", "description", "category", "language_code", "requirements", "certificate_validity_months",
        .. Proto.CourseRequirements.Descriptor.Fields.InFieldNumberOrder().Select(f => $"requirements.{f.Name}"),
    ];

    /// <summary>The session fields an update mask may name; the state changes only through the custom methods.</summary>
    public static readonly IReadOnlyList<string> SessionWritableFields =
    [
        "venue", "online", "start_date", "end_date", "seats", "minimum_seats", "nomination_open_time",
        "nomination_close_time", "allocations", "language_code",
    ];

    /// <summary>
    /// Validates and converts a course. <paramref name="prerequisiteProblem"/> says what is wrong with a
    /// prerequisite course id (it does not exist, it is the course itself), or null when it is acceptable.
    /// </summary>
    public static Course ToCourse(this Validator v, Proto.Course proto, IReferenceData reference,
        Func<string, string?> prerequisiteProblem) => new()
    {
        Code = v.Required("course.code", proto.Code, 30),
        Title = v.Required("course.title", proto.Title, 200),
        Description = v.Optional("course.description", proto.Description, 4000, multiline: true),
        Category = (CourseCategory)v.Enum("course.category", proto.Category, required: true),
        LanguageCode = v.LanguageCode("course.language_code", proto.LanguageCode, reference) ?? "",
        Requirements = v.Requirements("course.requirements", proto.Requirements ?? new(), reference, prerequisiteProblem),
        CertificateValidityMonths = v.Range("course.certificate_validity_months", proto.CertificateValidityMonths, 0, 240),
    };

    /// <summary>Validates and converts a session; an empty language code is left for the course's to fill.</summary>
    public static Session ToSession(this Validator v, Proto.Session proto, IReferenceData reference)
    {
        var venue = v.Required("session.venue", proto.Venue, 200);
        var start = v.Date("session.start_date", proto.StartDate, required: true);
        var end = v.Date("session.end_date", proto.EndDate, required: true);
        if (start is not null && end < start) v.Add("session.end_date", "must be on or after start_date.");
        var seats = v.Range("session.seats", proto.Seats, 1, 10_000);
        if (proto.MinimumSeats < 0) v.Add("session.minimum_seats", "must not be negative.");
        else if (proto.MinimumSeats > seats && seats is >= 1 and <= 10_000)
            v.Add("session.minimum_seats", $"must not exceed seats ({seats}).");
        var (open, close) = v.NominationWindow(proto, start);
        return new Session
        {
            Venue = venue,
            Online = proto.Online,
            StartDate = start ?? default,
            EndDate = end ?? default,
            Seats = seats,
            MinimumSeats = proto.MinimumSeats,
            NominationOpenTime = open ?? default,
            NominationCloseTime = close ?? default,
            Allocations = v.Allocations("session.allocations", proto.Allocations, reference),
            LanguageCode = string.IsNullOrWhiteSpace(proto.LanguageCode)
                ? ""
                : v.LanguageCode("session.language_code", proto.LanguageCode, reference) ?? "",
        };
    }

    public static Proto.Course ToProto(this Course course) => new()
    {
        Name = course.Name,
        Code = course.Code,
        Title = course.Title,
        Description = course.Description,
        Category = (Proto.CourseCategory)course.Category,
        LanguageCode = course.LanguageCode,
        Requirements = course.Requirements.ToProto(),
        CertificateValidityMonths = course.CertificateValidityMonths,
        CreateTime = course.CreateTime.ToProto(),
        UpdateTime = course.UpdateTime.ToProto(),
        Etag = Etag.Of(course.Revision),
    };

    private static readonly ConditionalWeakTable<Session, Proto.Session> Listed = new();

    /// <summary>
    /// For list pages: the message of a committed session (one the repositories share and never change), built once
    /// and reused by every page that shows it until a change publishes a new session. Nobody may modify it.
    /// </summary>
    public static Proto.Session ToListedProto(this Session session) => Listed.GetValue(session, static s => s.ToProto());

    public static Proto.Session ToProto(this Session session) => new()
    {
        Name = session.Name,
        Venue = session.Venue,
        Online = session.Online,
        StartDate = session.StartDate.ToProto(),
        EndDate = session.EndDate.ToProto(),
        Seats = session.Seats,
        MinimumSeats = session.MinimumSeats,
        NominationOpenTime = session.NominationOpenTime.ToProto(),
        NominationCloseTime = session.NominationCloseTime.ToProto(),
        Allocations = { session.Allocations.Select(a => new Proto.MemberStateAllocation
        {
            RegionCode = a.RegionCode,
            Quota = a.Quota,
            Cap = a.Cap,
        }) },
        LanguageCode = session.LanguageCode,
        State = (Proto.Session.Types.State)session.State,
        CancelReason = session.CancelReason,
        CreateTime = session.CreateTime.ToProto(),
        UpdateTime = session.UpdateTime.ToProto(),
        Etag = Etag.Of(session.Revision),
    };

    private static Proto.CourseRequirements ToProto(this CourseRequirements requirements)
    {
        var proto = new Proto.CourseRequirements
        {
            Languages = { requirements.Languages.Select(l => l.ToProto()) },
            Skills = { requirements.Skills.Select(s => s.ToProto()) },
            PrerequisiteCourses = { requirements.PrerequisiteCourseIds.Select(ResourceNames.Course) },
            WomenOnly = requirements.WomenOnly,
            VettingRequired = requirements.VettingRequired,
            DrivingRequired = requirements.DrivingRequired,
        };
        if (requirements.MinServiceYears is { } years) proto.MinServiceYears = years;
        if (requirements.MinAge is { } minAge) proto.MinAge = minAge;
        if (requirements.MaxAge is { } maxAge) proto.MaxAge = maxAge;
        if (requirements.MaxNomineesPerMemberState is { } nominees) proto.MaxNomineesPerMemberState = nominees;
        return proto;
    }

    private static CourseRequirements Requirements(this Validator v, string field, Proto.CourseRequirements proto,
        IReferenceData reference, Func<string, string?> prerequisiteProblem)
    {
        var requirements = new CourseRequirements
        {
            Languages = v.LanguageRequirements($"{field}.languages", proto.Languages, reference),
            Skills = v.SkillRequirements($"{field}.skills", proto.Skills, reference),
            PrerequisiteCourseIds = v.Prerequisites($"{field}.prerequisite_courses", proto.PrerequisiteCourses, prerequisiteProblem),
            MinServiceYears = v.OptionalRange($"{field}.min_service_years", proto.HasMinServiceYears, proto.MinServiceYears, 0, 40),
            MinAge = v.OptionalRange($"{field}.min_age", proto.HasMinAge, proto.MinAge, 16, 70),
            MaxAge = v.OptionalRange($"{field}.max_age", proto.HasMaxAge, proto.MaxAge, 17, 80),
            WomenOnly = proto.WomenOnly,
            VettingRequired = proto.VettingRequired,
            DrivingRequired = proto.DrivingRequired,
            MaxNomineesPerMemberState = v.OptionalRange($"{field}.max_nominees_per_member_state",
                proto.HasMaxNomineesPerMemberState, proto.MaxNomineesPerMemberState, 1, 100),
        };
        if (requirements is { MinAge: { } min, MaxAge: { } max } && max <= min && max is >= 17 and <= 80)
            v.Add($"{field}.max_age", $"must be greater than min_age ({min}).");
        return requirements;
    }

    private static int? OptionalRange(this Validator v, string field, bool present, int value, int min, int max) =>
        present ? v.Range(field, value, min, max) : null;

    private static List<string> Prerequisites(this Validator v, string field, IList<string> names, Func<string, string?> problem)
    {
        const int max = 20;
        var ids = new List<string>();
        // Each entry is looked up, so an oversized list is refused before any is.
        if (names.Count > max)
        {
            v.MaxCount(field, names, max);
            return ids;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var at = $"{field}[{i}]";
            var id = Names.Course(v, at, names[i]);
            if (id is null) continue;
            if (ids.Contains(id)) v.Add(at, $"{names[i]} is listed twice.");
            else if (problem(id) is { } description) v.Add(at, description);
            else ids.Add(id);
        }
        return ids;
    }

    /// <summary>Both ends required, open before close, and closed by the end of the first day (UTC) of the session.</summary>
    private static (DateTime? Open, DateTime? Close) NominationWindow(this Validator v, Proto.Session proto, DateOnly? start)
    {
        var open = v.Time("session.nomination_open_time", proto.NominationOpenTime, required: true);
        var close = v.Time("session.nomination_close_time", proto.NominationCloseTime, required: true);
        var latest = start?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (open is not null && close <= open)
            v.Add("session.nomination_close_time", "must be after nomination_open_time.");
        else if (close > latest)
            v.Add("session.nomination_close_time",
                $"must be no later than {latest:yyyy-MM-dd HH:mm} UTC: nominations close by the time the session starts.");
        return (open, close);
    }

    private static List<MemberStateAllocation> Allocations(this Validator v, string field,
        IList<Proto.MemberStateAllocation> allocations, IReferenceData reference)
    {
        v.MaxCount(field, allocations, 193);
        var result = new List<MemberStateAllocation>();
        for (var i = 0; i < allocations.Count; i++)
        {
            var at = $"{field}[{i}]";
            var region = v.MemberStateCode($"{at}.region_code", allocations[i].RegionCode, reference);
            var quota = v.Range($"{at}.quota", allocations[i].Quota, 0, 10_000);
            var cap = v.Range($"{at}.cap", allocations[i].Cap, 0, 10_000);
            if (region is null) continue;
            if (result.Any(a => a.RegionCode == region)) v.Add($"{at}.region_code", $"{region} is listed twice.");
            else result.Add(new MemberStateAllocation { RegionCode = region, Quota = quota, Cap = cap });
        }
        return result;
    }

    /// <summary>
    /// Copies the fields at <paramref name="paths"/> (e.g. "title", "requirements.min_age") from
    /// <paramref name="changes"/> onto <paramref name="target"/>: lists are replaced, and an optional number absent
    /// from the changes is cleared (FieldMask.Merge would set it to 0 instead).
    /// </summary>
    public static void Merge(IMessage changes, IMessage target, IEnumerable<string> paths)
    {
        foreach (var path in paths) Copy(changes, target, path);
    }

    private static void Copy(IMessage from, IMessage to, string path)
    {
        var dot = path.IndexOf('.');
        var field = to.Descriptor.FindFieldByName(dot < 0 ? path : path[..dot]);
        var accessor = field.Accessor;
        if (dot >= 0)
        {
            var target = (IMessage?)accessor.GetValue(to);
            if (target is null) accessor.SetValue(to, target = Empty(field));
            Copy((IMessage?)accessor.GetValue(from) ?? Empty(field), target, path[(dot + 1)..]);
        }
        else if (field.IsRepeated)
        {
            var target = (IList)accessor.GetValue(to);
            target.Clear();
            foreach (var item in (IList)accessor.GetValue(from)) target.Add(item);
        }
        else if (field.HasPresence && !accessor.HasValue(from))
        {
            accessor.Clear(to);
        }
        else
        {
            accessor.SetValue(to, accessor.GetValue(from));
        }
    }

    private static IMessage Empty(FieldDescriptor field) => field.MessageType.Parser.ParseFrom(ByteString.Empty);
}
