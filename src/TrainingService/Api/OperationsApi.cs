using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Training.Service.Operations;
using Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>What operators do through the API: an online backup, streamed.</summary>
public sealed class OperationsApi(DatabaseBackup backups) : OperationsService.OperationsServiceBase
{
    /// <summary>Chunk size: far under gRPC's 4 MiB message limit, large enough to keep the stream cheap.</summary>
    public const int ChunkBytes = 64 * 1024;

    public override async Task BackupDatabase(BackupDatabaseRequest request, IServerStreamWriter<BackupDatabaseResponse> responseStream,
        ServerCallContext context)
    {
        var cancellation = context.CancellationToken;
        await using var snapshot = await backups.SnapshotAsync(cancellation);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await snapshot.File.ReadAsync(buffer, cancellation)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await responseStream.WriteAsync(new BackupDatabaseResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellation);
        }
        await responseStream.WriteAsync(new BackupDatabaseResponse
        {
            Summary = new BackupSummary
            {
                SizeBytes = snapshot.Size,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
                CreateTime = Timestamp.FromDateTimeOffset(snapshot.Taken),
                SchemaVersion = snapshot.SchemaVersion,
                Encrypted = snapshot.Encrypted,
            },
        }, cancellation);
    }
}
