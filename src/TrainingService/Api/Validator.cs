using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Training.Service.Domain.Common;

namespace Training.Service.Api;

/// <summary>
/// Collects every invalid field of a request, so the caller learns all of them in one
/// <c>BadRequest</c> instead of one per round trip. Nothing reaches the domain until <see cref="ThrowIfInvalid"/> passes.
/// </summary>
public sealed partial class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new InvalidInputException(_violations.ToList());
    }

    /// <summary>A required text of at most <paramref name="max"/> characters, trimmed; null when invalid.</summary>
    public string Required(string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) Add(field, "is required.");
        else if (text.Length > max) Add(field, $"must be at most {max} characters.");
        else if (HasControlCharacters(text)) Add(field, "must not contain control characters.");
        return text;
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters, trimmed.</summary>
    public string Optional(string field, string? value, int max, bool multiline = false)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max) Add(field, $"must be at most {max} characters.");
        else if (HasControlCharacters(text, multiline)) Add(field, "must not contain control characters.");
        return text;
    }

    /// <summary>A client-chosen resource id (AIP-122): lower case letters, digits and hyphens, starting with a letter.</summary>
    public string? OptionalId(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!IdPattern().IsMatch(value))
        {
            Add(field, "must be 1 to 63 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-'.");
            return null;
        }
        return value;
    }

    /// <summary>An optional request id (AIP-155): a UUID, with the fingerprint of the rest of <paramref name="request"/>.</summary>
    public RequestIdentity? RequestId(string field, string? value, Google.Protobuf.IMessage request)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!Guid.TryParse(value, out var id))
        {
            Add(field, "must be a UUID, e.g. 8f14e45f-ceea-4672-9f1a-3c0b5a2e1d77.");
            return null;
        }
        return new RequestIdentity(id.ToString("D"), RequestFingerprint.Of(request));
    }

    public int PageSize(string field, int requested, int defaultSize, int maxSize)
    {
        if (requested < 0)
        {
            Add(field, "must not be negative.");
            return defaultSize;
        }
        return requested == 0 ? defaultSize : Math.Min(requested, maxSize);
    }

    public int Range(string field, int value, int min, int max)
    {
        if (value < min || value > max) Add(field, $"must be between {min} and {max}.");
        return value;
    }

    public DateOnly? Date(string field, Google.Type.Date? date, bool required)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            if (required) Add(field, "is required.");
            return null;
        }
        if (date.Year is < 1900 or > 2200 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar day between 1900 and 2200.");
            return null;
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public DateTime? Time(string field, Timestamp? time, bool required)
    {
        if (time is null)
        {
            if (required) Add(field, "is required.");
            return null;
        }
        var min = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var max = new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (time.Nanos is < 0 or > 999_999_999 || time.Seconds < 0 || time.Seconds > (max - min).TotalSeconds)
        {
            Add(field, "must be an instant between 1970 and 2200.");
            return null;
        }
        return time.ToDateTime();
    }

    public T Enum<T>(string field, T value, bool required) where T : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value)) Add(field, $"{Convert.ToInt32(value)} is not a known value.");
        else if (required && Convert.ToInt32(value) == 0) Add(field, "is required.");
        return value;
    }

    public void MaxCount<T>(string field, ICollection<T> items, int max)
    {
        if (items.Count > max) Add(field, $"must have at most {max} entries.");
    }

    private static bool HasControlCharacters(string text, bool multiline = false) =>
        text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex IdPattern();
}
