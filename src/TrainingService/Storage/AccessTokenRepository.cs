using LiteDB;
using Training.Service.Domain.Common;
using Training.Service.Security;

namespace Training.Service.Storage;

public sealed class AccessTokenRepository(TrainingDatabase database) : IAccessTokenRepository
{
    public AccessToken? Get(string tokenId) => database.AccessTokens.FindById(tokenId);

    public AccessToken? FindBySecretHash(string secretHash) => database.AccessTokens.FindOne(Filters.Eq("SecretHash", secretHash));

    public void Insert(AccessToken token)
    {
        token.CreateKey = AccessToken.CreateKeyFor(token.CreateTime, token.Id);
        database.AccessTokens.Insert(token);
    }

    public void Update(AccessToken token) => database.AccessTokens.Update(token);

    public Page<AccessToken> List(bool includeInactive, string? onlyId, DateTime now, PageRequest page)
    {
        if (onlyId is not null)
        {
            var own = Get(onlyId);
            var mine = own is not null && (includeInactive || own.IsActiveAt(now)) && page.AfterKey is null ? [own] : new List<AccessToken>();
            return new Page<AccessToken>(mine, null);
        }
        var query = database.AccessTokens.Query();
        if (page.AfterKey is not null) query = query.Where(Filters.Gt("CreateKey", page.AfterKey));
        var ordered = query.OrderBy("CreateKey").ToEnumerable().Where(t => includeInactive || t.IsActiveAt(now));
        return Keyset.Take(ordered, t => t.CreateKey, page.Size);
    }

    public IReadOnlyList<AccessToken> ActiveDemoTokens() =>
        database.AccessTokens.Find(t => t.Demo && t.RevokeTime == null).ToList();
}
