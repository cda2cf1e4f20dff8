using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Training.Service.Domain.Common;
using Training.Service.Security;
using Status = Google.Rpc.Status;

namespace Training.Service.Api;

/// <summary>
/// The one mapping from domain failures to gRPC statuses with rich details (AIP-193): every error carries an
/// <see cref="ErrorInfo"/>; bad input a <see cref="BadRequest"/>; rule failures a <see cref="PreconditionFailure"/>.
/// </summary>
public static class ErrorMapping
{
    public const string Domain = "training.unpol.un.org";

    /// <summary>An error lists at most this many violations, so its trailer always fits in one HTTP/2 header block.</summary>
    public const int MaxListedViolations = 20;

    private const int MaxMessageLength = 1_000, MaxFieldLength = 200, MaxDescriptionLength = 500;

    public static RpcException ToRpcException(DomainException error)
    {
        var (code, details, omitted) = error switch
        {
            InvalidInputException invalid => (Code.InvalidArgument, new IMessage[] { BoundedBadRequest(invalid.Violations) },
                Omitted(invalid.Violations.Count)),
            NotFoundException notFound => (Code.NotFound, new IMessage[]
            {
                new ResourceInfo { ResourceName = Clip(notFound.ResourceName, MaxFieldLength), Description = Clip(notFound.Message, MaxDescriptionLength) },
            }, 0),
            AlreadyExistsException exists => (Code.AlreadyExists, new IMessage[]
            {
                new ResourceInfo { ResourceName = Clip(exists.ResourceName, MaxFieldLength), Description = Clip(exists.Message, MaxDescriptionLength) },
            }, 0),
            RuleViolationException rule => (Code.FailedPrecondition, new IMessage[]
            {
                new PreconditionFailure
                {
                    Violations =
                    {
                        rule.Violations.Take(MaxListedViolations).Select(v => new PreconditionFailure.Types.Violation
                        {
                            Type = v.Type,
                            Subject = Clip(v.Subject, MaxFieldLength),
                            Description = Clip(v.Words?.In(CultureInfo.CurrentUICulture) ?? v.Description, MaxDescriptionLength),
                        }),
                    },
                },
            }, Omitted(rule.Violations.Count)),
            EtagMismatchException etag => (Code.Aborted, new IMessage[]
            {
                new ResourceInfo { ResourceName = Clip(etag.ResourceName, MaxFieldLength), Description = Clip(etag.Message, MaxDescriptionLength) },
            }, 0),
            OutOfRangeException => (Code.OutOfRange, Array.Empty<IMessage>(), 0),
            UnauthenticatedException => (Code.Unauthenticated, Array.Empty<IMessage>(), 0),
            PermissionDeniedException => (Code.PermissionDenied, Array.Empty<IMessage>(), 0),
            _ => (Code.Internal, Array.Empty<IMessage>(), 0),
        };
        return RichStatus(code, error.Reason, error.Message, omitted, [.. details, Localized(error)]).ToRpcException();
    }

    /// <summary>
    /// The message in the caller's language (AIP-193), beside the English one: the accept-language of the call chose
    /// the UI culture. A message not yet translated is given in English, and says so in its locale.
    /// </summary>
    private static LocalizedMessage Localized(DomainException error)
    {
        var culture = CultureInfo.CurrentUICulture;
        var french = Phrase.SpeaksFrench(culture) && error.Words is not null;
        return new LocalizedMessage
        {
            Locale = french ? "fr" : "en",
            Message = Clip(french ? error.Words!.In(culture) : error.Message, MaxMessageLength),
        };
    }

    /// <summary>
    /// A status with an <see cref="ErrorInfo"/> first, then <paramref name="details"/>; when violations were left out,
    /// the ErrorInfo's metadata "more_violations" says how many.
    /// </summary>
    public static Status RichStatus(Code code, string reason, string message, int omittedViolations, params IMessage[] details)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (omittedViolations > 0) info.Metadata["more_violations"] = omittedViolations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = new Status { Code = (int)code, Message = Clip(message, MaxMessageLength), Details = { Any.Pack(info) } };
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        return status;
    }

    /// <summary>The first <see cref="MaxListedViolations"/> field violations, each clipped to a readable length.</summary>
    public static BadRequest BoundedBadRequest(IEnumerable<FieldViolation> violations) => new()
    {
        FieldViolations =
        {
            violations.Take(MaxListedViolations).Select(v => new BadRequest.Types.FieldViolation
            {
                Field = Clip(v.Field, MaxFieldLength),
                Description = Clip(v.Description, MaxDescriptionLength),
            }),
        },
    };

    /// <summary>How many of <paramref name="count"/> violations an error leaves out.</summary>
    public static int Omitted(int count) => Math.Max(0, count - MaxListedViolations);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>A fault of ours: the caller learns only that, and a correlation id to report; the log gets the rest.</summary>
    public static RpcException Internal(string correlationId) => new Status
    {
        Code = (int)Code.Internal,
        Message = $"The service failed to handle this request. Report the reference {correlationId} to the administrators.",
        Details = { Any.Pack(new ErrorInfo { Reason = "INTERNAL_FAULT", Domain = Domain, Metadata = { ["reference"] = correlationId } }) },
    }.ToRpcException();
}
