using Training.Service.Domain.Catalog;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Recruitment;
using Training.Service.Domain.Roster;

namespace Training.Service.Domain.Reports;

/// <summary>The pipeline stages counted, as in the API. New values may be added.</summary>
public enum ParityStage { Unspecified = 0, Nominated = 1, ConfirmedOrSelected = 2, Waitlisted = 3, CompletedOrDeployed = 4 }

/// <summary>DPO's monthly colour per contributor, as in the API. New values may be added.</summary>
public enum ParityStatus { Unspecified = 0, Green = 1, Yellow = 2, Red = 3 }

/// <summary>Women among the nominations of one Member State, category and stage.</summary>
public sealed record ParityCell(string RegionCode, string Category, ParityStage Stage, int Total, int Women, double Target)
{
    public double WomenShare => ParityReport.Share(Women, Total);
    public ParityStatus Status => ParityReport.Colour(Women, Total, Target);
}

/// <summary>One Member State's colour over all its live nominations, against the IPO target.</summary>
public sealed record MemberStateParity(string RegionCode, int Nominated, int NominatedWomen, double Target)
{
    public ParityStatus Status => ParityReport.Colour(NominatedWomen, Nominated, Target);
}

/// <summary>
/// The share of women by Member State × category × stage. A nomination counts once in every stage it has
/// reached: a session's CONFIRMED_OR_SELECTED counts confirmed, completed and no-show nominations (all held a
/// confirmed seat), as a request's counts selected, cleared and deployed — otherwise a finished session's
/// confirmed stage would empty as outcomes are recorded, hiding exclusion at the capacity stage. NOMINATED
/// counts live nominations only, as the session figures do. Counts are of nominations: an officer nominated
/// to two sessions counts in each.
/// </summary>
public sealed record ParityReport(IReadOnlyList<ParityCell> Cells, IReadOnlyList<MemberStateParity> MemberStates, int TargetYear)
{
    /// <param name="reportedRegions">The States reported; each gets a colour row even with no nomination. Null: every
    /// State with a nomination.</param>
    /// <param name="from">Only nominations created on or after this day, when set.</param>
    public static ParityReport Of(
        IEnumerable<Nomination> nominations,
        IReadOnlyDictionary<string, Course> courses,
        IReadOnlyDictionary<string, PersonnelCategory> requestCategories,
        ParityTargets targets,
        int year,
        IReadOnlyCollection<string>? reportedRegions,
        DateOnly? from)
    {
        var (targetYear, target) = targets.For(year);
        var cells = new Dictionary<(string Region, string Category, ParityStage Stage), (int Total, int Women, double Target)>();
        var states = (reportedRegions ?? []).ToDictionary(r => r, _ => (Nominated: 0, Women: 0));
        foreach (var nomination in nominations)
        {
            if (from is { } day && DateOnly.FromDateTime(nomination.CreateTime) < day) continue;
            if (Classify(nomination, courses, requestCategories, target) is not { } classified) continue;
            var (category, categoryTarget) = classified;
            var woman = nomination.OfficerGender == Gender.Female ? 1 : 0;
            foreach (var stage in StagesOf(nomination))
            {
                var key = (nomination.RegionCode, category, stage);
                var (total, women, _) = cells.GetValueOrDefault(key);
                cells[key] = (total + 1, women + woman, categoryTarget);
            }
            if (nomination.IsLive)
            {
                var (nominated, women) = states.GetValueOrDefault(nomination.RegionCode);
                states[nomination.RegionCode] = (nominated + 1, women + woman);
            }
        }
        return new ParityReport(
            cells.Select(c => new ParityCell(c.Key.Region, c.Key.Category, c.Key.Stage, c.Value.Total, c.Value.Women, c.Value.Target))
                .OrderBy(c => c.RegionCode, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.Stage)
                .ToList(),
            states.Select(s => new MemberStateParity(s.Key, s.Value.Nominated, s.Value.Women, target.Ipo))
                .OrderBy(s => s.RegionCode, StringComparer.Ordinal)
                .ToList(),
            targetYear);
    }

    /// <summary>women / total, 0 when nobody is counted.</summary>
    public static double Share(int women, int total) => total == 0 ? 0 : (double)women / total;

    /// <summary>DPO's rule: green meets the target, yellow has at least one woman below it, red has none.</summary>
    public static ParityStatus Colour(int women, int total, double target) =>
        total == 0 ? ParityStatus.Unspecified
        : Share(women, total) >= target ? ParityStatus.Green
        : women > 0 ? ParityStatus.Yellow
        : ParityStatus.Red;

    /// <summary>"COURSE_" and the course category for sessions; the personnel category for requests.</summary>
    public static string CategoryName(CourseCategory category) => "COURSE_" + category switch
    {
        CourseCategory.Cptm => "CPTM",
        CourseCategory.Stm => "STM",
        CourseCategory.Specialized => "SPECIALIZED",
        CourseCategory.Leadership => "LEADERSHIP",
        CourseCategory.Fpu => "FPU",
        CourseCategory.TrainingOfTrainers => "TRAINING_OF_TRAINERS",
        _ => "UNSPECIFIED",
    };

    public static string CategoryName(PersonnelCategory category) => category switch
    {
        PersonnelCategory.Ipo => "IPO",
        PersonnelCategory.Fpu => "FPU",
        PersonnelCategory.Spt => "SPT",
        PersonnelCategory.ProfessionalPost => "PROFESSIONAL_POST",
        _ => "UNSPECIFIED",
    };

    /// <summary>Every stage the nomination has reached (states of sessions and requests never overlap).</summary>
    public static IEnumerable<ParityStage> StagesOf(Nomination nomination)
    {
        if (nomination.IsLive) yield return ParityStage.Nominated;
        if (nomination.State is NominationState.Confirmed or NominationState.Completed or NominationState.NoShow
            or NominationState.Selected or NominationState.Cleared or NominationState.Deployed)
            yield return ParityStage.ConfirmedOrSelected;
        if (nomination.State == NominationState.Waitlisted) yield return ParityStage.Waitlisted;
        if (nomination.State is NominationState.Completed or NominationState.Deployed) yield return ParityStage.CompletedOrDeployed;
    }

    /// <summary>The category and its target; null when the target is no longer known (nothing to count it under).</summary>
    private static (string Category, double Target)? Classify(Nomination nomination, IReadOnlyDictionary<string, Course> courses,
        IReadOnlyDictionary<string, PersonnelCategory> requestCategories, ParityTargetYear target)
    {
        if (nomination.Kind == TargetKind.Request)
            return requestCategories.TryGetValue(nomination.TargetKey, out var personnel)
                ? (CategoryName(personnel), target.For(personnel))
                : null;
        var courseId = nomination.TargetKey.Split('/')[0];
        return courses.TryGetValue(courseId, out var course) ? (CategoryName(course.Category), target.ForCourses) : null;
    }
}
