using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Training.Service.Tests.Support;
using static Training.Service.Tests.Support.WireBytes;

namespace Training.Service.Tests.Fuzzing;

/// <summary>
/// Hostile request bytes for any method, from a seeded <see cref="Random"/> so a run can be repeated: raw noise, every
/// wire-format malformation, deep nesting, messages of the method's own type filled from its descriptor with edge
/// values (undefined enums, control and invalid characters, forged page tokens, huge repeated fields, long texts),
/// and such messages mutated after encoding.
/// </summary>
public sealed class RequestFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The kinds of request, by the names a report shows.</summary>
    public static readonly string[] Kinds =
        ["random bytes", "malformed wire format", "deep nesting", "structured", "structured, huge", "structured, mutated", "invalid UTF-8"];

    private static readonly string[] Names =
    [
        "memberStates/SN", "memberStates/-", "memberStates/FR", "memberStates/sn", "memberStates/ZZ", "courses/cptm", "courses/-",
        "courses/cptm/sessions/2027-03", "memberStates/SN/officers/0000000001", "memberStates/SN/nominations/1", "missions/minusca",
        "recruitmentRequests/1", "accessTokens/abc", "../../etc/passwd", "memberStates/SN/officers/../../x",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "Diop", "Ndiaye-Sène", "=HYPERLINK(\"http://x\")", "\0", "\u0007bell", "a\r\nb", "\u202Eevil", "e\u0301",
        "\uD83D\uDE00", "\uFFFD", "SELECT * FROM officers", "' OR 1=1 --", "%s%s%s%n", "{\"$where\":\"1\"}", "null",
        "8f14e45f-ceea-4672-9f1a-3c0b5a2e1d77", "2027-02-30", "fr", "FORENSICS", "*",
    ];

    public (string Kind, byte[] Bytes) Next(MethodDescriptor method)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return kind switch
        {
            "random bytes" => (kind, RandomBytes(_random.Next(0, 2_000))),
            "malformed wire format" => (kind, Malformed()),
            "deep nesting" => (kind, NestedGroups(_random.Next(2) == 0 ? 101 : _random.Next(102, 12_000))),
            "structured" => (kind, Message(method.InputType, huge: false).ToByteArray()),
            "structured, huge" => (kind, Message(method.InputType, huge: true).ToByteArray()),
            "structured, mutated" => (kind, Mutate(Message(method.InputType, huge: false).ToByteArray())),
            _ => (kind, InFirstStringField(method.InputType, InvalidUtf8()) ?? Malformed()),
        };
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Malformed()
    {
        var field = _random.Next(1, 20);
        return _random.Next(10) switch
        {
            0 => Concat(Tag(field, 6 + _random.Next(2)), RandomBytes(_random.Next(4))),
            1 => Concat(Tag(field, Varint), [0x80]),
            2 => Concat(Tag(field, Varint), Enumerable.Repeat((byte)0xFF, 10 + _random.Next(5)).ToArray(), [0x01]),
            3 => Concat(Tag(field, LengthDelimited), VarintOf((ulong)_random.NextInt64(1L << 31, uint.MaxValue)), [1]),
            4 => Concat(Tag(field, LengthDelimited), VarintOf((ulong)_random.Next(10, 10_000)), RandomBytes(_random.Next(5))),
            5 => Tag(field, StartGroup),
            6 => Tag(field, EndGroup),
            7 => Concat([0x00], RandomBytes(_random.Next(4))),
            8 => Concat(Tag(field, Fixed64), RandomBytes(_random.Next(7))),
            _ => Concat(Tag(field, Fixed32), RandomBytes(_random.Next(3))),
        };
    }

    private byte[] InvalidUtf8() => _random.Next(4) switch
    {
        0 => [0xED, 0xA0, 0x80],
        1 => [0x41, 0xC3, 0x28],
        2 => [0xF8, 0x88, 0x80, 0x80, 0x80],
        _ => [0xE2, 0x82],
    };

    private byte[] Mutate(byte[] bytes)
    {
        if (bytes.Length == 0) return RandomBytes(_random.Next(1, 8));
        var mutated = (byte[])bytes.Clone();
        for (var i = _random.Next(1, 4); i > 0; i--) mutated[_random.Next(mutated.Length)] ^= (byte)(1 << _random.Next(8));
        return _random.Next(3) == 0 ? mutated[..Math.Max(1, _random.Next(mutated.Length))] : mutated;
    }

    /// <summary>A message of <paramref name="type"/> with random fields set; <paramref name="huge"/> fills one list to thousands.</summary>
    private IMessage Message(MessageDescriptor type, bool huge, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        var repeated = type.Fields.InDeclarationOrder().Where(f => f.IsRepeated && !f.IsMap).ToList();
        var hugeField = huge && repeated.Count > 0 ? repeated[_random.Next(repeated.Count)] : null;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (field.IsMap || (field != hugeField && _random.Next(3) == 0)) continue;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = field == hugeField ? _random.Next(1_000, 20_000) : _random.Next(0, 4);
                for (var i = 0; i < count; i++) list.Add(Value(field, huge: false, depth));
            }
            else if (field.FieldType != FieldType.Message || depth < 4)
            {
                field.Accessor.SetValue(message, Value(field, huge && hugeField is null, depth));
            }
        }
        return message;
    }

    private object Value(FieldDescriptor field, bool huge, int depth) => field.FieldType switch
    {
        FieldType.String => Text(field, huge),
        FieldType.Bool => _random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(0, 1, -1, 20, 500, 501, int.MaxValue, int.MinValue, _random.Next()),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Pick(0, 1, int.MaxValue, _random.Next()),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(0L, 1L, -1L, long.MaxValue, long.MinValue, 253402300800L, _random.NextInt64()),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Pick(0L, 1L, long.MaxValue, _random.NextInt64()),
        FieldType.Double => Pick(0d, -1d, 0.2, double.NaN, double.PositiveInfinity, double.Epsilon, 1e308),
        FieldType.Float => Pick(0f, -1f, float.NaN, float.NegativeInfinity),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(huge ? _random.Next(100_000, 2_000_000) : _random.Next(0, 64))),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, Pick(0, 1, 2, 3, 7, 99, -1, int.MaxValue)),
        FieldType.Message => Message(field.MessageType, huge: false, depth + 1),
        _ => throw new NotSupportedException($"{field.FullName} is of type {field.FieldType}."),
    };

    private string Text(FieldDescriptor field, bool huge)
    {
        if (huge) return new string((char)_random.Next('a', 'z' + 1), _random.Next(10_001, 200_000));
        if (field.Name == "page_token") return ForgedPageToken();
        return _random.Next(4) switch
        {
            0 => Names[_random.Next(Names.Length)],
            1 => Texts[_random.Next(Texts.Length)],
            2 => new string(Enumerable.Range(0, _random.Next(1, 300)).Select(_ => (char)_random.Next(0x20, 0xD7FF)).ToArray()),
            _ => Names[_random.Next(Names.Length)] + Texts[_random.Next(Texts.Length)],
        };
    }

    /// <summary>Page tokens a client could make: noise, and the unkeyed JSON tokens of old with hostile keys.</summary>
    private string ForgedPageToken()
    {
        string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = Pick("abc", "99999999999999999999", "", "0", "-1", "\0", "zzzz|memberStates/SN/officers/x", new string('9', 500));
        return _random.Next(4) switch
        {
            0 => Base64Url(RandomBytes(_random.Next(1, 64))),
            1 => Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { K = key, F = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("audit||||")), 0, 8) })),
            2 => Base64Url([1, .. RandomBytes(8), .. Encoding.UTF8.GetBytes(key), .. RandomBytes(16)]),
            _ => Texts[_random.Next(Texts.Length)],
        };
    }

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];
}
