namespace Training.Tui.Client;

/// <summary>
/// How long a call may take: a fixed allowance for its round trips and the service's work (<c>--deadline-seconds</c>,
/// 10 s by default), plus the time its answer needs on the slowest link the client is meant for. A page of 500
/// officers is about 160 KB when the service does not compress it, 20 s at 64 kbit/s: a fixed 10 s failed it there.
/// </summary>
public sealed class Deadlines(TimeSpan allowance)
{
    /// <summary>
    /// The slowest link the client must work on, 64 kbit/s (issue 13), less a quarter for the link's other traffic
    /// and TCP's own: 6,000 bytes a second. Sizes are counted uncompressed, so a compressing service has margin too.
    /// </summary>
    public const int SlowestLinkBytesPerSecond = 6_000;

    public TimeSpan Allowance { get; } = allowance;

    /// <summary>The deadline for a call whose answer is up to <paramref name="answerBytes"/> long.</summary>
    public TimeSpan For(long answerBytes) => Allowance + TimeSpan.FromSeconds((double)Math.Max(answerBytes, 0) / SlowestLinkBytesPerSecond);
}

/// <summary>
/// The most one entry of an answer weighs on the wire, uncompressed, with room for a full record: measured on the
/// demo data (docs/benchmarks.md, "Slow link") and rounded up about half again.
/// </summary>
public static class AnswerSize
{
    public const int Officer = 500;
    public const int Nomination = 400;
    public const int Candidate = 600;
    public const int Course = 1_000;
    public const int Session = 600;
    public const int Request = 1_000;
    public const int AccessToken = 300;
    public const int AuditEvent = 800;
    /// <summary>A skill, language or mission.</summary>
    public const int Reference = 100;
    /// <summary>A whole report (figures per Member State and skill): bounded by the number of States, not of officers.</summary>
    public const int Report = 64 * 1024;
}
