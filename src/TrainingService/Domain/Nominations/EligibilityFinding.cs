using System.Globalization;
using Training.Service.Domain.Common;

namespace Training.Service.Domain.Nominations;

public enum Severity { Unspecified = 0, Hard = 1, Soft = 2 }

/// <summary>
/// One rule failed (hard) or warned about (soft), with the field concerned and a plain sentence: <see cref="Description"/>
/// in English and <see cref="DescriptionFrench"/> in French (both stored with a nomination, so that a warning read back
/// months later is still said in the reader's language), <see cref="DescriptionIn"/> in the caller's language.
/// </summary>
public sealed class EligibilityFinding
{
    /// <summary>A method, not a property: the sentence's words are not stored with a nomination, only its English.</summary>
    private Phrase? _words;

    /// <summary>The English sentence, written when first read: matching judges thousands of officers and reads few sentences.</summary>
    private string? _description;

    /// <summary>The French sentence, written when first read (or stored: empty for findings stored before French).</summary>
    private string? _french;

    public string Rule { get; set; } = "";
    public Severity Severity { get; set; }
    public string Field { get; set; } = "";
    public string Description
    {
        get => _description ??= _words?.ToString() ?? "";
        set => _description = value;
    }

    public string DescriptionFrench
    {
        get => _french ??= _words?.In(Phrase.French) ?? "";
        set => _french = value;
    }

    /// <summary>The sentence in <paramref name="culture"/>'s language: from its words while fresh, else as stored (English
    /// when a finding stored before French has no French).</summary>
    public string DescriptionIn(CultureInfo culture)
    {
        if (_words is not null) return _words.In(culture);
        return Phrase.SpeaksFrench(culture) && !string.IsNullOrEmpty(_french) ? _french : Description;
    }

    /// <summary>The sentence as words to say in any language (the English when it was read back from storage).</summary>
    public Phrase Words() => _words ?? Phrase.Word("", Description);

    public static EligibilityFinding Hard(string rule, string field, Phrase words) =>
        new() { Rule = rule, Severity = Severity.Hard, Field = field, _words = words };

    public static EligibilityFinding Soft(string rule, string field, Phrase words) =>
        new() { Rule = rule, Severity = Severity.Soft, Field = field, _words = words };
}

/// <summary>Rule codes returned by the engine. New codes may be added.</summary>
public static class Rules
{
    public const string AgeOutOfRange = "AGE_OUT_OF_RANGE";
    public const string AgeWarning = "AGE_AT_OR_ABOVE_WARNING";
    public const string ServiceTooShort = "SERVICE_TOO_SHORT";
    public const string RetiredTooLongAgo = "RETIRED_TOO_LONG_AGO";
    public const string DrivingLicenceMissing = "DRIVING_LICENCE_MISSING";
    public const string DrivingLicenceTooRecent = "DRIVING_LICENCE_TOO_RECENT";
    public const string AmsMissing = "AMS_PASS_MISSING";
    public const string AmsExpired = "AMS_PASS_EXPIRED";
    public const string LanguageMissing = "LANGUAGE_MISSING";
    public const string LanguageLevelTooLow = "LANGUAGE_LEVEL_TOO_LOW";
    public const string MissingSkill = "MISSING_SKILL";
    public const string SkillLevelTooLow = "SKILL_LEVEL_TOO_LOW";
    public const string VettingIncomplete = "VETTING_INCOMPLETE";
    public const string MisconductFlag = "MISCONDUCT_FLAG";
    public const string MedicalClearanceMissing = "MEDICAL_CLEARANCE_MISSING";
    public const string PrerequisiteMissing = "PREREQUISITE_MISSING";
    public const string WomenOnlyCourse = "WOMEN_ONLY_COURSE";
    public const string MemberStateCapReached = "MEMBER_STATE_CAP_REACHED";
    public const string NominationWindowClosed = "NOMINATION_WINDOW_CLOSED";
    public const string RequestDeadlinePassed = "REQUEST_DEADLINE_PASSED";
    public const string DatesOverlap = "DATES_OVERLAP";
    public const string AlreadyNominated = "ALREADY_NOMINATED";
    public const string OfficerAnonymized = "OFFICER_ANONYMIZED";
    public const string OfficerNotAvailable = "OFFICER_NOT_AVAILABLE";
    public const string ParityBelowThreshold = "PARITY_BELOW_THRESHOLD";
}
