using AtomCuration.Jobs;
using Parquet;
using AtomCuration.Structures;
using Parquet.Schema;

namespace AtomCuration.Storage;

/// <summary>One Parquet file of a store: its shard, labels and row counts, and its row groups read one at a time.</summary>
internal sealed class StorePart
{
    private StorePart(string path, ShardSpec shard, StoreLayout layout, string[] labels, long[] groupRows, long structures)
    {
        Path = path;
        Shard = shard;
        Layout = layout;
        Labels = labels;
        GroupRows = groupRows;
        Structures = structures;
    }

    /// <summary>One row per structure or per atom.</summary>
    public StoreLayout Layout { get; }

    /// <summary>Number of structures the rows describe.</summary>
    public long Structures { get; }

    public string Path { get; }

    public ShardSpec Shard { get; }

    /// <summary>Descriptor labels (empty for a part that received no row).</summary>
    public string[] Labels { get; }

    /// <summary>Rows of each row group.</summary>
    public long[] GroupRows { get; }

    public long Rows => GroupRows.Sum();

    /// <summary>Reads the footer of <paramref name="path"/>.</summary>
    public static StorePart Open(string path)
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            return Describe(path, reader);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static StorePart Describe(string path, ParquetReader reader)
    {
        var meta = reader.CustomMetadata;
        if (StoreSchema.ParseLayout(meta.GetValueOrDefault(StoreSchema.VersionKey), meta.GetValueOrDefault(StoreSchema.LayoutKey)) is not { } layout
            || !meta.TryGetValue(StoreSchema.LabelsKey, out var labels) || !meta.TryGetValue(StoreSchema.ShardKey, out var shard))
            throw new InvalidDataException($"'{path}' is not a part of an AtomCuration descriptor store (version {StoreSchema.Version} or older).");
        var rows = Enumerable.Range(0, reader.RowGroupCount).Select(g => reader.RowGroups[g].RowCount).ToArray();
        long structures = meta.TryGetValue(StoreSchema.StructuresKey, out var n)
            ? long.Parse(n, System.Globalization.CultureInfo.InvariantCulture)
            : rows.Sum(); // version 1: one row per structure
        return new StorePart(path, ShardSpec.Parse(shard), layout, StoreSchema.ParseLabels(labels), rows, structures);
    }

    /// <summary>
    /// The part's row groups in file order, each as a chunk (ordinal <see cref="StoreChunk.Start"/> = 0: the caller
    /// places it), with the metadata columns of the groups whose pool positions <paramref name="metadata"/> accepts
    /// (null: of none).
    /// </summary>
    public IEnumerable<StoreChunk> Groups(Func<long[], bool>? metadata, CancellationToken cancellation)
    {
        if (Rows == 0) yield break;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var reader = ParquetReader.CreateAsync(stream, cancellationToken: cancellation).GetAwaiter().GetResult();
        try
        {
            foreach (var chunk in Groups(reader, metadata, cancellation)) yield return chunk;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private IEnumerable<StoreChunk> Groups(ParquetReader reader, Func<long[], bool>? metadata, CancellationToken cancellation)
    {
        // Fields come from this file's schema: a field object is bound to the schema it was created in.
        var schema = reader.Schema;
        var features = StoreSchema.Features(schema, Labels);
        var poolIndex = schema.FindDataField(StoreSchema.PoolIndex);
        int d = features.Length;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            var pool = new long[rows];
            group.ReadAsync(poolIndex, pool.AsMemory(), null, cancellation).GetAwaiter().GetResult();
            var values = new double[rows * d];
            var column = new double[rows];
            for (int c = 0; c < d; c++)
            {
                group.ReadAsync(features[c], column.AsMemory(), null, cancellation).GetAwaiter().GetResult();
                for (int i = 0; i < rows; i++) values[i * d + c] = column[i];
            }
            var atoms = Layout == StoreLayout.Atom ? ReadAtoms(schema, group, rows, cancellation) : null;
            yield return new StoreChunk(0, rows, d, pool, values, metadata?.Invoke(pool) == true ? ReadMetadata(schema, group, rows, cancellation) : null, atoms);
        }
    }

    /// <summary>The <c>atom</c> and <c>element</c> columns of a per-atom row group (elements as atomic numbers).</summary>
    private static StoreAtomColumns ReadAtoms(ParquetSchema schema, ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        var atom = new int[rows];
        var symbols = new string?[rows];
        group.ReadAsync(schema.FindDataField(StoreSchema.Atom), atom.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(schema.FindDataField(StoreSchema.Element), symbols.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        var z = new int[rows];
        string? last = null;
        int lastZ = 0;
        for (int i = 0; i < rows; i++)
        {
            // Dictionary-encoded columns repeat few symbols: look each one up when it changes.
            if (!string.Equals(symbols[i], last, StringComparison.Ordinal))
            {
                last = symbols[i];
                lastZ = Elements.TryFromSymbol(last ?? "", out var e) ? e.Z
                    : throw new InvalidDataException($"A per-atom store row names element '{last}', which is no chemical symbol.");
            }
            z[i] = lastZ;
        }
        return new StoreAtomColumns(atom, z);
    }

    private static StoreRowColumns ReadMetadata(ParquetSchema schema, ParquetRowGroupReader group, int rows, CancellationToken cancellation)
    {
        var m = StoreRowColumns.Allocate(rows);
        DataField Field(string name) => schema.FindDataField(name);
        group.ReadAsync(Field(StoreSchema.Id), ((string?[])m.Id).AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.Source), m.Source.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.Frame), m.Frame.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.Atoms), m.Atoms.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.Formula), ((string?[])m.Formula).AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.Energy), m.Energy.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        group.ReadAsync(Field(StoreSchema.ConfigType), m.ConfigType.AsMemory(), null, cancellation).GetAwaiter().GetResult();
        return m;
    }
}
