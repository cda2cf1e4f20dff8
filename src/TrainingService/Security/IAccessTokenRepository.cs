using Training.Service.Domain.Common;

namespace Training.Service.Security;

public interface IAccessTokenRepository
{
    /// <summary>The token, as a copy the caller may change and write back.</summary>
    AccessToken? Get(string tokenId);

    /// <summary>The token as committed, shared: read it, never change it.</summary>
    AccessToken? Find(string tokenId);

    AccessToken? FindBySecretHash(string secretHash);

    void Insert(AccessToken token);

    void Update(AccessToken token);

    /// <summary>Tokens newest first after the page's key; only the creator's own when <paramref name="onlyId"/> is set.</summary>
    Page<AccessToken> List(bool includeInactive, string? onlyId, DateTime now, PageRequest page);

    IReadOnlyList<AccessToken> ActiveDemoTokens();

    /// <summary>True while some administrator token is neither revoked nor expired at <paramref name="now"/>.</summary>
    bool AnyActiveAdministrator(DateTime now);
}
