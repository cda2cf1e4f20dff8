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

    public static RpcException ToRpcException(DomainException error)
    {
        var (code, details) = error switch
        {
            InvalidInputException invalid => (Code.InvalidArgument, new IMessage[]
            {
                new BadRequest
                {
                    FieldViolations =
                    {
                        invalid.Violations.Select(v => new BadRequest.Types.FieldViolation
                        {
                            Field = v.Field,
                            Description = v.Description,
                        }),
                    },
                },
            }),
            NotFoundException notFound => (Code.NotFound, new IMessage[]
            {
                new ResourceInfo { ResourceName = notFound.ResourceName, Description = notFound.Message },
            }),
            AlreadyExistsException exists => (Code.AlreadyExists, new IMessage[]
            {
                new ResourceInfo { ResourceName = exists.ResourceName, Description = exists.Message },
            }),
            RuleViolationException rule => (Code.FailedPrecondition, new IMessage[]
            {
                new PreconditionFailure
                {
                    Violations =
                    {
                        rule.Violations.Select(v => new PreconditionFailure.Types.Violation
                        {
                            Type = v.Type,
                            Subject = v.Subject,
                            Description = v.Description,
                        }),
                    },
                },
            }),
            EtagMismatchException etag => (Code.Aborted, new IMessage[]
            {
                new ResourceInfo { ResourceName = etag.ResourceName, Description = etag.Message },
            }),
            OutOfRangeException => (Code.OutOfRange, Array.Empty<IMessage>()),
            UnauthenticatedException => (Code.Unauthenticated, Array.Empty<IMessage>()),
            PermissionDeniedException => (Code.PermissionDenied, Array.Empty<IMessage>()),
            _ => (Code.Internal, Array.Empty<IMessage>()),
        };

        var status = new Status
        {
            Code = (int)code,
            Message = error.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = Domain }) },
        };
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }

    /// <summary>A fault of ours: the caller learns only that, and a correlation id to report; the log gets the rest.</summary>
    public static RpcException Internal(string correlationId) => new Status
    {
        Code = (int)Code.Internal,
        Message = $"The service failed to handle this request. Report the reference {correlationId} to the administrators.",
        Details = { Any.Pack(new ErrorInfo { Reason = "INTERNAL_FAULT", Domain = Domain, Metadata = { ["reference"] = correlationId } }) },
    }.ToRpcException();
}
