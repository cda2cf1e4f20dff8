namespace Training.Service.Domain.Common;

/// <summary>A failure the caller can act on. The API edge maps each kind to one gRPC status.</summary>
public abstract class DomainException(string reason, string message) : Exception(message)
{
    /// <summary>UPPER_SNAKE machine-readable reason, e.g. <c>SESSION_FULL</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>The message as words to say in the caller's language, where it has been translated.</summary>
    public virtual Phrase? Words => null;
}

/// <summary>One invalid request field and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>The request itself is malformed; every bad field is listed.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations)
    : DomainException("INVALID_FIELDS", Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public InvalidInputException(string field, string description) : this([new FieldViolation(field, description)]) { }

    /// <summary>The message names the first few violations only: the full list is in the error's details.</summary>
    private const int NamedInMessage = 3;

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? $"Invalid {violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: "
              + string.Join("; ", violations.Take(NamedInMessage).Select(v => $"{v.Field}: {v.Description}"))
              + (violations.Count > NamedInMessage ? $"; and {violations.Count - NamedInMessage} more" : "");
}

public sealed class NotFoundException(string resourceName)
    : DomainException("RESOURCE_NOT_FOUND", $"{resourceName} does not exist.")
{
    public override Phrase? Words => new("Error_NotFound", ResourceName);

    public string ResourceName { get; } = resourceName;
}

public sealed class AlreadyExistsException(string resourceName, string reason, string message)
    : DomainException(reason, message)
{
    public string ResourceName { get; } = resourceName;

    public AlreadyExistsException(string resourceName)
        : this(resourceName, "RESOURCE_ALREADY_EXISTS", $"{resourceName} already exists.") { }
}

/// <summary>One rule or state that forbids the change (a <c>PreconditionFailure.Violation</c> at the edge).</summary>
/// <param name="Words">The description as words to say in the caller's language, where it has been translated.</param>
public sealed record RuleViolation(string Type, string Subject, string Description, Phrase? Words = null);

/// <summary>A business rule or the resource's state forbids the change.</summary>
public sealed class RuleViolationException(string reason, IReadOnlyList<RuleViolation> violations, string message, Phrase? words = null)
    : DomainException(reason, message)
{
    public IReadOnlyList<RuleViolation> Violations { get; } = violations;

    public override Phrase? Words => words;

    public RuleViolationException(string reason, string subject, string description)
        : this(reason, [new RuleViolation(reason, subject, description)], description) { }
}

/// <summary>The caller's etag is stale: someone changed the resource since it was read.</summary>
public sealed class EtagMismatchException(string resourceName)
    : DomainException("ETAG_MISMATCH",
        $"{resourceName} was changed by someone else since you read it. Read it again and retry.")
{
    public override Phrase? Words => new("Error_EtagMismatch", ResourceName);

    public string ResourceName { get; } = resourceName;
}

/// <summary>A position (e.g. a watch sequence) lies outside what is kept.</summary>
public sealed class OutOfRangeException(string reason, string message) : DomainException(reason, message);
