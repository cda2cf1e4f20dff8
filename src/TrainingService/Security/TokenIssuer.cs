using Training.Service.Domain.Common;

namespace Training.Service.Security;

/// <summary>Issues and revokes access tokens; each change is audited in its own transaction.</summary>
public sealed class TokenIssuer(ITrainingStore store, IAccessTokenRepository tokens, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Issues a token and returns it with its secret, which is not kept anywhere.</summary>
    public (AccessToken Token, string Secret) Issue(Actor actor, AccessToken draft)
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
        store.Write(() =>
        {
            tokens.Insert(token);
            audit.Record(actor, token.Name, $"issued {RoleWithArticle(token.Role)} token \"{token.DisplayName}\"" +
                (token.RegionCode is null ? "" : $" for {token.RegionCode}"));
            return token;
        });
        return (token, secret);
    }

    /// <summary>Revokes a token; revoking an already revoked token changes nothing.</summary>
    public AccessToken Revoke(Actor actor, string tokenId) => store.Write(() =>
    {
        var token = tokens.Get(tokenId) ?? throw new NotFoundException(ResourceNames.AccessToken(tokenId));
        if (token.RevokeTime is not null) return token;
        token.RevokeTime = clock.UtcNow();
        tokens.Update(token);
        audit.Record(actor, token.Name, $"revoked the token \"{token.DisplayName}\"");
        return token;
    });

    private static string RoleWithArticle(Role role) => role switch
    {
        Role.Administrator => "an administrator",
        Role.Auditor => "an auditor",
        Role.Integration => "an integration",
        Role.FocalPoint => "a focal point",
        _ => "a",
    };
}
