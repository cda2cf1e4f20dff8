using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Security;

public sealed class AccessTokenTests : IAsyncLifetime
{
    private TestService _service = null!;
    private AccessService.AccessServiceClient _admin = null!;
    private string? _restartedFolder;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _admin = new AccessService.AccessServiceClient(_service.AsAdmin());
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        // A service started on an existing folder does not own it; the test that restarted it does.
        if (_restartedFolder is not null) Directory.Delete(_restartedFolder, recursive: true);
    }

    private AccessService.AccessServiceClient As(string? secret) => new(_service.As(secret));

    private Timestamp Now => Timestamp.FromDateTimeOffset(_service.Clock.GetUtcNow());

    private Timestamp HoursFromNow(double hours) => Timestamp.FromDateTimeOffset(_service.Clock.GetUtcNow().AddHours(hours));

    private Task<CreateAccessTokenResponse> Issue(AccessToken token) =>
        _admin.CreateAccessTokenAsync(new CreateAccessTokenRequest { AccessToken = token }).ResponseAsync;

    private async Task<List<AccessToken>> ListAll(AccessService.AccessServiceClient client, bool showInactive = false)
    {
        var all = new List<AccessToken>();
        var token = "";
        do
        {
            var page = await client.ListAccessTokensAsync(new ListAccessTokensRequest { ShowInactive = showInactive, PageToken = token });
            all.AddRange(page.AccessTokens);
            token = page.NextPageToken;
        } while (token != "");
        return all;
    }

    [Fact]
    public async Task CreateAccessToken_ReturnsTheSecretOnce_AndTheSecretActsAsTheIssuedToken()
    {
        var issued = await Issue(new AccessToken
        {
            DisplayName = "Focal point, Senegal (A. Diop)", Role = Role.FocalPoint, RegionCode = "sn",
        });

        Assert.StartsWith("accessTokens/", issued.AccessToken.Name);
        Assert.Equal(Role.FocalPoint, issued.AccessToken.Role);
        Assert.Equal("SN", issued.AccessToken.RegionCode);
        Assert.Equal(Now, issued.AccessToken.CreateTime);
        Assert.Null(issued.AccessToken.RevokeTime);
        Assert.Equal("accessTokens/bootstrap", issued.AccessToken.Creator);
        Assert.True(issued.Secret.Length >= 32, "The secret is too short to be a credential.");

        var caller = await As(issued.Secret).GetCallerAsync(new GetCallerRequest());
        Assert.Equal(new Caller
        {
            AccessToken = issued.AccessToken.Name,
            DisplayName = "Focal point, Senegal (A. Diop)",
            Role = Role.FocalPoint,
            RegionCode = "SN",
        }, caller);
    }

    [Fact]
    public async Task ListAccessTokens_NeverShowsASecret()
    {
        var secrets = new[]
        {
            (await Issue(new AccessToken { DisplayName = "Focal point SN", Role = Role.FocalPoint, RegionCode = "SN" })).Secret,
            (await Issue(new AccessToken { DisplayName = "Auditor", Role = Role.Auditor })).Secret,
        };
        var ownList = await As(secrets[0]).ListAccessTokensAsync(new ListAccessTokensRequest());

        var everything = new ListAccessTokensResponse { AccessTokens = { await ListAll(_admin, showInactive: true) } };
        Assert.Equal(2, everything.AccessTokens.Count);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything.ToString());
            Assert.DoesNotContain(secret, ownList.ToString());
        }
    }

    [Fact]
    public async Task CreateAccessToken_ForAnIntegration_GetCallerReturnsItsScopeInCanonicalCase()
    {
        var issued = await Issue(new AccessToken
        {
            DisplayName = "Senegal national HR system",
            Role = Role.Integration,
            Scope = new IntegrationScope { RegionCodes = { "sn", "FR" }, ReadWrite = true },
        });

        var caller = await As(issued.Secret).GetCallerAsync(new GetCallerRequest());
        Assert.Equal(Role.Integration, caller.Role);
        Assert.Equal("", caller.RegionCode);
        Assert.Equal(new IntegrationScope { RegionCodes = { "SN", "FR" }, ReadWrite = true }, caller.Scope);
        Assert.Equal(caller.Scope, issued.AccessToken.Scope);
    }

    [Fact]
    public async Task CreateAccessToken_ForAnAuditorOrAdministrator_HasNeitherRegionNorScope()
    {
        foreach (var role in new[] { Role.Auditor, Role.Administrator })
        {
            var issued = await Issue(new AccessToken { DisplayName = $"A {role}", Role = role });
            var caller = await As(issued.Secret).GetCallerAsync(new GetCallerRequest());
            Assert.Equal(role, caller.Role);
            Assert.Equal("", caller.RegionCode);
            Assert.Null(caller.Scope);
        }
    }

    [Fact]
    public async Task CreateAccessToken_TwoTokensForTheSameHolder_GetDifferentNamesAndSecrets()
    {
        var draft = new AccessToken { DisplayName = "Focal point SN", Role = Role.FocalPoint, RegionCode = "SN" };
        var first = await Issue(draft);
        var second = await Issue(draft);
        Assert.NotEqual(first.AccessToken.Name, second.AccessToken.Name);
        Assert.NotEqual(first.Secret, second.Secret);
    }

    /// <summary>Tokens that must be refused, and every field the single BadRequest must name.</summary>
    private static readonly Dictionary<string, (Func<AccessTokenTests, AccessToken> Token, string[] BadFields)> Invalid = new()
    {
        ["focal point without region"] = (_ => new AccessToken { DisplayName = "FP", Role = Role.FocalPoint },
            ["access_token.region_code"]),
        ["integration without scope"] = (_ => new AccessToken { DisplayName = "HR", Role = Role.Integration },
            ["access_token.scope"]),
        ["integration with an empty scope"] = (_ => new AccessToken { DisplayName = "HR", Role = Role.Integration, Scope = new IntegrationScope() },
            ["access_token.scope.region_codes"]),
        ["unknown region code"] = (_ => new AccessToken { DisplayName = "FP", Role = Role.FocalPoint, RegionCode = "ZZ" },
            ["access_token.region_code"]),
        ["unknown region code in a scope"] = (_ => new AccessToken
            {
                DisplayName = "HR", Role = Role.Integration, Scope = new IntegrationScope { RegionCodes = { "SN", "ZZ" } },
            },
            ["access_token.scope.region_codes[1]"]),
        ["expire time in the past"] = (t => new AccessToken { DisplayName = "Auditor", Role = Role.Auditor, ExpireTime = t.HoursFromNow(-1) },
            ["access_token.expire_time"]),
        ["expire time now"] = (t => new AccessToken { DisplayName = "Auditor", Role = Role.Auditor, ExpireTime = t.Now },
            ["access_token.expire_time"]),
        ["no role"] = (_ => new AccessToken { DisplayName = "Nobody" },
            ["access_token.role"]),
        ["focal point without region or name, expired"] = (t => new AccessToken { Role = Role.FocalPoint, ExpireTime = t.HoursFromNow(-1) },
            ["access_token.display_name", "access_token.expire_time", "access_token.region_code"]),
        ["integration without scope, unknown region, expired"] = (t => new AccessToken
            {
                DisplayName = "HR", Role = Role.Integration, RegionCode = "ZZ", ExpireTime = t.HoursFromNow(-1),
            },
            ["access_token.expire_time", "access_token.region_code", "access_token.scope"]),
    };

    public static TheoryData<string> InvalidTokens => new(Invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task CreateAccessToken_WithBadFields_ListsEveryOneInOneBadRequest_AndIssuesNothing(string token)
    {
        var (draft, badFields) = Invalid[token];

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Issue(draft(this)));
        Assert.Equal("INVALID_FIELDS", error.Reason());
        Assert.Equal(badFields, error.BadFields().Order(StringComparer.Ordinal));
        Assert.Empty(await ListAll(_admin, showInactive: true));
    }

    [Fact]
    public async Task RevokedToken_IsRefusedOnItsNextCall_WithTokenRevoked()
    {
        var issued = await Issue(new AccessToken { DisplayName = "FP", Role = Role.FocalPoint, RegionCode = "SN" });
        var holder = As(issued.Secret);
        await holder.GetCallerAsync(new GetCallerRequest());

        var revoked = await _admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = issued.AccessToken.Name });
        Assert.Equal(Now, revoked.RevokeTime);

        var error = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => holder.GetCallerAsync(new GetCallerRequest()));
        Assert.Equal("TOKEN_REVOKED", error.Reason());
    }

    [Fact]
    public async Task RevokedToken_IsListedOnlyWithInactiveTokens()
    {
        var kept = await Issue(new AccessToken { DisplayName = "Kept", Role = Role.Auditor });
        var revoked = await Issue(new AccessToken { DisplayName = "Revoked", Role = Role.Auditor });
        await _admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = revoked.AccessToken.Name });

        Assert.Equal([kept.AccessToken.Name], (await ListAll(_admin)).Select(t => t.Name));
        var all = await ListAll(_admin, showInactive: true);
        Assert.Equal(Now, Assert.Single(all, t => t.Name == revoked.AccessToken.Name).RevokeTime);
        Assert.Contains(all, t => t.Name == kept.AccessToken.Name);
    }

    [Fact]
    public async Task ExpiredToken_WorksUntilItsExpireTime_ThenIsRefusedWithTokenExpired()
    {
        var issued = await Issue(new AccessToken { DisplayName = "Auditor", Role = Role.Auditor, ExpireTime = HoursFromNow(1) });
        var holder = As(issued.Secret);

        _service.Clock.Advance(TimeSpan.FromMinutes(59));
        await holder.GetCallerAsync(new GetCallerRequest());

        _service.Clock.Advance(TimeSpan.FromMinutes(1));
        var error = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => holder.GetCallerAsync(new GetCallerRequest()));
        Assert.Equal("TOKEN_EXPIRED", error.Reason());
        Assert.Empty(await ListAll(_admin));
        Assert.Single(await ListAll(_admin, showInactive: true));
    }

    public static TheoryData<string> WaysATokenStops => new() { "TOKEN_REVOKED", "TOKEN_EXPIRED" };

    /// <summary>
    /// "Revokes an access token at once": a watch opened before the token was revoked (or expired) must not go on
    /// streaming the Member State's nominations — personal data — to its holder.
    /// </summary>
    [Theory]
    [MemberData(nameof(WaysATokenStops))]
    public async Task TokenThatStops_EndsItsOpenWatch_BeforeTheNextEvent(string reason)
    {
        var watcher = await Issue(new AccessToken
        {
            DisplayName = "Focal point SN", Role = Role.FocalPoint, RegionCode = "SN", ExpireTime = HoursFromNow(1),
        });
        var writer = _service.As(await _service.FocalPointAsync("SN"));
        var catalog = new CatalogService.CatalogServiceClient(_service.AsAdmin());
        var course = await catalog.CreateCourseAsync(new CreateCourseRequest { Course = Samples.Course() });
        var draft = await catalog.CreateSessionAsync(new CreateSessionRequest { Parent = course.Name, Session = Samples.Session() });
        var session = await catalog.OpenSessionAsync(new OpenSessionRequest { Name = draft.Name });
        async Task<string> NominateAsync(string family)
        {
            var officer = await new RosterService.RosterServiceClient(writer).CreateOfficerAsync(
                new CreateOfficerRequest { Parent = "memberStates/SN", Officer = Samples.Officer(family) });
            var submitted = await new NominationService.NominationServiceClient(writer).SubmitNominationAsync(new SubmitNominationRequest
            {
                Parent = "memberStates/SN", Nomination = new Nomination { Officer = officer.Name, Session = session.Name },
            });
            return submitted.Nomination.Name;
        }

        var nominations = new NominationService.NominationServiceClient(_service.As(watcher.Secret));
        await NominateAsync("Diop");
        var since = (await nominations.ListNominationsAsync(new ListNominationsRequest { Parent = "memberStates/SN" })).WatchSequence;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = nominations.WatchNominations(
            new WatchNominationsRequest { Parent = "memberStates/SN", SinceSequence = since }, cancellationToken: stop.Token);
        var seen = await NominateAsync("Fall");
        Assert.True(await watch.ResponseStream.MoveNext(stop.Token));
        Assert.Equal(seen, watch.ResponseStream.Current.Nomination.Name);

        if (reason == "TOKEN_REVOKED")
            await _admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = watcher.AccessToken.Name });
        else
            _service.Clock.Advance(TimeSpan.FromHours(1));
        var unseen = await NominateAsync("Ndiaye");

        stop.CancelAfter(TimeSpan.FromSeconds(3));
        RpcException? ended = null;
        var streamed = "";
        try
        {
            if (await watch.ResponseStream.MoveNext(stop.Token)) streamed = watch.ResponseStream.Current.Nomination.Name;
        }
        catch (RpcException e)
        {
            ended = e;
        }
        Assert.True(streamed == "", $"After its token stopped ({reason}), the watch still streamed " +
            (streamed == unseen ? "the nomination submitted afterwards." : $"{streamed}."));
        var error = Assert.IsType<RpcException>(ended);
        Assert.True(error.StatusCode == StatusCode.Unauthenticated,
            $"Expected the watch to end UNAUTHENTICATED ({reason}); it ended {error.StatusCode}: {error.Status.Detail}");
        Assert.Equal(reason, error.Reason());
    }

    /// <summary>
    /// An idle watch — a quiet session, no event coming — must still end as soon as its token stops, not whenever the
    /// next change happens to arrive.
    /// </summary>
    [Theory]
    [MemberData(nameof(WaysATokenStops))]
    public async Task TokenThatStops_EndsAnIdleWatch_WithinASecond(string reason)
    {
        var watcher = await Issue(new AccessToken
        {
            DisplayName = "Focal point SN", Role = Role.FocalPoint, RegionCode = "SN", ExpireTime = HoursFromNow(1),
        });
        var nominations = new NominationService.NominationServiceClient(_service.As(watcher.Secret));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = nominations.WatchNominations(new WatchNominationsRequest { Parent = "memberStates/SN" }, cancellationToken: stop.Token);
        var next = watch.ResponseStream.MoveNext(stop.Token);
        var feed = _service.Services.GetRequiredService<Training.Service.Storage.NominationFeed>();
        while (feed.Subscribers == 0)
        {
            Assert.False(stop.IsCancellationRequested, "The watch never opened.");
            await Task.Delay(10);
        }
        Assert.False(next.IsCompleted);

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        if (reason == "TOKEN_REVOKED")
            await _admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = watcher.AccessToken.Name });
        else
            _service.Clock.Advance(TimeSpan.FromHours(1));
        var error = await Assert.ThrowsAsync<RpcException>(() => next);
        stopped.Stop();

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(reason, error.Reason());
        // Within a second on a quiet machine (checked every 250 ms); generous for a loaded one.
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(5), $"The idle watch ended {stopped.Elapsed} after its token stopped.");
    }

    public static TheoryData<string?, string> BadCredentials => new()
    {
        { null, "CREDENTIALS_MISSING" },
        { "Basic xyz", "CREDENTIALS_MALFORMED" },
        { "Bearer", "CREDENTIALS_MALFORMED" },
        { "Bearer " + new string('x', 201), "CREDENTIALS_MALFORMED" },
        { "Bearer trn_not-a-token-this-service-issued", "TOKEN_UNKNOWN" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task CallWithoutAValidCredential_IsUnauthenticated_WithTheReason(string? authorization, string reason)
    {
        var headers = new Metadata();
        if (authorization is not null) headers.Add("authorization", authorization);
        var anonymous = As(null);

        var error = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => anonymous.GetCallerAsync(new GetCallerRequest(), headers));
        Assert.Equal(reason, error.Reason());
    }

    [Fact]
    public async Task ListAccessTokens_ForAFocalPoint_ReturnsOnlyItsOwnToken()
    {
        var mine = await Issue(new AccessToken { DisplayName = "Focal point SN (A. Diop)", Role = Role.FocalPoint, RegionCode = "SN" });
        await Issue(new AccessToken { DisplayName = "Focal point SN (M. Ndiaye)", Role = Role.FocalPoint, RegionCode = "SN" });
        await Issue(new AccessToken { DisplayName = "Focal point FR", Role = Role.FocalPoint, RegionCode = "FR" });
        await Issue(new AccessToken { DisplayName = "Auditor", Role = Role.Auditor });

        var own = await ListAll(As(mine.Secret), showInactive: true);

        Assert.Equal([mine.AccessToken], own);
        Assert.Equal(4, (await ListAll(_admin)).Count);
    }

    [Fact]
    public async Task ListAccessTokens_NewestFirst_PagedWithoutRepeats()
    {
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            names.Add((await Issue(new AccessToken { DisplayName = $"Auditor {i}", Role = Role.Auditor })).AccessToken.Name);
            _service.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _admin.ListAccessTokensAsync(new ListAccessTokensRequest { PageSize = 3, PageToken = token });
            Assert.InRange(page.AccessTokens.Count, 1, 3);
            seen.AddRange(page.AccessTokens.Select(t => t.Name));
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(Enumerable.Reverse(names), seen);
    }

    [Fact]
    public async Task BootstrapAdministratorToken_IsAnAdministrator()
    {
        var caller = await _admin.GetCallerAsync(new GetCallerRequest());
        Assert.Equal(Role.Administrator, caller.Role);
        Assert.Equal("accessTokens/bootstrap", caller.AccessToken);

        var issued = await Issue(new AccessToken { DisplayName = "Auditor", Role = Role.Auditor });
        Assert.Equal(caller.AccessToken, issued.AccessToken.Creator);
    }

    /// <summary>SecurityOptions documents the bootstrap secret as "at least 16 characters": a shorter one must
    /// either stop the service from starting (naming the setting) or never be accepted.</summary>
    [Fact]
    public async Task BootstrapAdministratorToken_ShorterThan16Characters_IsNeverAnAdministratorCredential()
    {
        const string weakSecret = "admin";
        TestService weak;
        try
        {
            weak = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["Security:BootstrapAdminToken"] = weakSecret });
        }
        catch (Exception refused) when (refused.ToString().Contains("BootstrapAdminToken", StringComparison.Ordinal))
        {
            return;
        }
        await using (weak)
        {
            var outcome = await Record.ExceptionAsync(
                () => new AccessService.AccessServiceClient(weak.As(weakSecret)).GetCallerAsync(new GetCallerRequest()).ResponseAsync);
            Assert.True(outcome is RpcException { StatusCode: StatusCode.Unauthenticated },
                $"The service started with a {weakSecret.Length}-character bootstrap secret and accepted it as an administrator.");
        }
    }

    [Fact]
    public async Task Tokens_SurviveAServiceRestartOnTheSameDatabase_AndOnlyTheirHashIsStored()
    {
        var folder = _service.Folder;
        var kept = await Issue(new AccessToken { DisplayName = "Focal point SN", Role = Role.FocalPoint, RegionCode = "SN" });
        var revoked = await Issue(new AccessToken { DisplayName = "Revoked auditor", Role = Role.Auditor });
        await _admin.RevokeAccessTokenAsync(new RevokeAccessTokenRequest { Name = revoked.AccessToken.Name });
        var before = await As(kept.Secret).GetCallerAsync(new GetCallerRequest());
        await _service.StopKeepingDataAsync();

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Contains(bytes, kept.Secret), $"The secret is stored in clear in {Path.GetFileName(file)}.");
        }

        _service = await TestService.StartAsync(folder);
        _restartedFolder = folder;
        var after = new AccessService.AccessServiceClient(_service.As(kept.Secret));
        Assert.Equal(before, await after.GetCallerAsync(new GetCallerRequest()));
        var error = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new AccessService.AccessServiceClient(_service.As(revoked.Secret)).GetCallerAsync(new GetCallerRequest()));
        Assert.Equal("TOKEN_REVOKED", error.Reason());
    }

    private static bool Contains(byte[] haystack, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
