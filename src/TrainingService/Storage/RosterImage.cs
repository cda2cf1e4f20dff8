using System.IO.Compression;
using LiteDB;
using Training.Service.Domain.Roster;

namespace Training.Service.Storage;

/// <summary>
/// Every officer as the service held them when it last stopped cleanly, kept inside the database file (so encrypted
/// with it, and copied with it by a backup) in <see cref="OfficerCodec"/>'s bytes: the next start reads them in a
/// fraction of what reading 100,000 officer documents through LiteDB costs (docs/benchmarks.md, "Reads at scale").
/// <para>
/// An image is trusted only when nothing can have changed since it was written: it is written at a clean stop, after
/// the last change, in one transaction; and every opening of the file claims it, taking its header away before
/// anything else can write (<see cref="Claim"/>). So a service that crashed, a restored backup taken while serving,
/// or any other program that opened the file finds no header, and officers are read from their documents as before.
/// An image of another format, schema or officer shape (<see cref="OfficerCodec.Shape"/>) is ignored too.
/// </para>
/// </summary>
public sealed class RosterImage
{
    private const string CollectionName = "roster_image";
    private const string HeaderId = "header";
    private const int Format = 1;

    /// <summary>Officers per stored part: parts are read on every core, and each stays far under LiteDB's 16 MB document.</summary>
    private const int OfficersPerPart = 5000;

    private readonly IReadOnlyList<(int Length, byte[] Compressed)> _parts;

    private RosterImage(IReadOnlyList<(int Length, byte[] Compressed)> parts, int officers)
    {
        _parts = parts;
        Officers = officers;
    }

    public int Officers { get; }

    /// <summary>
    /// The image the file holds, if it can be trusted, taken away from the file in the same breath (see the class).
    /// Runs when the file opens, before anything else writes.
    /// </summary>
    internal static RosterImage? Claim(TrainingDatabase database)
    {
        var stored = database.Lite.GetCollection(CollectionName);
        var header = stored.FindById(HeaderId);
        if (header is null) return null;
        Forget(database);
        if (header["format"] != Format || header["schema"] != SchemaVersion.Current || header["shape"] != OfficerCodec.Shape) return null;
        var parts = new List<(int, byte[])>();
        for (var i = 0; i < header["parts"].AsInt32; i++)
        {
            if (stored.FindById(PartId(i)) is not { } part) return null;
            parts.Add((part["length"].AsInt32, part["data"].AsBinary));
        }
        return new RosterImage(parts, header["officers"].AsInt32);
    }

    /// <summary>
    /// Writes the image of <paramref name="officers"/>, replacing any before it, in one transaction of the single
    /// writer. Call it only where those officers are exactly what the file holds, with nothing else writing.
    /// </summary>
    internal static void Store(TrainingDatabase database, IReadOnlyCollection<Officer> officers)
    {
        // In key order, so each part holds one Member State or two: their rosters fill from few threads at once.
        var parts = officers.OrderBy(o => o.Key, StringComparer.Ordinal).Chunk(OfficersPerPart).Select(Encode).ToList();
        var stored = database.Lite.GetCollection(CollectionName);
        database.Write(() =>
        {
            stored.DeleteAll();
            for (var i = 0; i < parts.Count; i++)
                stored.Insert(new BsonDocument { ["_id"] = PartId(i), ["length"] = parts[i].Length, ["data"] = parts[i].Compressed });
            stored.Insert(new BsonDocument
            {
                ["_id"] = HeaderId, ["format"] = Format, ["schema"] = SchemaVersion.Current, ["shape"] = OfficerCodec.Shape,
                ["parts"] = parts.Count, ["officers"] = officers.Count,
            });
        });
    }

    /// <summary>Takes the image's header away, in the writer's current transaction: the image will not be read.</summary>
    internal static void Forget(TrainingDatabase database) =>
        database.Write(() => database.Lite.GetCollection(CollectionName).Delete(HeaderId));

    /// <summary>
    /// Every officer of the image, part by part, the parts read on every core at once. Each thread shares what repeats
    /// among the officers it reads through a compaction of its own (<see cref="OfficerCompaction"/>).
    /// </summary>
    public Officer[][] Read()
    {
        var read = new Officer[_parts.Count][];
        Parallel.For(0, _parts.Count, () => new OfficerCompaction(), (i, _, shared) =>
        {
            var (length, compressed) = _parts[i];
            var plain = new byte[length];
            using (var inflating = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress)) inflating.ReadExactly(plain);
            var officers = new List<Officer>(OfficersPerPart);
            var bytes = new OfficerCodec.Bytes(plain);
            while (!bytes.AtEnd) officers.Add(OfficerCodec.Read(ref bytes, shared));
            read[i] = [.. officers];
            return shared;
        }, _ => { });
        return read;
    }

    /// <summary>Bytes the officers take in the image, uncompressed (about what reading them allocates).</summary>
    public long PlainBytes => _parts.Sum(p => (long)p.Length);

    private static (int Length, byte[] Compressed) Encode(Officer[] officers)
    {
        var plain = new MemoryStream();
        using (var writer = new BinaryWriter(plain, System.Text.Encoding.UTF8, leaveOpen: true))
            foreach (var officer in officers) OfficerCodec.Write(writer, officer);
        var compressed = new MemoryStream();
        using (var deflating = new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) plain.WriteTo(deflating);
        return ((int)plain.Length, compressed.ToArray());
    }

    private static string PartId(int index) => $"part/{index:D5}";
}
