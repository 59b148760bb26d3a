using System.Text.RegularExpressions;
using AtomCuration.Jobs;

namespace AtomCuration.Storage;

/// <summary>
/// A descriptor store opened for reading: a folder of Parquet parts (one per shard, see <see cref="StoreSchema"/>)
/// read chunk by chunk, never whole. Parts written by the n shards of a round-robin split are merged by pool
/// position, so that the rows come back in the order an unsharded run wrote them — bit for bit the same store.
/// </summary>
public sealed partial class DescriptorStore
{
    private readonly StorePart[] _parts;

    private DescriptorStore(string path, StorePart[] parts, IReadOnlyList<string> labels, StoreLayout layout)
    {
        Path = path;
        _parts = parts;
        Labels = labels;
        Layout = layout;
        Rows = parts.Sum(p => p.Rows);
        Structures = parts.Sum(p => p.Structures);
    }

    /// <summary>One row per structure or one per atom.</summary>
    public StoreLayout Layout { get; }

    /// <summary>Number of structures the rows describe (<see cref="Rows"/> unless per-atom).</summary>
    public long Structures { get; }

    /// <summary>The store folder.</summary>
    public string Path { get; }

    /// <summary>Descriptor labels (columns of every row).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of rows.</summary>
    public long Rows { get; }

    /// <summary>Number of parts.</summary>
    public int Parts => _parts.Length;

    /// <summary>
    /// Opens the store at <paramref name="path"/>, reading only the parts' footers. Throws
    /// <see cref="DirectoryNotFoundException"/> when it is missing and <see cref="InvalidDataException"/> when parts
    /// are missing, belong to different splits or disagree on their descriptor columns.
    /// </summary>
    public static DescriptorStore Open(string path)
    {
        string folder = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No descriptor store at '{path}'.");
        var parts = PartFiles(folder).Select(StorePart.Open).OrderBy(p => p.Shard.Index).ToArray();
        if (parts.Length == 0) throw new InvalidDataException($"'{path}' holds no store part (part-*.parquet).");
        int n = parts[0].Shard.Count;
        if (parts.Any(p => p.Shard.Count != n))
            throw new InvalidDataException($"'{path}' mixes parts of splits into different numbers of shards.");
        var missing = Enumerable.Range(1, n).Except(parts.Select(p => p.Shard.Index)).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"Store '{path}' is incomplete: part(s) {string.Join(", ", missing)} of {n} are missing.");
        var labelled = parts.Where(p => p.Rows > 0).ToArray();
        var labels = labelled.Length > 0 ? labelled[0].Labels : [];
        var layout = labelled.Length > 0 ? labelled[0].Layout : StoreLayout.Structure;
        foreach (var p in labelled)
            if (!p.Labels.SequenceEqual(labels) || p.Layout != layout)
                throw new InvalidDataException($"Store '{path}': {System.IO.Path.GetFileName(p.Path)} has other descriptor columns or another layout " +
                                               $"(per-structure or per-atom rows) than {System.IO.Path.GetFileName(labelled[0].Path)}.");
        return new DescriptorStore(folder, labelled, labels, layout);
    }

    /// <summary>
    /// The rows in pool order, in chunks of at most one row group per part; with <paramref name="metadata"/> the
    /// chunks carry ids, origins and labels too (read only when asked: selection passes need the descriptors alone).
    /// </summary>
    public IEnumerable<StoreChunk> Chunks(bool metadata = false, CancellationToken cancellation = default) =>
        Chunks(metadata ? _ => true : null, cancellation);

    /// <summary>
    /// The rows in pool order as <see cref="Chunks(bool, CancellationToken)"/>, with the metadata of the rows whose row
    /// group's pool positions <paramref name="metadata"/> accepts (reading the text columns only where they are needed).
    /// </summary>
    internal IEnumerable<StoreChunk> Chunks(Func<long[], bool>? metadata, CancellationToken cancellation) =>
        _parts.Length == 1 ? Place(_parts[0].Groups(metadata, cancellation)) : Merge(metadata, cancellation);

    private static IEnumerable<StoreChunk> Place(IEnumerable<StoreChunk> groups)
    {
        long start = 0;
        foreach (var g in groups)
        {
            yield return new StoreChunk(start, g.Rows, g.Columns, g.PoolIndex, g.Features, g.Metadata, g.Atoms);
            start += g.Rows;
        }
    }

    /// <summary>
    /// k-way merge of the parts by pool position (ties: lower shard first). The atoms of a structure share its pool
    /// position and lie in one part, so they stay consecutive and in order; a chunk may end inside a structure.
    /// </summary>
    private IEnumerable<StoreChunk> Merge(Func<long[], bool>? metadata, CancellationToken cancellation)
    {
        var cursors = _parts.Select(p => p.Groups(metadata, cancellation).GetEnumerator()).ToArray();
        try
        {
            var current = new StoreChunk?[cursors.Length];
            var position = new int[cursors.Length];
            var queue = new PriorityQueue<int, (long Pool, int Part)>();
            for (int p = 0; p < cursors.Length; p++)
                if (cursors[p].MoveNext())
                {
                    current[p] = cursors[p].Current;
                    queue.Enqueue(p, (current[p]!.PoolIndex[0], p));
                }
            int d = Labels.Count, size = (int)Math.Min(Rows, _parts.Max(p => p.GroupRows.Max()));
            long start = 0;
            while (queue.Count > 0)
            {
                int rows = (int)Math.Min(size, Rows - start);
                var pool = new long[rows];
                var values = new double[rows * d];
                var meta = metadata is not null ? StoreRowColumns.Allocate(rows) : null;
                var atoms = Layout == StoreLayout.Atom ? StoreAtomColumns.Allocate(rows) : null;
                for (int r = 0; r < rows; r++)
                {
                    int p = queue.Dequeue();
                    var chunk = current[p]!;
                    int i = position[p]++;
                    pool[r] = chunk.PoolIndex[i];
                    chunk.Row(i).CopyTo(values.AsSpan(r * d, d));
                    chunk.Metadata?.CopyRow(i, meta!, r);
                    chunk.Atoms?.CopyRow(i, atoms!, r);
                    if (position[p] == chunk.Rows)
                    {
                        position[p] = 0;
                        current[p] = cursors[p].MoveNext() ? cursors[p].Current : null;
                    }
                    if (current[p] is { } next) queue.Enqueue(p, (next.PoolIndex[position[p]], p));
                }
                yield return new StoreChunk(start, rows, d, pool, values, meta, atoms);
                start += rows;
            }
        }
        finally
        {
            foreach (var c in cursors) c.Dispose();
        }
    }

    /// <summary>The part files of the store folder <paramref name="folder"/>, by name.</summary>
    internal static IEnumerable<string> PartFiles(string folder) =>
        Directory.EnumerateFiles(folder, "part-*.parquet").Where(f => ShardOfName(f) is not null).Order(StringComparer.Ordinal);

    /// <summary>The shard a part's file name declares, or null for another file.</summary>
    internal static ShardSpec? ShardOfName(string file)
    {
        var m = PartName().Match(System.IO.Path.GetFileName(file));
        if (!m.Success) return null;
        int k = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int n = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return k >= 1 && k <= n ? new ShardSpec(k, n) : null;
    }

    [GeneratedRegex(@"^part-(\d{5})-of-(\d{5})\.parquet$")]
    private static partial Regex PartName();
}
