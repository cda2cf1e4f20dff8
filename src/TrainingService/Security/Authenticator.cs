using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Training.Service.Domain.Common;

namespace Training.Service.Security;

/// <summary>Turns a bearer secret into a <see cref="Caller"/>, or refuses it.</summary>
public sealed class Authenticator(IAccessTokenRepository tokens, IOptions<SecurityOptions> options, TimeProvider clock)
{
    public const string BootstrapTokenName = "accessTokens/bootstrap";

    /// <summary>Shorter bootstrap secrets are refused at start-up: they could be guessed.</summary>
    public const int MinimumBootstrapTokenLength = 16;

    private readonly byte[]? _bootstrapHash = options.Value.BootstrapAdminToken is { Length: >= MinimumBootstrapTokenLength } secret
        ? SHA256.HashData(Encoding.UTF8.GetBytes(secret))
        : null;

    public Caller Authenticate(string? authorizationHeader)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            throw new UnauthenticatedException("CREDENTIALS_MISSING",
                "This call needs an access token: send the metadata \"authorization: Bearer <token>\".");
        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new UnauthenticatedException("CREDENTIALS_MALFORMED",
                "The authorization metadata must read \"Bearer <token>\".");
        var secret = authorizationHeader[scheme.Length..].Trim();
        if (secret.Length is 0 or > 200)
            throw new UnauthenticatedException("CREDENTIALS_MALFORMED", "The bearer token is empty or too long.");

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (_bootstrapHash is not null && CryptographicOperations.FixedTimeEquals(_bootstrapHash, hash))
            return new Caller(BootstrapTokenName, "Bootstrap administrator", Role.Administrator, null, null);

        var token = tokens.FindBySecretHash(Convert.ToHexString(hash));
        if (token is null)
            throw new UnauthenticatedException("TOKEN_UNKNOWN", "This access token is not known to the service.");
        EnsureActive(token);
        return new Caller(token.Name, token.DisplayName, token.Role, token.RegionCode, token.Scope);
    }

    /// <summary>
    /// Checks again that an admitted caller's token still works: long-lived calls (a watch) stop as soon as the
    /// token is revoked or expires, not only at the next call.
    /// </summary>
    public void Recheck(Caller caller)
    {
        if (caller.TokenName == BootstrapTokenName) return;
        var token = tokens.Find(caller.TokenName["accessTokens/".Length..])
            ?? throw new UnauthenticatedException("TOKEN_UNKNOWN", "This access token is not known to the service.");
        EnsureActive(token);
    }

    private void EnsureActive(AccessToken token)
    {
        if (token.RevokeTime is not null)
            throw new UnauthenticatedException("TOKEN_REVOKED", "This access token has been revoked.");
        if (token.ExpireTime is { } expiry && expiry <= clock.UtcNow())
            throw new UnauthenticatedException("TOKEN_EXPIRED", "This access token has expired.");
    }
}
