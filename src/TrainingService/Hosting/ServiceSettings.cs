using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Training.Service.Domain.Nominations;
using Training.Service.Domain.Reports;
using Training.Service.Security;
using Training.Service.Operations;
using Training.Service.Storage;

namespace Training.Service.Hosting;

/// <summary>
/// Every section of the service's own settings, bound with the options pattern and checked when the service starts
/// (<c>ValidateOnStart</c>), so a wrong value stops it with one line naming the key and what is allowed — never a
/// service that starts and then answers INTERNAL at the first call that reads it. A key the section does not know
/// (a typo) is refused too: silently ignoring it would run with the default the operator meant to change.
/// </summary>
public static partial class ServiceSettings
{
    /// <summary>The sections bound here, by the type they bind to (to name a section in a binder's message).</summary>
    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(StorageOptions)] = StorageOptions.Section,
        [typeof(SecurityOptions)] = SecurityOptions.Section,
        [typeof(FeedOptions)] = FeedOptions.Section,
        [typeof(EligibilityPolicy)] = EligibilityPolicy.Section,
        [typeof(ParityTargets)] = ParityTargets.Section,
        [typeof(BackupOptions)] = BackupOptions.Section,
    };

    public static IServiceCollection AddServiceSettings(this IServiceCollection services, IConfiguration configuration)
    {
        Add<StorageOptions>(services, configuration, StorageRules);
        Add<SecurityOptions>(services, configuration, SecurityRules);
        Add<FeedOptions>(services, configuration, FeedRules);
        Add<EligibilityPolicy>(services, configuration, EligibilityRules);
        Add<ParityTargets>(services, configuration, p => Refusals(() => p.Validated()));
        Add<BackupOptions>(services, configuration, BackupRules);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EligibilityPolicy>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ParityTargets>>().Value);
        return services;
    }

    /// <summary>
    /// Binds and checks every section now (what ValidateOnStart does when the host starts), so the refusal comes
    /// before the database is opened and as an <see cref="InvalidSettingException"/> naming the first bad key.
    /// </summary>
    public static void CheckAll(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new InvalidSettingException(OneLine(e.Failures.ToList()));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new InvalidSettingException(OneLine(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures).ToList()));
        }
        catch (InvalidOperationException e) when (FromBinderError(e) is { } message)
        {
            throw new InvalidSettingException(message);
        }
    }

    /// <summary>The first refusal, and how many more there are (one line: the operator fixes them one at a time).</summary>
    public static string OneLine(IReadOnlyList<string> failures) =>
        failures.Count <= 1 ? failures.FirstOrDefault() ?? "A setting is invalid." : $"{failures[0]} ({failures.Count - 1} more setting(s) are refused too.)";

    /// <summary>A configuration binder's refusal (a value of the wrong type, an unknown key) as one line; null for anything else.</summary>
    public static string? FromBinderError(InvalidOperationException error)
    {
        var conversion = FailedConversion().Match(error.Message);
        if (conversion.Success)
            return $"{conversion.Groups["key"].Value} must be {Allowed(conversion.Groups["type"].Value)} (it is \"{conversion.Groups["value"].Value}\").";
        var unknown = UnknownKeys().Match(error.Message);
        if (!unknown.Success) return null;
        var type = Sections.Keys.FirstOrDefault(t => t.FullName == unknown.Groups["type"].Value);
        var section = type is null ? unknown.Groups["type"].Value : Sections[type];
        var known = type is null ? "" : $"; {section} takes {string.Join(", ", type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name))}";
        return $"{section}:{unknown.Groups["keys"].Value.Trim('\'')} is not a setting{known}.";
    }

    private static string Allowed(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" or "System.Single" => "a number written with a dot for decimals (0.25)",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration written d.hh:mm:ss (1.00:00:00 is a day, 06:00:00 six hours)",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();

    [GeneratedRegex(@"were not found on the instance of (?<type>\S+?): (?<keys>.+)$", RegexOptions.Singleline)]
    private static partial Regex UnknownKeys();

    private static void Add<T>(IServiceCollection services, IConfiguration configuration, Func<T, IEnumerable<string?>> rules) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Rules<T>(rules));
        services.AddOptions<T>()
            .Bind(configuration.GetSection(Sections[typeof(T)]), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
    }

    /// <summary>Runs a section's own check (which throws), as a list of refusals.</summary>
    private static IEnumerable<string?> Refusals(Action check)
    {
        try
        {
            check();
        }
        catch (InvalidSettingException e)
        {
            return [e.Message];
        }
        return [];
    }

    private static IEnumerable<string?> StorageRules(StorageOptions s)
    {
        yield return string.IsNullOrWhiteSpace(s.Path) ? "Storage:Path must name the database file (it is empty)." : null;
        if (s.PasswordFile is not null && s.PasswordVariable is not null)
            yield return "Storage:PasswordFile and Storage:PasswordVariable are alternatives: set one of them.";
    }

    private static IEnumerable<string?> SecurityRules(SecurityOptions s) => Refusals(s.Validate);

    private static IEnumerable<string?> FeedRules(FeedOptions f)
    {
        yield return Between("Feed:RetentionDays", f.RetentionDays, 1, 3650, "a number of days");
    }

    private static IEnumerable<string?> BackupRules(BackupOptions b)
    {
        if (b.Directory is null) yield break;
        yield return string.IsNullOrWhiteSpace(b.Directory) ? "Backup:Directory must name a folder (it is empty)." : null;
        yield return b.Every < TimeSpan.FromMinutes(1) ? $"Backup:Every must be at least 00:01:00, a minute (it is {b.Every})." : null;
        yield return Between("Backup:Keep", b.Keep, 1, 10_000, "a count of backups");
    }

    private static IEnumerable<string?> EligibilityRules(EligibilityPolicy p)
    {
        const string e = EligibilityPolicy.Section;
        yield return Between($"{e}:MinimumAge", p.MinimumAge, 18, 99, "an age in years")
            ?? (p.MinimumAge >= p.MaximumAgeExclusive
                ? $"{e}:MinimumAge must be below {e}:MaximumAgeExclusive ({p.MaximumAgeExclusive}) (it is {p.MinimumAge})."
                : null);
        yield return Between($"{e}:MaximumAgeExclusive", p.MaximumAgeExclusive, 19, 100, "an age in years");
        yield return p.MinimumAge < p.MaximumAgeExclusive && (p.AgeWarningFrom < p.MinimumAge || p.AgeWarningFrom >= p.MaximumAgeExclusive)
            ? $"{e}:AgeWarningFrom must lie from {e}:MinimumAge ({p.MinimumAge}) to below {e}:MaximumAgeExclusive ({p.MaximumAgeExclusive}) (it is {p.AgeWarningFrom})."
            : null;
        yield return Between($"{e}:MinimumServiceYears", p.MinimumServiceYears, 0, 50, "a number of years");
        yield return Between($"{e}:RetiredWithinYears", p.RetiredWithinYears, 0, 50, "a number of years");
        yield return Between($"{e}:DrivingLicenceMonths", p.DrivingLicenceMonths, 0, 600, "a number of months");
        yield return Between($"{e}:AmsValidityMonths", p.AmsValidityMonths, 1, 600, "a number of months");
        yield return Between($"{e}:WomenOnlyNomineesPerMemberState", p.WomenOnlyNomineesPerMemberState, 1, 1000, "a count of nominees");
        yield return Between($"{e}:NomineesPerPostPerMemberState", p.NomineesPerPostPerMemberState, 1, 1000, "a count of nominees");
        yield return Between($"{e}:ParityThreshold", p.ParityThreshold, 0, 1, "a share (0.20 is 20 %)");
        yield return Between($"{e}:ParityTarget", p.ParityTarget, 0, 1, "a share (0.30 is 30 %)");
        // Fewer than two other States would let a focal point subtract its own figures from the total and read one State's.
        yield return Between($"{e}:MinimumOtherMemberStatesInFigures", p.MinimumOtherMemberStatesInFigures, 2, 200, "a count of Member States");
    }

    private static string? Between(string key, double value, double minimum, double maximum, string what) =>
        value >= minimum && value <= maximum
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{key} must be {what} from {minimum} to {maximum} (it is {value}).");

    /// <summary>A section's rules as an options validator: every refusal, each naming its key.</summary>
    private sealed class Rules<T>(Func<T, IEnumerable<string?>> rules) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var refusals = rules(options).OfType<string>().ToList();
            return refusals.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(refusals);
        }
    }
}
