namespace Training.Service.Domain.Common;

/// <summary>
/// Who makes a change and through which operation: recorded on every audit event and every
/// nomination transition.
/// </summary>
/// <param name="Name">The caller's token resource name, e.g. <c>accessTokens/4f2a…</c>.</param>
/// <param name="DisplayName">The caller's display name at the time.</param>
/// <param name="Operation">The operation, e.g. <c>RosterService/UpdateOfficer</c>.</param>
public sealed record Actor(string Name, string DisplayName, string Operation)
{
    /// <summary>Automatic changes (waitlist promotion, retention) made by the service itself.</summary>
    public static Actor System(string operation) => new("system", "Training service", operation);
}
