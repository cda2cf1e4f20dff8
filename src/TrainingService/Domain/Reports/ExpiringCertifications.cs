using Training.Service.Domain.Common;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Reports;

/// <summary>An AMS pass or a course completion about to expire.</summary>
/// <param name="Certification">"AMS", or the course's resource name.</param>
/// <param name="ExpiryDate">The last day it counts.</param>
/// <param name="Band">The smallest band (7, 30, 60, 90 days; or the look-ahead itself beyond 90) holding it.</param>
public sealed record ExpiringCertification(
    string Officer, string OfficerDisplayName, string Certification, DateOnly ExpiryDate, int DaysLeft, int Band);

/// <summary>Certifications expiring from today to <c>withinDays</c> ahead, soonest first, with a count per band.</summary>
public sealed record ExpiringCertifications(IReadOnlyList<ExpiringCertification> Certifications, IReadOnlyDictionary<int, int> CountByBand)
{
    public const string Ams = "AMS";

    /// <summary>The bands of the API contract, in days.</summary>
    public static readonly IReadOnlyList<int> StandardBands = [7, 30, 60, 90];

    /// <param name="amsValidityMonths">How long an AMS pass clears an officer (the eligibility policy's E4 figure).</param>
    public static ExpiringCertifications Of(IEnumerable<Officer> officers, DateOnly today, int withinDays, int amsValidityMonths)
    {
        var found = new List<ExpiringCertification>();
        foreach (var officer in officers)
        {
            // Anonymised officers keep completions only for figures; nobody is to be reminded about them.
            if (officer.Anonymized) continue;
            foreach (var (certification, expires) in ExpiriesOf(officer, amsValidityMonths))
            {
                var daysLeft = expires.DayNumber - today.DayNumber;
                if (daysLeft < 0 || daysLeft > withinDays) continue;
                found.Add(new ExpiringCertification(officer.Name, officer.DisplayName, certification, expires, daysLeft,
                    BandOf(daysLeft, withinDays)));
            }
        }
        var sorted = found
            .OrderBy(c => c.DaysLeft).ThenBy(c => c.Officer, StringComparer.Ordinal).ThenBy(c => c.Certification, StringComparer.Ordinal)
            .ToList();
        return new ExpiringCertifications(sorted, BandsFor(withinDays).ToDictionary(b => b, b => sorted.Count(c => c.Band == b)));
    }

    /// <summary>The bands a look-ahead can fill: the standard ones up to the first covering it, and itself beyond 90.</summary>
    public static IReadOnlyList<int> BandsFor(int withinDays)
    {
        var bands = StandardBands.TakeWhile(b => b < withinDays).ToList();
        bands.Add(StandardBands.FirstOrDefault(b => b >= withinDays, withinDays));
        return bands;
    }

    public static int BandOf(int daysLeft, int withinDays) => StandardBands.FirstOrDefault(b => b >= daysLeft, withinDays);

    /// <summary>The AMS pass, and per course the latest completion's expiry (a renewal supersedes the old one).</summary>
    private static IEnumerable<(string Certification, DateOnly Expires)> ExpiriesOf(Officer officer, int amsValidityMonths)
    {
        if (officer.Certifications.AmsPass is { } pass) yield return (Ams, pass.PassDate.AddMonths(amsValidityMonths));
        foreach (var course in officer.Certifications.CompletedCourses.GroupBy(c => c.CourseId))
        {
            if (course.Any(c => c.ExpiryDate is null)) continue;
            yield return (ResourceNames.Course(course.Key), course.Max(c => c.ExpiryDate!.Value));
        }
    }
}
