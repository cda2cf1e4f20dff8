using Google.Protobuf.Reflection;
using Training.Service.Domain.Roster;
using Proto = Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// Which writable fields of two officers differ, compared as the API shows them: two officers that read back the
/// same through the API (and so export to the same row) are the same, whatever their storage history.
/// </summary>
public static class OfficerDifference
{
    private static readonly FieldDescriptor[] Fields = OfficerMapping.WritableFields
        .Select(name => Proto.Officer.Descriptor.FindFieldByName(name))
        .ToArray();

    /// <summary>The update_mask paths whose values differ between <paramref name="stored"/> and <paramref name="incoming"/>.</summary>
    public static IReadOnlyList<string> Between(Officer stored, Officer incoming)
    {
        var before = OfficerMapping.ToProto(stored);
        var after = OfficerMapping.ToProto(incoming);
        return Fields.Where(f => !Equals(f.Accessor.GetValue(before), f.Accessor.GetValue(after))).Select(f => f.Name).ToList();
    }

    /// <summary>Copies onto <paramref name="stored"/> the fields of <paramref name="incoming"/> that differ, and names them.</summary>
    public static IReadOnlyList<string> Merge(Officer stored, Officer incoming)
    {
        var changed = Between(stored, incoming);
        OfficerMapping.Apply(incoming, stored, changed);
        return changed;
    }
}
