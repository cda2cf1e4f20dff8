using Training.Service.Domain.Recruitment;
using Training.Service.Security;

namespace Training.Service.Domain.Reports;

/// <summary>
/// The Uniformed Gender Parity Strategy targets by year (configuration section <c>Parity</c>, e.g.
/// <c>Parity:Targets:2027:Ipo = 0.29</c>; a configured year replaces the default's values it names).
/// Source: DOMAIN.md. The 2028 end targets are the Strategy's: 30 % women among IPOs, 20 % among FPUs,
/// 25 % among staff officers. The 2018 starting points and the straight one-point-a-year ramp between are
/// *unverified* — no primary source for the yearly table was found — so every year is configurable.
/// </summary>
public sealed class ParityTargets
{
    public const string Section = "Parity";

    /// <summary>Targets by year. A year uses the latest row on or before it (the 2028 end targets hold after 2028).</summary>
    public Dictionary<int, ParityTargetYear> Targets { get; set; } = DefaultRamp();

    /// <summary>The row applied in <paramref name="year"/>: the latest on or before it, else the earliest.</summary>
    public (int Year, ParityTargetYear Targets) For(int year)
    {
        var applied = Targets.Keys.Where(y => y <= year).DefaultIfEmpty(Targets.Keys.Min()).Max();
        return (applied, Targets[applied]);
    }

    /// <summary>Refuses a table the report cannot apply: no year, or a share outside 0 to 1 (30 written for 0.30).</summary>
    public ParityTargets Validated()
    {
        if (Targets.Count == 0) throw new InvalidSettingException($"{Section}:Targets must list at least one year.");
        foreach (var (year, row) in Targets)
        {
            foreach (var (name, share) in row.Shares())
                if (share is < 0 or > 1)
                    throw new InvalidSettingException($"{Section}:Targets:{year}:{name} must be a share between 0 and 1 (it is {share}).");
        }
        return this;
    }

    /// <summary>IPO 20 % → 30 %, FPU 10 % → 20 %, staff officers 15 % → 25 %, one point a year from 2018 to 2028.</summary>
    private static Dictionary<int, ParityTargetYear> DefaultRamp() =>
        Enumerable.Range(0, 11).ToDictionary(step => 2018 + step, step => new ParityTargetYear
        {
            // Whole percentages divided once, so 2027's IPO target is exactly the double nearest 0.29.
            Ipo = (20 + step) / 100.0,
            Fpu = (10 + step) / 100.0,
            StaffOfficers = (15 + step) / 100.0,
        });
}

/// <summary>One year's target shares of women, 0 to 1.</summary>
public sealed class ParityTargetYear
{
    /// <summary>Individual police officers; also every Member State's overall colour.</summary>
    public double Ipo { get; set; }

    /// <summary>Formed police units.</summary>
    public double Fpu { get; set; }

    /// <summary>Staff officers, applied to specialized police teams (SPT).</summary>
    public double StaffOfficers { get; set; }

    /// <summary>Professional posts; the IPO target when unset (DOMAIN.md names no separate figure).</summary>
    public double? Professional { get; set; }

    /// <summary>Course nominations of every category; the IPO target when unset.</summary>
    public double? Courses { get; set; }

    public double For(PersonnelCategory category) => category switch
    {
        PersonnelCategory.Fpu => Fpu,
        PersonnelCategory.Spt => StaffOfficers,
        PersonnelCategory.ProfessionalPost => Professional ?? Ipo,
        _ => Ipo,
    };

    /// <summary>The target for course nominations, whatever the course's category.</summary>
    public double ForCourses => Courses ?? Ipo;

    public IEnumerable<(string Name, double Share)> Shares()
    {
        yield return (nameof(Ipo), Ipo);
        yield return (nameof(Fpu), Fpu);
        yield return (nameof(StaffOfficers), StaffOfficers);
        if (Professional is { } professional) yield return (nameof(Professional), professional);
        if (Courses is { } courses) yield return (nameof(Courses), courses);
    }
}
