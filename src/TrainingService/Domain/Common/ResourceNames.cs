namespace Training.Service.Domain.Common;

/// <summary>The resource names of the API (AIP-122), built in one place.</summary>
public static class ResourceNames
{
    public static string MemberState(string regionCode) => $"memberStates/{regionCode}";
    public static string Officer(string regionCode, string officerId) => $"memberStates/{regionCode}/officers/{officerId}";
    public static string Nomination(string regionCode, string nominationId) => $"memberStates/{regionCode}/nominations/{nominationId}";
    public static string Course(string courseId) => $"courses/{courseId}";
    public static string Session(string courseId, string sessionId) => $"courses/{courseId}/sessions/{sessionId}";
    public static string Request(string requestId) => $"requests/{requestId}";
    public static string AccessToken(string tokenId) => $"accessTokens/{tokenId}";
    public static string AuditEvent(long sequence) => $"auditEvents/{sequence}";
    public static string Language(string code) => $"languages/{code}";
    public static string Skill(string code) => $"skills/{code}";
    public static string Mission(string code) => $"missions/{code}";
}
