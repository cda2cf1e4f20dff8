using Grpc.Core;
using Training.Service.Domain.Common;
using Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// The chunks of an import stream as one read-only byte stream, pulled from the client only as the file reader
/// needs more: at most one chunk is held, and HTTP/2 flow control slows the sender down to the pace of the import.
/// Enforces the chunk and file size limits as the bytes arrive.
/// </summary>
public sealed class ImportChunkStream(IAsyncStreamReader<ImportOfficersRequest> requests, CancellationToken cancellation) : Stream
{
    private ReadOnlyMemory<byte> _chunk;
    private long _received;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_chunk.IsEmpty)
        {
            if (_ended || !await requests.MoveNext(cancellation))
            {
                _ended = true;
                return 0;
            }
            _chunk = Accept(requests.Current);
        }
        var count = Math.Min(buffer.Length, _chunk.Length);
        _chunk[..count].CopyTo(buffer);
        _chunk = _chunk[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Blocking reads would hold a thread per import while the client sends: only async reads are served.</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("An import stream is read asynchronously.");

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private ReadOnlyMemory<byte> Accept(ImportOfficersRequest request)
    {
        if (request.PartCase != ImportOfficersRequest.PartOneofCase.Chunk)
            throw new InvalidInputException("settings", "only the first message of the stream carries settings; the rest carry chunks.");
        var chunk = request.Chunk;
        if (chunk.Length > RosterFileLimits.MaxChunkBytes)
            throw RosterFileLimits.Exceeded("IMPORT_CHUNK_TOO_LARGE", "chunk",
                $"A chunk holds at most {RosterFileLimits.MaxChunkBytes:N0} bytes; this one has {chunk.Length:N0}.");
        _received += chunk.Length;
        if (_received > RosterFileLimits.MaxFileBytes)
            throw RosterFileLimits.Exceeded("IMPORT_FILE_TOO_LARGE", "file",
                $"An import file holds at most {RosterFileLimits.MaxFileBytes / (1024 * 1024)} MiB; split it into several imports.");
        return chunk.Memory;
    }
}
