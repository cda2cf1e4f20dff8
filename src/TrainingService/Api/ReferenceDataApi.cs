using System.Globalization;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Storage;
using Unpol.Training.V1;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>Reference data; names in the caller's language (<see cref="DisplayNames"/>), codes and order the same in every language.</summary>
public sealed class ReferenceDataApi(IReferenceData reference, PageTokens pageTokens) : ReferenceDataService.ReferenceDataServiceBase
{
    private const int DefaultPageSize = 100, MaxPageSize = 500;

    public override Task<ListMemberStatesResponse> ListMemberStates(ListMemberStatesRequest request, ServerCallContext context)
    {
        var (page, fingerprint) = Paging(request.PageSize, request.PageToken, "memberStates");
        var result = reference.MemberStates(page);
        return Task.FromResult(new ListMemberStatesResponse
        {
            MemberStates = { result.Items.Select(ToProto) },
            NextPageToken = pageTokens.Next(result, fingerprint),
            TotalSize = reference.MemberStateCount,
        });
    }

    public override Task<Proto.MemberState> GetMemberState(GetMemberStateRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var code = Names.MemberState(v, "name", request.Name);
        v.ThrowIfInvalid();
        var state = reference.MemberState(code!) ?? throw new NotFoundException(ResourceNames.MemberState(code!));
        return Task.FromResult(ToProto(state));
    }

    public override Task<ListLanguagesResponse> ListLanguages(ListLanguagesRequest request, ServerCallContext context)
    {
        var (page, fingerprint) = Paging(request.PageSize, request.PageToken, $"languages|{request.UnOfficialOnly}");
        var result = reference.Languages(request.UnOfficialOnly, page);
        return Task.FromResult(new ListLanguagesResponse
        {
            Languages = { result.Items.Select(l => new Proto.Language
            {
                Name = ResourceNames.Language(l.LanguageCode),
                LanguageCode = l.LanguageCode,
                DisplayName = Said(DisplayNames.Of(l)),
                UnOfficial = l.UnOfficial,
            }) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    public override Task<ListSkillsResponse> ListSkills(ListSkillsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var stream = v.Enum("stream", request.Stream, required: false);
        v.ThrowIfInvalid();
        var (page, fingerprint) = Paging(request.PageSize, request.PageToken, $"skills|{stream}");
        var result = reference.Skills(stream == Proto.SkillStream.Unspecified ? null : (Domain.Reference.SkillStream)stream, page);
        return Task.FromResult(new ListSkillsResponse
        {
            Skills = { result.Items.Select(s => new Proto.Skill
            {
                Name = ResourceNames.Skill(s.SkillCode),
                SkillCode = s.SkillCode,
                DisplayName = Said(DisplayNames.Of(s)),
                Stream = (Proto.SkillStream)s.Stream,
                Specialist = s.Specialist,
            }) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    public override Task<ListMissionsResponse> ListMissions(ListMissionsRequest request, ServerCallContext context)
    {
        var (page, fingerprint) = Paging(request.PageSize, request.PageToken, "missions");
        var result = reference.Missions(page);
        return Task.FromResult(new ListMissionsResponse
        {
            Missions = { result.Items.Select(m => new Proto.Mission
            {
                Name = ResourceNames.Mission(m.MissionCode),
                Acronym = m.Acronym,
                DisplayName = Said(DisplayNames.Of(m)),
                HostRegionCode = m.HostRegionCode,
                WorkingLanguageCodes = { m.WorkingLanguageCodes },
            }) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    private (PageRequest Page, string Fingerprint) Paging(int pageSize, string pageToken, string fingerprint)
    {
        var v = new Validator();
        var size = v.PageSize("page_size", pageSize, DefaultPageSize, MaxPageSize);
        v.ThrowIfInvalid();
        return (new PageRequest(size, pageTokens.Decode(pageToken, fingerprint)), fingerprint);
    }

    private static Proto.MemberState ToProto(Domain.Reference.MemberState state) => new()
    {
        Name = ResourceNames.MemberState(state.RegionCode),
        RegionCode = state.RegionCode,
        DisplayName = Said(DisplayNames.Of(state)),
    };

    /// <summary>In the call's language (Edge/CallerLanguage sets it from accept-language).</summary>
    private static string Said(Phrase name) => name.In(CultureInfo.CurrentUICulture);
}
