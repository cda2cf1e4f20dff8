using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Training.Service.Domain.Common;
using Unpol.Training.V1;

namespace Training.Service.Edge;

/// <summary>
/// The count and size limits of proto/unpol/training/v1/limits.proto, checked on a parsed request before any
/// handler looks at an entry: a repeated field holds at most its <c>max_entries</c>, a message at most
/// <see cref="MaxEntriesInAll"/> entries over all its repeated fields, a string at most its <c>max_length</c>.
/// Only counts and lengths are read, so a request of 100,000 entries costs the same as one of 101.
/// </summary>
public static class RequestLimits
{
    public const int DefaultMaxEntries = 100;
    public const int MaxEntriesInAll = 1_000;
    public const int DefaultMaxLength = 10_000;

    private static readonly ConcurrentDictionary<MessageDescriptor, Checked[]> FieldsByMessage = new();

    /// <summary>Every field over its limit, named by its path in the request (e.g. "officer.languages").</summary>
    public static IReadOnlyList<FieldViolation> Check(IMessage request)
    {
        var walk = new Walk();
        walk.Visit(request, "");
        // A field over its own limit already says what is wrong: the total matters for lists that are each within theirs.
        if (walk.Violations.Count == 0 && walk.Entries > MaxEntriesInAll)
            walk.Violations.Add(new FieldViolation("", $"has {walk.Entries:N0} entries in its repeated fields; at most {MaxEntriesInAll:N0} are accepted in all."));
        return walk.Violations;
    }

    /// <summary>A field that can hold many entries or a long text, with its limits.</summary>
    private sealed record Checked(FieldDescriptor Field, int MaxEntries, int MaxLength);

    private sealed class Walk
    {
        public List<FieldViolation> Violations { get; } = [];
        public long Entries { get; private set; }

        public void Visit(IMessage message, string path)
        {
            foreach (var (field, maxEntries, maxLength) in FieldsOf(message.Descriptor))
            {
                var value = field.Accessor.GetValue(message);
                var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                if (field.IsRepeated || field.IsMap)
                {
                    var count = ((ICollection)value).Count;
                    Entries += count;
                    if (count > maxEntries)
                    {
                        Violations.Add(new FieldViolation(name, $"has {count:N0} entries; at most {maxEntries:N0} are accepted."));
                        continue;
                    }
                    if (field.FieldType == FieldType.String) VisitTexts((IEnumerable)value, name, maxLength);
                    else if (field.FieldType == FieldType.Message && !field.IsMap) VisitMessages((IEnumerable)value, name);
                }
                else if (value is string text)
                {
                    if (text.Length > maxLength) Violations.Add(TooLong(name, text, maxLength));
                }
                else if (value is IMessage nested)
                {
                    Visit(nested, name);
                }
            }
        }

        private void VisitTexts(IEnumerable texts, string name, int maxLength)
        {
            var index = 0;
            foreach (string text in texts)
            {
                if (text.Length > maxLength) Violations.Add(TooLong($"{name}[{index}]", text, maxLength));
                index++;
            }
        }

        private static FieldViolation TooLong(string name, string text, int maxLength) =>
            new(name, $"has {text.Length:N0} characters; at most {maxLength:N0} are accepted.");

        private void VisitMessages(IEnumerable messages, string name)
        {
            var index = 0;
            foreach (IMessage entry in messages) Visit(entry, $"{name}[{index++}]");
        }
    }

    /// <summary>The fields of a message type worth a look: repeated, map, string and message fields, with their limits.</summary>
    private static Checked[] FieldsOf(MessageDescriptor descriptor) => FieldsByMessage.GetOrAdd(descriptor, d => d.Fields.InDeclarationOrder()
        .Where(f => f.IsRepeated || f.IsMap || f.FieldType is FieldType.String or FieldType.Message)
        .Select(f => new Checked(f,
            Declared(f, LimitsExtensions.MaxEntries) ?? DefaultMaxEntries,
            Declared(f, LimitsExtensions.MaxLength) ?? DefaultMaxLength))
        .ToArray());

    private static int? Declared(FieldDescriptor field, Extension<Google.Protobuf.Reflection.FieldOptions, int> option) =>
        field.GetOptions()?.HasExtension(option) == true ? field.GetOptions().GetExtension(option) : null;
}
