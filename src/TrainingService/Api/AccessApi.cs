using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Domain.Reference;
using Training.Service.Security;
using Training.Service.Storage;
using Unpol.Training.V1;
using Proto = Unpol.Training.V1;
using Role = Training.Service.Security.Role;
using AccessToken = Training.Service.Security.AccessToken;

namespace Training.Service.Api;

public sealed class AccessApi(
    TokenIssuer issuer,
    PageTokens pageTokens,
    IAccessTokenRepository tokens,
    AuditTrail auditTrail,
    IReferenceData reference,
    TimeProvider clock) : AccessService.AccessServiceBase
{
    public override Task<Proto.Caller> GetCaller(GetCallerRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        return Task.FromResult(new Proto.Caller
        {
            AccessToken = caller.TokenName,
            DisplayName = caller.DisplayName,
            Role = (Proto.Role)caller.Role,
            RegionCode = caller.RegionCode ?? "",
            Scope = caller.Scope is null ? null : ToProto(caller.Scope),
        });
    }

    public override async Task<CreateAccessTokenResponse> CreateAccessToken(CreateAccessTokenRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var proto = request.AccessToken;
        if (proto is null)
        {
            v.Add("access_token", "is required.");
            v.ThrowIfInvalid();
        }
        var draft = new AccessToken
        {
            DisplayName = v.Required("access_token.display_name", proto!.DisplayName, 200),
            Role = (Role)v.Enum("access_token.role", proto.Role, required: true),
        };
        if (draft.Role == Role.FocalPoint)
            draft.RegionCode = v.MemberStateCode("access_token.region_code", proto.RegionCode, reference);
        else if (!string.IsNullOrEmpty(proto.RegionCode))
            v.Add("access_token.region_code", "is only for focal point tokens.");
        if (draft.Role == Role.Integration)
            draft.Scope = Scope(v, proto.Scope);
        else if (proto.Scope is not null)
            v.Add("access_token.scope", "is only for integration tokens.");
        if (v.Time("access_token.expire_time", proto.ExpireTime, required: false) is { } expiry)
        {
            if (expiry <= clock.UtcNow()) v.Add("access_token.expire_time", "must be in the future.");
            draft.ExpireTime = expiry;
        }
        v.ThrowIfInvalid();

        var (token, secret) = await issuer.IssueAsync(caller.ActingIn(MethodRights.Operation(context.Method)), draft, context.CancellationToken);
        return new CreateAccessTokenResponse { AccessToken = ToProto(token), Secret = secret };
    }

    public override Task<ListAccessTokensResponse> ListAccessTokens(ListAccessTokensRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var size = v.PageSize("page_size", request.PageSize, 50, 500);
        v.ThrowIfInvalid();
        var onlySelf = AccessPolicy.ReachOf(caller, Right.ListAccessTokens) == Reach.Self;
        var fingerprint = $"tokens|{request.ShowInactive}|{(onlySelf ? caller.TokenName : "")}";
        var page = new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint));
        var ownId = caller.TokenName["accessTokens/".Length..];
        var result = tokens.List(request.ShowInactive, onlySelf ? ownId : null, clock.UtcNow(), page);
        return Task.FromResult(new ListAccessTokensResponse
        {
            AccessTokens = { result.Items.Select(ToProto) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    public override async Task<Proto.AccessToken> RevokeAccessToken(RevokeAccessTokenRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var id = Names.AccessToken(v, "name", request.Name);
        v.ThrowIfInvalid();
        return ToProto(await issuer.RevokeAsync(caller.ActingIn(MethodRights.Operation(context.Method)), id!, context.CancellationToken));
    }

    public override Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var caller = AuthenticationInterceptor.CallerOf(context);
        var v = new Validator();
        var size = v.PageSize("page_size", request.PageSize, 100, 1000);
        var actor = v.Optional("actor", request.Actor, 200);
        var resource = v.Optional("resource", request.Resource, 300).TrimEnd('/');
        var from = v.Time("start_time", request.StartTime, required: false);
        var to = v.Time("end_time", request.EndTime, required: false);
        if (from is not null && to is not null && to <= from) v.Add("end_time", "must be after start_time.");
        v.ThrowIfInvalid();

        if (AccessPolicy.ReachOf(caller, Right.ReadAuditTrail) == Reach.Self)
        {
            if (actor.Length > 0 && actor != caller.TokenName)
                throw new PermissionDeniedException("A focal point may read only the audit events it made itself.");
            actor = caller.TokenName;
        }
        var fingerprint = $"audit|{actor}|{resource}|{from:O}|{to:O}";
        var page = new PageRequest(size, pageTokens.Decode(request.PageToken, fingerprint));
        var result = auditTrail.List(actor.Length > 0 ? actor : null, resource.Length > 0 ? resource : null, from, to, page);
        return Task.FromResult(new ListAuditEventsResponse
        {
            AuditEvents = { result.Items.Select(e => new Proto.AuditEvent
            {
                Name = ResourceNames.AuditEvent(e.Sequence),
                EventTime = Timestamp.FromDateTime(e.EventTime),
                Actor = e.Actor,
                ActorDisplayName = e.ActorDisplayName,
                Method = e.Method,
                Resource = e.Resource,
                Summary = e.SummaryIn(CultureInfo.CurrentUICulture),
            }) },
            NextPageToken = pageTokens.Next(result, fingerprint),
        });
    }

    private Security.IntegrationScope? Scope(Validator v, Proto.IntegrationScope? scope)
    {
        if (scope is null)
        {
            v.Add("access_token.scope", "is required for integration tokens.");
            return null;
        }
        if (!scope.AllMemberStates && scope.RegionCodes.Count == 0)
            v.Add("access_token.scope.region_codes", "name at least one Member State, or set all_member_states.");
        if (scope.AllMemberStates && scope.RegionCodes.Count > 0)
            v.Add("access_token.scope.region_codes", "must be empty when all_member_states is set.");
        v.MaxCount("access_token.scope.region_codes", scope.RegionCodes, 200);
        var codes = scope.RegionCodes
            .Select((c, i) => v.MemberStateCode($"access_token.scope.region_codes[{i}]", c, reference))
            .OfType<string>()
            .Distinct()
            .ToList();
        return new Security.IntegrationScope { AllMemberStates = scope.AllMemberStates, RegionCodes = codes, ReadWrite = scope.ReadWrite };
    }

    private static Proto.IntegrationScope ToProto(Security.IntegrationScope scope) => new()
    {
        AllMemberStates = scope.AllMemberStates,
        RegionCodes = { scope.RegionCodes },
        ReadWrite = scope.ReadWrite,
    };

    private static Proto.AccessToken ToProto(AccessToken token) => new()
    {
        Name = token.Name,
        DisplayName = token.DisplayName,
        Role = (Proto.Role)token.Role,
        RegionCode = token.RegionCode ?? "",
        Scope = token.Scope is null ? null : ToProto(token.Scope),
        ExpireTime = token.ExpireTime is { } e ? Timestamp.FromDateTime(e) : null,
        CreateTime = Timestamp.FromDateTime(token.CreateTime),
        RevokeTime = token.RevokeTime is { } r ? Timestamp.FromDateTime(r) : null,
        Creator = token.Creator,
    };
}
