using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Domain.Roster;
using Training.Service.Security;
using Training.Service.Storage;
using Unpol.Training.V1;
using Proto = Unpol.Training.V1;
using Caller = Training.Service.Security.Caller;

namespace Training.Service.Api;

public sealed partial class RosterApi(
    RosterWorkflow roster,
    IOfficerRepository officers,
    OfficerMapping mapping,
    PageTokens pageTokens,
    IReferenceData reference,
    TimeProvider clock,
    Operations.ServiceMetrics metrics) : RosterService.RosterServiceBase
{
    private const int DefaultPageSize = 50, MaxPageSize = 500;

    public override async Task<Proto.Officer> CreateOfficer(CreateOfficerRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var region = Names.MemberState(v, "parent", request.Parent);
        if (region is not null) caller.Demand(Right.WriteOfficers, region);
        var id = v.OptionalId("officer_id", request.OfficerId);
        var requestId = v.RequestId("request_id", request.RequestId, request);
        if (request.Officer is null) v.Add("officer", "is required.");
        v.ThrowIfInvalid();
        EnsureMemberState(region!);
        var draft = mapping.FromProto(v, "officer", request.Officer!, OfficerMapping.WritableFields);
        v.ThrowIfInvalid();

        var officer = await roster.CreateAsync(Actor(caller, context), region!, id, draft, requestId, context.CancellationToken);
        return OfficerMapping.ToProto(officer);
    }

    public override Task<Proto.Officer> GetOfficer(GetOfficerRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var (region, id) = OfficerName(caller, Right.ReadOfficers, "name", request.Name);
        var officer = officers.Get(region, id) ?? throw new NotFoundException(ResourceNames.Officer(region, id));
        return Task.FromResult(OfficerMapping.ToProto(officer));
    }

    public override Task<ListOfficersResponse> ListOfficers(ListOfficersRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var parent = Names.MemberState(v, "parent", request.Parent, allowWildcard: true);
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        v.ThrowIfInvalid();

        IReadOnlyCollection<string>? regions;
        if (parent == Names.AnyMemberState)
        {
            if (caller.Role == Security.Role.FocalPoint)
                throw new PermissionDeniedException($"A focal point lists officers of its own Member State: use memberStates/{caller.RegionCode}.");
            regions = caller.MemberStatesFor(Right.ReadOfficers);
        }
        else
        {
            caller.Demand(Right.ReadOfficers, parent!);
            EnsureMemberState(parent!);
            regions = [parent!];
        }
        var fingerprint = $"officers|{request.Parent.ToUpperInvariant()}";
        var result = officers.List(regions, new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint)));
        return Task.FromResult(new ListOfficersResponse
        {
            Officers = { result.Items.Select(OfficerMapping.ToProto) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    public override async Task<Proto.Officer> UpdateOfficer(UpdateOfficerRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        if (request.Officer is null) throw new InvalidInputException("officer", "is required.");
        var (region, id) = OfficerName(caller, Right.WriteOfficers, "officer.name", request.Officer.Name);
        var v = new Validator();
        var fields = v.Paths(request.UpdateMask, OfficerMapping.WritableFields);
        v.ThrowIfInvalid();
        var changes = mapping.FromProto(v, "officer", request.Officer, fields);
        v.ThrowIfInvalid();

        var officer = await roster.UpdateAsync(Actor(caller, context), region, id, request.Officer.Etag, fields, stored =>
        {
            OfficerMapping.Apply(changes, stored, fields);
            EnsureDatesInOrder(stored);
        }, context.CancellationToken);
        return OfficerMapping.ToProto(officer);
    }

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteOfficer(DeleteOfficerRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var (region, id) = OfficerName(caller, Right.WriteOfficers, "name", request.Name);
        await roster.DeleteAsync(Actor(caller, context), region, id, request.Etag, context.CancellationToken);
        return new Google.Protobuf.WellKnownTypes.Empty();
    }

    public override Task<SearchOfficersResponse> SearchOfficers(SearchOfficersRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        v.MaxCount("region_codes", request.RegionCodes, 193);
        var regions = request.RegionCodes
            .Select((code, i) => v.MemberStateCode($"region_codes[{i}]", code, reference))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var nameText = v.Optional("name_text", request.NameText, 100);
        var policeId = v.Optional("national_police_id", request.NationalPoliceId, 40);
        var skills = v.SkillRequirements("skills", request.Skills, reference);
        var languages = v.LanguageRequirements("languages", request.Languages, reference);
        var gender = v.Enum("gender", request.Gender, required: false);
        var availability = v.Enum("availability", request.Availability, required: false);
        var minYears = v.Range("min_service_years", request.MinServiceYears, 0, 60);
        var size = v.PageSize("page_size", request.PageSize, DefaultPageSize, MaxPageSize);
        v.ThrowIfInvalid();

        var readable = caller.MemberStatesFor(Right.ReadOfficers);
        foreach (var region in regions) caller.Demand(Right.ReadOfficers, region);
        IReadOnlyCollection<string>? scope = regions.Count > 0 ? regions : readable;

        var query = new OfficerQuery(
            scope,
            nameText.Length > 0 ? nameText : null,
            policeId.Length > 0 ? policeId : null,
            skills,
            languages,
            gender == Proto.Gender.Unspecified ? null : (Domain.Roster.Gender)gender,
            availability == Proto.Availability.Unspecified ? null : (Domain.Roster.Availability)availability,
            minYears > 0 ? minYears : null,
            Dates.Today(clock));
        var fingerprint = "search|" + string.Join("|",
            string.Join(",", scope ?? ["*"]), query.FoldedNamePrefix, policeId.ToUpperInvariant(),
            string.Join(",", skills.Select(s => $"{s.SkillCode}:{s.MinimumLevel}")),
            string.Join(",", languages.Select(l => $"{l.LanguageCode}:{l.MinimumLevel}:{string.Join("+", l.Skills)}")),
            gender, availability, minYears);
        var result = officers.Search(query, new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint)));
        return Task.FromResult(new SearchOfficersResponse
        {
            Officers = { result.Items.Select(OfficerMapping.ToProto) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    /// <summary>Parses an officer name and checks the caller's right on its Member State before anything is read.</summary>
    private static (string Region, string Id) OfficerName(Caller caller, Right right, string field, string name)
    {
        var v = new Validator();
        var parsed = Names.Officer(v, field, name);
        v.ThrowIfInvalid();
        caller.Demand(right, parsed!.Value.RegionCode);
        return parsed.Value;
    }

    private void EnsureMemberState(string region)
    {
        if (reference.MemberState(region) is null) throw new NotFoundException(ResourceNames.MemberState(region));
    }

    /// <summary>After a partial update the stored dates must still be in order.</summary>
    private static void EnsureDatesInOrder(Domain.Roster.Officer officer)
    {
        var v = new Validator();
        if (officer.ServiceStartDate < officer.BirthDate.AddYears(16))
            v.Add("officer.service_start_date", "must be at least 16 years after the birth date.");
        if (officer.RetirementDate is { } retired && retired < officer.ServiceStartDate)
            v.Add("officer.retirement_date", "must not be before the service start date.");
        v.ThrowIfInvalid();
    }

    private static Actor Actor(Caller caller, ServerCallContext context) => caller.ActingIn(MethodRights.Operation(context.Method));
}
