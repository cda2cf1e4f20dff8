using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Storage;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Storage;

/// <summary>
/// Page tokens are opaque (AIP-158): authenticated with the server's key, so a token a client forged, altered or kept
/// from another query is INVALID_ARGUMENT, never a fault; and the key outlives a restart, so listings carry on.
/// </summary>
public sealed class PageTokenTests
{
    private readonly PageTokens _tokens = new(PageTokenKey.Ephemeral());

    [Fact]
    public void AToken_DecodesToTheKeyItWasMadeFrom_ForTheSameQuery()
    {
        var token = _tokens.Encode("0000000042|memberStates/SN/officers/é", "officers|SN");

        Assert.Equal("0000000042|memberStates/SN/officers/é", _tokens.Decode(token, "officers|SN"));
        Assert.DoesNotContain("0000000042", token);
    }

    [Fact]
    public void AToken_ForAnotherQuery_IsRefusedAsBelongingToOtherFilters()
    {
        var token = _tokens.Encode("k", "officers|SN");

        var error = Assert.Throws<InvalidInputException>(() => _tokens.Decode(token, "officers|FR"));
        Assert.Contains("other filters", error.Message);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("eyJLIjoiYWJjIiwiRiI6IjAwMDAwMDAwMDAwMDAwMDAifQ")]
    public void AGarbledToken_IsRefusedAsNotIssuedHere(string token)
    {
        var error = Assert.Throws<InvalidInputException>(() => _tokens.Decode(token, "officers|SN"));
        Assert.Equal(["page_token"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void ATokenWithAnyByteChanged_IsRefused()
    {
        var bytes = Convert.FromBase64String(Padded(_tokens.Encode("0000000042", "q")));
        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            Assert.Throws<InvalidInputException>(() => _tokens.Decode(Base64Url(altered), "q"));
        }
    }

    [Fact]
    public void AToken_MadeWithAnotherKey_IsRefused()
    {
        var other = new PageTokens(PageTokenKey.Ephemeral());
        Assert.Throws<InvalidInputException>(() => _tokens.Decode(other.Encode("k", "q"), "q"));
    }

    [Fact]
    public async Task ForgedTokens_ThatOnceReachedTheQueries_AreInvalidArgument()
    {
        await using var service = await TestService.StartAsync();
        var access = new AccessService.AccessServiceClient(service.AsAdmin());
        var nominations = new NominationService.NominationServiceClient(service.AsAdmin());

        // The unkeyed tokens of issue 16: a client could compute the check value and slip any key into the query.
        var audit = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => access.ListAuditEventsAsync(
            new ListAuditEventsRequest { PageToken = Unkeyed("abc", "audit||||") }));
        var nomination = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => nominations.ListNominationsAsync(
            new ListNominationsRequest { Parent = "memberStates/-", PageToken = Unkeyed("99999999999999999999", "nominations|-||||") }));

        Assert.Equal(["page_token"], audit.BadFields());
        Assert.Equal(["page_token"], nomination.BadFields());
    }

    [Fact]
    public async Task APageToken_StillWorksAfterTheServiceRestarts_AndItsKeyIsReadableByTheOwnerOnly()
    {
        var first = await TestService.StartAsync();
        var folder = first.Folder;
        try
        {
            var reference = new ReferenceDataService.ReferenceDataServiceClient(first.AsAdmin());
            var page = await reference.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 2 });
            await first.StopKeepingDataAsync();

            await using var second = await TestService.StartAsync(folder);
            var next = await new ReferenceDataService.ReferenceDataServiceClient(second.AsAdmin())
                .ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 2, PageToken = page.NextPageToken });

            Assert.NotEqual(page.MemberStates[0].Name, next.MemberStates[0].Name);
            Assert.True(string.CompareOrdinal(page.MemberStates[1].RegionCode, next.MemberStates[0].RegionCode) < 0);
            var keyFile = second.DatabasePath + PageTokenKey.FileSuffix;
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A token as the service made them before they were keyed: base64url JSON with an unkeyed hash of the query.</summary>
    private static string Unkeyed(string key, string query) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(
        new { K = key, F = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(query)), 0, 8) }));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Padded(string token)
    {
        var text = token.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - text.Length % 4) % 4);
    }
}
