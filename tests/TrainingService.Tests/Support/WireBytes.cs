using Google.Protobuf.Reflection;

namespace Training.Service.Tests.Support;

/// <summary>Hand-made protobuf bytes, well-formed or not, for requests no generated client would send.</summary>
public static class WireBytes
{
    public const int Varint = 0, Fixed64 = 1, LengthDelimited = 2, StartGroup = 3, EndGroup = 4, Fixed32 = 5;

    public static byte[] Tag(int field, int wireType) => VarintOf(((ulong)field << 3) | (uint)wireType);

    public static byte[] VarintOf(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? low : (byte)(low | 0x80));
        } while (value != 0);
        return bytes.ToArray();
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>A length-delimited field holding <paramref name="content"/>.</summary>
    public static byte[] Field(int field, byte[] content) => Concat(Tag(field, LengthDelimited), VarintOf((ulong)content.Length), content);

    /// <summary>Groups opened <paramref name="depth"/> deep and closed again, in field 15 (unknown to every request).</summary>
    public static byte[] NestedGroups(int depth)
    {
        var open = Tag(15, StartGroup);
        var close = Tag(15, EndGroup);
        return Enumerable.Repeat(open, depth).Concat(Enumerable.Repeat(close, depth)).SelectMany(b => b).ToArray();
    }

    /// <summary>
    /// <paramref name="text"/> as the value of the first string field reachable in <paramref name="message"/> (through
    /// nested messages), or null when the message has none.
    /// </summary>
    public static byte[]? InFirstStringField(MessageDescriptor message, byte[] text) =>
        InFirstStringField(message, text, depth: 0);

    private static byte[]? InFirstStringField(MessageDescriptor message, byte[] text, int depth)
    {
        if (depth > 4) return null;
        var fields = message.Fields.InDeclarationOrder();
        if (fields.FirstOrDefault(f => f.FieldType == FieldType.String) is { } direct) return Field(direct.FieldNumber, text);
        foreach (var nested in fields.Where(f => f.FieldType == FieldType.Message && !f.IsMap))
        {
            if (InFirstStringField(nested.MessageType, text, depth + 1) is { } inner) return Field(nested.FieldNumber, inner);
        }
        return null;
    }
}
