using Google.Protobuf.WellKnownTypes;

namespace Training.Service.Api;

public static class FieldMasks
{
    /// <summary>
    /// The fields an update names (AIP-134): "*" means every writable field; an unknown or output-only
    /// path is a field violation on <c>update_mask</c>.
    /// </summary>
    public static IReadOnlyCollection<string> Paths(this Validator v, FieldMask? mask, IReadOnlyList<string> writable)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            v.Add("update_mask", $"is required: name the fields to change, or \"*\" for all of {string.Join(", ", writable)}.");
            return [];
        }
        if (mask.Paths.Contains("*")) return writable;
        var paths = new HashSet<string>();
        foreach (var path in mask.Paths)
        {
            if (writable.Contains(path)) paths.Add(path);
            else v.Add("update_mask", $"\"{(path.Length > 60 ? path[..60] : path)}\" is not a writable field; use one of {string.Join(", ", writable)}.");
        }
        return paths;
    }
}
