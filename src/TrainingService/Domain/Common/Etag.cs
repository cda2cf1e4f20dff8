namespace Training.Service.Domain.Common;

/// <summary>Etags are derived from a resource's revision, which every write increments.</summary>
public static class Etag
{
    public static string Of(long revision) => $"\"{revision}\"";

    /// <summary>Throws when a caller sent an etag that is not the current one; an empty etag skips the check.</summary>
    public static void Check(string? sent, long revision, string resourceName)
    {
        if (!string.IsNullOrEmpty(sent) && sent != Of(revision))
            throw new EtagMismatchException(resourceName);
    }
}
