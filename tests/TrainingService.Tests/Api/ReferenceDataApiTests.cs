using Grpc.Core;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Api;

public sealed class ReferenceDataApiTests : IAsyncLifetime
{
    private TestService _service = null!;
    private ReferenceDataService.ReferenceDataServiceClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _client = new ReferenceDataService.ReferenceDataServiceClient(_service.As(await _service.FocalPointAsync("SN")));
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ListMemberStates_PagedThroughTheEnd_YieldsAll193OnceInCodeOrder()
    {
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _client.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 50, PageToken = token });
            Assert.Equal(193, page.TotalSize);
            seen.AddRange(page.MemberStates.Select(m => m.RegionCode));
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(193, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Contains("SN", seen);
        Assert.DoesNotContain("VA", seen);
    }

    [Fact]
    public async Task GetMemberState_AcceptsAnyCase_ReturnsCanonicalCode()
    {
        var state = await _client.GetMemberStateAsync(new GetMemberStateRequest { Name = "memberStates/sn" });
        Assert.Equal("memberStates/SN", state.Name);
        Assert.Equal("Senegal", state.DisplayName);
    }

    [Fact]
    public async Task GetMemberState_Unknown_IsNotFound()
    {
        var error = await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.GetMemberStateAsync(new GetMemberStateRequest { Name = "memberStates/ZZ" }));
        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason());
    }

    [Fact]
    public async Task GetMemberState_MalformedName_IsInvalidArgumentNamingTheField()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _client.GetMemberStateAsync(new GetMemberStateRequest { Name = "countries/SN" }));
        Assert.Equal(["name"], error.BadFields());
    }

    [Fact]
    public async Task ListLanguages_PutsTheSixOfficialUnLanguagesFirst()
    {
        var page = await _client.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 10 });
        Assert.Equal(["ar", "zh", "en", "fr", "ru", "es"], page.Languages.Take(6).Select(l => l.LanguageCode));
        Assert.All(page.Languages.Take(6), l => Assert.True(l.UnOfficial));
        Assert.False(page.Languages[6].UnOfficial);
    }

    [Fact]
    public async Task ListSkills_FilteredByStream_ReturnsOnlyThatStream()
    {
        var page = await _client.ListSkillsAsync(new ListSkillsRequest { Stream = SkillStream.PoliceOperations, PageSize = 500 });
        Assert.NotEmpty(page.Skills);
        Assert.All(page.Skills, s => Assert.Equal(SkillStream.PoliceOperations, s.Stream));
        Assert.Contains(page.Skills, s => s.SkillCode == "forensics" && s.Specialist);
    }

    [Fact]
    public async Task ListMissions_IncludesFrancophoneMissionsWithTheirWorkingLanguage()
    {
        var page = await _client.ListMissionsAsync(new ListMissionsRequest());
        var minusca = Assert.Single(page.Missions, m => m.Acronym == "MINUSCA");
        Assert.Equal(["fr"], minusca.WorkingLanguageCodes);
        Assert.Equal("missions/minusca", minusca.Name);
    }

    [Fact]
    public async Task ListLanguages_NegativePageSize_IsInvalidArgument()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _client.ListLanguagesAsync(new ListLanguagesRequest { PageSize = -1 }));
        Assert.Equal(["page_size"], error.BadFields());
    }

    [Fact]
    public async Task ListLanguages_TokenFromAnotherFilter_IsInvalidArgument()
    {
        var first = await _client.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 2 });
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _client.ListLanguagesAsync(new ListLanguagesRequest { PageSize = 2, UnOfficialOnly = true, PageToken = first.NextPageToken }));
        Assert.Equal(["page_token"], error.BadFields());
    }

    [Fact]
    public async Task ListMemberStates_PageSizeAboveMaximum_IsClampedNotRefused()
    {
        var page = await _client.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100_000 });
        Assert.Equal(193, page.MemberStates.Count);
        Assert.Equal("", page.NextPageToken);
    }
}
