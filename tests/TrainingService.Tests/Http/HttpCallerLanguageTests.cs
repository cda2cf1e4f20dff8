using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Training.Service.Tests.Support;
using Unpol.Training.V1;

namespace Training.Service.Tests.Http;

/// <summary>
/// Over HTTP/JSON the Accept-Language header chooses the language of names and labels as accept-language does over gRPC:
/// French names for a French caller, the same codes and resource names, English without the header.
/// </summary>
public sealed class HttpCallerLanguageTests : IAsyncLifetime
{
    private TestService _service = null!;
    private JsonCalls _http = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(http: true);
        _http = new JsonCalls(_service.HttpAddress!);
        _token = await _service.FocalPointAsync("SN");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
    }

    private async Task<JsonElement> GetAsync(string path, string? acceptLanguage, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _token);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await _http.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<(string Code, string Name)> Names(JsonElement page, string list, string code) =>
        page.GetProperty(list).EnumerateArray().Select(e => (e.GetProperty(code).GetString()!, e.GetProperty("displayName").GetString()!)).ToList();

    [Fact]
    public async Task Skills_WithAcceptLanguageFrench_AreNamedInFrench_AndWithoutIt_InEnglish()
    {
        var french = Names(await GetAsync("/v1/skills?pageSize=500", "fr-FR, fr;q=0.9"), "skills", "skillCode");
        var english = Names(await GetAsync("/v1/skills?pageSize=500", null), "skills", "skillCode");

        Assert.Equal(english.Select(s => s.Code), french.Select(s => s.Code));
        Assert.Contains(("forensics", "Criminalistique"), french);
        Assert.Contains(("countering-ieds", "Lutte contre les engins explosifs improvisés"), french);
        Assert.Contains(("forensics", "Forensics"), english);
    }

    [Fact]
    public async Task LanguagesAndMemberStates_WithAcceptLanguageFrench_AreNamedInFrench()
    {
        var languages = Names(await GetAsync("/v1/languages?unOfficialOnly=true", "fr"), "languages", "languageCode");
        var state = await GetAsync("/v1/memberStates/TD", "fr");
        var english = await GetAsync("/v1/memberStates/TD", "en-US");

        Assert.Equal([("ar", "arabe"), ("zh", "chinois"), ("en", "anglais"), ("fr", "français"), ("ru", "russe"), ("es", "espagnol")], languages);
        Assert.Equal(("memberStates/TD", "Tchad"), (state.GetProperty("name").GetString(), state.GetProperty("displayName").GetString()));
        Assert.Equal("Chad", english.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task TheSkillsReport_WithAcceptLanguageFrench_LabelsItsLinesInFrench_UnderTheSameKeys()
    {
        var french = Names(await GetAsync("/v1/reports/skills", "fr", TestService.BootstrapToken), "lines", "key");
        var english = Names(await GetAsync("/v1/reports/skills", null, TestService.BootstrapToken), "lines", "key");

        Assert.Equal(english.Select(l => l.Code), french.Select(l => l.Code));
        Assert.Contains(("language:fr:B2", "français B2"), french);
        Assert.Contains(("language:fr:B2", "French B2"), english);
    }
}
