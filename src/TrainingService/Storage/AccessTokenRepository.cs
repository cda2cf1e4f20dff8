using Training.Service.Domain.Common;
using Training.Service.Security;

namespace Training.Service.Storage;

/// <summary>
/// Access tokens: written to the database, held in memory (there are hundreds), so authenticating a call is a hash
/// and a lookup, never a database read. A revocation is seen by the next call: it is published before its own call
/// returns.
/// </summary>
public sealed class AccessTokenRepository(TrainingDatabase database) : IAccessTokenRepository
{
    private readonly CommittedView<AccessToken> _tokens = new(database, database.AccessTokens, t => t.Id);
    private BySecret _bySecret = new(-1, new Dictionary<string, AccessToken>(StringComparer.Ordinal));

    public AccessToken? Get(string tokenId) => _tokens.Find(tokenId) is { } token ? _tokens.Copy(token) : null;

    public AccessToken? Find(string tokenId) => _tokens.Find(tokenId);

    public AccessToken? FindBySecretHash(string secretHash)
    {
        var cached = Volatile.Read(ref _bySecret);
        var version = _tokens.Version;
        if (cached.Version != version)
        {
            cached = new BySecret(version, _tokens.All().ToDictionary(t => t.SecretHash, StringComparer.Ordinal));
            Volatile.Write(ref _bySecret, cached);
        }
        return cached.Tokens.GetValueOrDefault(secretHash);
    }

    public void Insert(AccessToken token)
    {
        token.CreateKey = AccessToken.CreateKeyFor(token.CreateTime, token.Id);
        database.AccessTokens.Insert(token);
        _tokens.Stage(token.Id, _tokens.Copy(token));
    }

    public void Update(AccessToken token)
    {
        database.AccessTokens.Update(token);
        _tokens.Stage(token.Id, _tokens.Copy(token));
    }

    public Page<AccessToken> List(bool includeInactive, string? onlyId, DateTime now, PageRequest page)
    {
        var listed = _tokens.All()
            .Where(t => (onlyId is null || t.Id == onlyId) && (includeInactive || t.IsActiveAt(now))
                && (page.AfterKey is null || string.CompareOrdinal(t.CreateKey, page.AfterKey) > 0))
            .OrderBy(t => t.CreateKey, StringComparer.Ordinal);
        return Keyset.Take(listed, t => t.CreateKey, page.Size);
    }

    public IReadOnlyList<AccessToken> ActiveDemoTokens() => _tokens.All().Where(t => t.Demo && t.RevokeTime == null).ToList();

    public bool AnyActiveAdministrator(DateTime now) => _tokens.All().Any(t => t.Role == Role.Administrator && t.IsActiveAt(now));

    /// <summary>The tokens by secret hash, as of one version of the view.</summary>
    private sealed record BySecret(long Version, Dictionary<string, AccessToken> Tokens);
}
