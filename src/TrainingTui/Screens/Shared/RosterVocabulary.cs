using Unpol.Training.V1;

namespace Training.Tui.Screens.Shared;

/// <summary>
/// The skill and language codes and the course ids the service accepts, read once from the reference data. Until they arrive
/// (or when the server is away) the forms check only the shape of a code and leave the rest to the service.
/// </summary>
public sealed class RosterVocabulary
{
    public IReadOnlySet<string>? SkillCodes { get; private set; }
    public IReadOnlySet<string>? LanguageCodes { get; private set; }

    /// <summary>The catalogue's course ids ("cptm"), for the completed courses an officer holds.</summary>
    public IReadOnlySet<string>? CourseIds { get; private set; }

    public bool Loaded => SkillCodes is not null && LanguageCodes is not null && CourseIds is not null;

    public void Set(IEnumerable<Skill> skills, IEnumerable<Language> languages, IEnumerable<Course> courses)
    {
        CourseIds = courses.Select(c => c.Name.Split('/')[^1]).ToHashSet(StringComparer.Ordinal);
        SkillCodes = skills.Select(s => s.SkillCode.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        LanguageCodes = languages.Select(l => l.LanguageCode.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Reads the vocabulary for a screen; a failure leaves the checks to the service.</summary>
    public Task LoadAsync(ScreenContext context, CallSlot slot) =>
        context.Load(slot,
            async ct => (Skills: await context.Client.ListSkillsAsync(ct), Languages: await context.Client.ListLanguagesAsync(ct),
                Courses: await context.Client.ListCoursesAsync(ct)),
            result => Set(result.Skills, result.Languages, result.Courses),
            _ => { });
}
