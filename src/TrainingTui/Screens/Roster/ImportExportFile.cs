using Unpol.Training.V1;

namespace Training.Tui.Screens.Roster;

/// <summary>Roster files as the import and export name them: where they are, and their format by extension.</summary>
public static class ImportExportFile
{
    /// <summary>
    /// The full path of what was typed: "~/" (or "~\" on Windows) is the home folder, a relative path starts in the
    /// current folder.
    /// </summary>
    public static string Resolve(string typed)
    {
        var path = typed.Trim();
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            || (OperatingSystem.IsWindows() && path.StartsWith("~\\", StringComparison.Ordinal)))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "");
        return Path.GetFullPath(path);
    }

    /// <summary>CSV for ".csv"; JSON lines for ".jsonl" and ".ndjson"; null for anything else.</summary>
    public static RosterFileFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RosterFileFormat.Csv,
        ".jsonl" or ".ndjson" => RosterFileFormat.JsonLines,
        _ => null,
    };

    /// <summary>"CSV", "JSON lines": the formats' own names, the same in every language.</summary>
    public static string Name(RosterFileFormat format) => format switch
    {
        RosterFileFormat.Csv => "CSV",
        RosterFileFormat.JsonLines => "JSON lines",
        _ => Strings.Get("Import_UnknownFormat"),
    };

    /// <summary>A Member State code as typed, in capitals, when it is two letters.</summary>
    public static string? RegionCode(string typed)
    {
        var code = typed.Trim().ToUpperInvariant();
        return code.Length == 2 && code.All(c => c is >= 'A' and <= 'Z') ? code : null;
    }
}

/// <summary>
/// A file being read for an import, counting the bytes and the line breaks handed on: the progress bar compares the
/// rows the service has read with the rows the file holds (exact once the file is sent, estimated before). The
/// counts are read on the UI thread while the import reads on another.
/// </summary>
public sealed class ImportExportCountingStream(Stream inner) : Stream
{
    // Taken once: the progress asks for it again after the import has closed the file.
    private readonly long _length = inner.Length;
    private long _read;
    private long _lines;
    private byte _last = (byte)'\n';

    public long BytesRead => Interlocked.Read(ref _read);

    /// <summary>Line breaks sent so far, plus one for a last line without a break once the file has ended.</summary>
    public long LinesRead => Interlocked.Read(ref _lines);

    /// <summary>About how many lines the whole file holds: counted once it is all sent, extrapolated before.</summary>
    public long EstimatedLines
    {
        get
        {
            var (read, lines, length) = (BytesRead, LinesRead, _length);
            if (read == 0 || lines == 0) return 0;
            return read >= length ? lines : (long)Math.Ceiling((double)lines * length / read);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(buffer.AsSpan(offset), inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Counted(buffer.Span, read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Counted(ReadOnlySpan<byte> buffer, int read)
    {
        var chunk = buffer[..read];
        var lines = chunk.Count((byte)'\n');
        if (read > 0) _last = chunk[^1];
        // A last line without a line break still counts, once the file has ended.
        if (read == 0 && _last != (byte)'\n')
        {
            lines++;
            _last = (byte)'\n';
        }
        Interlocked.Add(ref _lines, lines);
        Interlocked.Add(ref _read, read);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
