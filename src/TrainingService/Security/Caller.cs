namespace Training.Service.Security;

/// <summary>The authenticated caller of one request.</summary>
public sealed record Caller(
    string TokenName,
    string DisplayName,
    Role Role,
    string? RegionCode,
    IntegrationScope? Scope)
{
    public Domain.Common.Actor ActingIn(string operation) => new(TokenName, DisplayName, operation);
}
