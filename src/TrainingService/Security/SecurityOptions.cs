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

    /// <summary>Refuses a bootstrap secret short enough to guess.</summary>
    public void Validate()
    {
        if (!string.IsNullOrEmpty(BootstrapAdminToken) && BootstrapAdminToken.Length < Authenticator.MinimumBootstrapTokenLength)
            throw new InvalidSettingException(
                $"Security:BootstrapAdminToken must be at least {Authenticator.MinimumBootstrapTokenLength} characters long (it is {BootstrapAdminToken.Length}).");
    }
}

/// <summary>A configuration value the service refuses to start with.</summary>
public sealed class InvalidSettingException(string message) : Exception(message)
{
}
