namespace Training.Service.Domain.Nominations;

/// <summary>
/// Policy defaults (configuration section <c>Eligibility</c>). Source: UN Police Division guidance as
/// summarised in DOMAIN.md (selection criteria for IPOs, A4P+ and the Uniformed Gender Parity Strategy
/// 2018–2028). A course or request that sets its own value overrides the default for itself.
/// </summary>
public sealed class EligibilityPolicy
{
    public const string Section = "Eligibility";

    /// <summary>E1: nominees are at least this old on the start or deployment date.</summary>
    public int MinimumAge { get; set; } = 25;
    /// <summary>E1: nominees are younger than this on the start or deployment date.</summary>
    public int MaximumAgeExclusive { get; set; } = 62;
    /// <summary>E1: at this age or older a soft warning is returned.</summary>
    public int AgeWarningFrom { get; set; } = 55;
    /// <summary>E2: full years of police service, training excluded.</summary>
    public int MinimumServiceYears { get; set; } = 5;
    /// <summary>E2: retired officers only within this many years of retirement.</summary>
    public int RetiredWithinYears { get; set; } = 5;
    /// <summary>E3: a driving licence held at least this many months.</summary>
    public int DrivingLicenceMonths { get; set; } = 12;
    /// <summary>E4: an AMS pass clears the officer for this many months.</summary>
    public int AmsValidityMonths { get; set; } = 24;
    /// <summary>Women-only courses accept at most this many nominees per Member State per session.</summary>
    public int WomenOnlyNomineesPerMemberState { get; set; } = 2;
    /// <summary>Requests accept at most this many nominees per Member State per post requested.</summary>
    public int NomineesPerPostPerMemberState { get; set; } = 2;
    /// <summary>SAAT lists below this share of women are warned about (never blocked).</summary>
    public double ParityThreshold { get; set; } = 0.20;
    /// <summary>The 2028 end target for women among individual police officers, drawn for reference.</summary>
    public double ParityTarget { get; set; } = 0.30;
    /// <summary>
    /// A focal point sees other Member States' combined figures of a session only when at least this many other States
    /// contribute to them, so that overall minus its own never reveals one State's numbers (DOMAIN.md, gender parity).
    /// </summary>
    public int MinimumOtherMemberStatesInFigures { get; set; } = 3;
}
