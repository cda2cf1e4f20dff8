namespace Training.Service.Security;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// When set (env <c>Security__BootstrapAdminToken</c>), this secret is an administrator credential: how the
    /// first administrator gets in to issue real tokens. At least 16 characters.
    /// </summary>
    public string? BootstrapAdminToken { get; set; }
}
