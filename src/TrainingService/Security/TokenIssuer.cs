using Training.Service.Domain.Common;

namespace Training.Service.Security;

/// <summary>Issues and revokes access tokens; each change is audited in its own transaction.</summary>
public sealed class TokenIssuer(ITrainingStore store, IAccessTokenRepository tokens, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Issues a token and returns it with its secret, which is not kept anywhere.</summary>
    public async Task<(AccessToken Token, string Secret)> IssueAsync(Actor actor, AccessToken draft, CancellationToken cancellation = default)
    {
        var secret = TokenSecrets.NewSecret();
        var token = new AccessToken
        {
            Id = IdGenerator.New(),
            DisplayName = draft.DisplayName,
            Role = draft.Role,
            RegionCode = draft.Role == Role.FocalPoint ? draft.RegionCode : null,
            Scope = draft.Role == Role.Integration ? draft.Scope : null,
            ExpireTime = draft.ExpireTime,
            SecretHash = TokenSecrets.Hash(secret),
            CreateTime = clock.UtcNow(),
            Creator = actor.Name,
            Demo = draft.Demo,
        };
        await store.WriteAsync(() =>
        {
            tokens.Insert(token);
            audit.Record(actor, token.Name, token.RegionCode is null
                ? new Phrase("Audit_TokenIssued", RoleOfToken(token.Role), token.DisplayName)
                : new Phrase("Audit_TokenIssuedFor", RoleOfToken(token.Role), token.DisplayName, token.RegionCode));
            return token;
        }, cancellation);
        return (token, secret);
    }

    /// <summary>Revokes a token; revoking an already revoked token changes nothing.</summary>
    public Task<AccessToken> RevokeAsync(Actor actor, string tokenId, CancellationToken cancellation = default) => store.WriteAsync(() =>
    {
        var token = tokens.Get(tokenId) ?? throw new NotFoundException(ResourceNames.AccessToken(tokenId));
        if (token.RevokeTime is not null) return token;
        token.RevokeTime = clock.UtcNow();
        tokens.Update(token);
        audit.Record(actor, token.Name, new Phrase("Audit_TokenRevoked", token.DisplayName));
        return token;
    }, cancellation);

    /// <summary>The role as it qualifies a token: "an administrator" (token), "d'administrateur" (jeton d'accès).</summary>
    private static Phrase RoleOfToken(Role role) => Phrase.Word($"TokenRole_{role}", "a");
}
