using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Training.Service.Api;

/// <summary>
/// How large roster files may be, so that one import cannot hold unbounded memory: a chunk fits easily in one
/// gRPC message, a file of 64 MiB holds some 200,000 rows, and an all-or-nothing import keeps every validated
/// row in memory until it applies them, hence its own row limit.
/// </summary>
public static class RosterFileLimits
{
    public const int MaxChunkBytes = 1024 * 1024;
    public const long MaxFileBytes = 64L * 1024 * 1024;
    public const int MaxAllOrNothingRows = 100_000;
    /// <summary>A CSV record or a JSON line; a longer one is almost surely an unclosed quote.</summary>
    public const int MaxRowBytes = 64 * 1024;
    /// <summary>ImportOfficerFile, one call holding the whole file: the bytes (gRPC's message limit) and rows.</summary>
    public const int MaxFileCallBytes = 4 * 1024 * 1024;
    public const int MaxFileCallRows = 5_000;
    /// <summary>ImportOfficerFile lists at most this many bad rows; the summary counts them all.</summary>
    public const int MaxListedRowErrors = 1_000;
    /// <summary>Exports are sent in chunks of about this size.</summary>
    public const int ExportChunkBytes = 64 * 1024;

    /// <summary>
    /// RESOURCE_EXHAUSTED (AIP-193) with an <see cref="ErrorInfo"/> and a <see cref="QuotaFailure"/> naming the
    /// limit. Built here rather than through a domain exception: these limits belong to the file transfer, not to
    /// the roster.
    /// </summary>
    public static RpcException Exceeded(string reason, string subject, string description) => new Status
    {
        Code = (int)Code.ResourceExhausted,
        Message = description,
        Details =
        {
            Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorMapping.Domain }),
            Any.Pack(new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = subject, Description = description } } }),
        },
    }.ToRpcException();
}
