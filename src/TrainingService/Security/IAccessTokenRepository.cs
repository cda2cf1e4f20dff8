using Training.Service.Domain.Common;

namespace Training.Service.Security;

public interface IAccessTokenRepository
{
    AccessToken? Get(string tokenId);

    AccessToken? FindBySecretHash(string secretHash);

    void Insert(AccessToken token);

    void Update(AccessToken token);

    /// <summary>Tokens newest first after the page's key; only the creator's own when <paramref name="onlyId"/> is set.</summary>
    Page<AccessToken> List(bool includeInactive, string? onlyId, DateTime now, PageRequest page);

    IReadOnlyList<AccessToken> ActiveDemoTokens();
}
