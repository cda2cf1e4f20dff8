using Google.Protobuf;
using Unpol.Training.V1;

namespace Training.Service.Api;

/// <summary>
/// Writes exported rows into a buffer that the export sends and empties chunk by chunk, so an export of any size
/// holds about one chunk in memory.
/// </summary>
public abstract class RosterFileWriter : IDisposable
{
    protected MemoryStream Buffer { get; } = new();

    /// <summary>Bytes written since the last chunk was taken.</summary>
    public long Pending => Buffer.Length;

    public static RosterFileWriter For(RosterFileFormat format) => format switch
    {
        RosterFileFormat.Csv => new RosterCsvWriter(),
        RosterFileFormat.JsonLines => new RosterJsonLinesWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Validate the format before exporting."),
    };

    /// <summary>Writes one row: cells in <see cref="RosterFile.Columns"/> order.</summary>
    public abstract void Write(IReadOnlyList<string> cells);

    /// <summary>The bytes written since the last chunk, which the buffer then forgets.</summary>
    public ByteString TakeChunk()
    {
        var chunk = ByteString.CopyFrom(Buffer.GetBuffer(), 0, (int)Buffer.Length);
        Buffer.SetLength(0);
        return chunk;
    }

    public virtual void Dispose()
    {
        Buffer.Dispose();
        GC.SuppressFinalize(this);
    }
}
