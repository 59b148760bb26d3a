using AtomCuration.Descriptors;
using AtomCuration.IO;
using AtomCuration.Jobs;
using AtomCuration.Structures;
using Parquet;
using Parquet.Schema;

namespace AtomCuration.Storage;

/// <summary>
/// Writes one part of a descriptor store (a folder of Parquet files, see <see cref="StoreSchema"/>): rows are
/// buffered only until a row group of about <see cref="RowGroupBytes"/> is full, then written, so memory stays
/// bounded whatever the pool size. The part is written under a temporary name (<see cref="AtomicFile"/>) and
/// <see cref="Complete"/> moves it in place; the whole pool's part (shard 1/1) then replaces the store, removing
/// parts an earlier sharded run left. A shard refuses a store that holds parts of a split into another number of
/// shards, since their rows would be counted twice.
/// </summary>
public sealed class DescriptorStoreWriter : IDescriptorWriter
{
    /// <summary>Target size of a row group's descriptor values (bytes): large enough for fast scans, small enough to keep memory low.</summary>
    public const int RowGroupBytes = 4 << 20;

    private static readonly GroupKey ConfigTypeKey = GroupKey.Parse("config_type");
    private readonly string _folder;
    private readonly ShardSpec _shard;
    private readonly AtomicFile _file;
    private ParquetWriter? _writer;
    private ParquetSchema? _schema;
    private IReadOnlyList<string>? _labels;
    private int _groupRows;
    private readonly int _fixedGroupRows;
    private bool _done;
    private long _nextIndex;

    private readonly List<long> _poolIndex = [];
    private readonly List<string> _id = [];
    private readonly List<string?> _source = [];
    private readonly List<int> _frame = [];
    private readonly List<int> _atoms = [];
    private readonly List<string> _formula = [];
    private readonly List<double?> _energy = [];
    private readonly List<string?> _configType = [];
    private double[][] _features = [];

    /// <summary>Starts the part of <paramref name="shard"/> in the store folder <paramref name="store"/> (created when missing).</summary>
    /// <exception cref="IOException">The store holds parts of a split into another number of shards, or is a file.</exception>
    public DescriptorStoreWriter(string store, ShardSpec shard) : this(store, shard, 0)
    {
    }

    /// <summary>As the public constructor, with <paramref name="rowGroupRows"/> rows per row group (0 = from <see cref="RowGroupBytes"/>).</summary>
    internal DescriptorStoreWriter(string store, ShardSpec shard, int rowGroupRows)
    {
        _fixedGroupRows = rowGroupRows;
        _folder = Path.GetFullPath(store);
        _shard = shard;
        if (File.Exists(_folder)) throw new IOException($"'{store}' is a file; a descriptor store is a folder of Parquet parts.");
        Directory.CreateDirectory(_folder);
        if (!shard.IsAll)
            foreach (var part in DescriptorStore.PartFiles(_folder))
                if (DescriptorStore.ShardOfName(part) is { } other && other.Count != shard.Count)
                    throw new IOException($"Store '{store}' holds {Path.GetFileName(part)}, a part of a {other.Count}-way split; " +
                                          $"shard {shard} would mix two splits. Remove the store or write it unsharded.");
        _file = AtomicFile.Create(Path.Combine(_folder, StoreSchema.PartName(shard)));
    }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Write(Structure structure)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        bool first = _labels is null;
        var values = DescriptorRows.Check(structure, ref _labels);
        if (first) Start(_labels!);
        _poolIndex.Add(structure.PoolIndex ?? _nextIndex);
        _nextIndex = (structure.PoolIndex ?? _nextIndex) + 1;
        _id.Add(structure.Id);
        _source.Add(structure.SourcePath is { } s ? Path.GetFullPath(s) : null);
        _frame.Add(structure.FrameIndex);
        _atoms.Add(structure.AtomCount);
        _formula.Add(structure.Formula);
        _energy.Add(structure.Energy);
        _configType.Add(ConfigTypeKey.ValueOf(structure));
        int row = _id.Count - 1;
        for (int c = 0; c < values.Length; c++) _features[c][row] = values[c];
        Count++;
        if (_id.Count == _groupRows) Flush();
    }

    private void Start(IReadOnlyList<string> labels)
    {
        _schema = StoreSchema.For(labels);
        _groupRows = _fixedGroupRows > 0 ? _fixedGroupRows : Math.Max(256, RowGroupBytes / (8 * Math.Max(1, labels.Count)));
        _features = labels.Select(_ => new double[_groupRows]).ToArray();
        _writer = ParquetWriter.CreateAsync(_schema, _file.Stream).GetAwaiter().GetResult();
        _writer.CustomMetadata = new Dictionary<string, string>
        {
            [StoreSchema.VersionKey] = StoreSchema.Version,
            [StoreSchema.LabelsKey] = StoreSchema.FormatLabels(labels),
            [StoreSchema.ShardKey] = _shard.ToString(),
        };
    }

    /// <summary>Writes the buffered rows as one row group.</summary>
    private void Flush()
    {
        int rows = _id.Count;
        if (rows == 0) return;
        var fields = _schema!.GetDataFields();
        using (var group = _writer!.CreateRowGroup())
        {
            group.WriteAsync(fields[0], new ReadOnlyMemory<long>(_poolIndex.ToArray())).GetAwaiter().GetResult();
            group.WriteAsync(fields[1], _id).GetAwaiter().GetResult();
            group.WriteAsync(fields[2], _source!).GetAwaiter().GetResult();
            group.WriteAsync(fields[3], new ReadOnlyMemory<int>(_frame.ToArray())).GetAwaiter().GetResult();
            group.WriteAsync(fields[4], new ReadOnlyMemory<int>(_atoms.ToArray())).GetAwaiter().GetResult();
            group.WriteAsync(fields[5], _formula).GetAwaiter().GetResult();
            group.WriteAsync(fields[6], new ReadOnlyMemory<double?>(_energy.ToArray())).GetAwaiter().GetResult();
            group.WriteAsync(fields[7], _configType!).GetAwaiter().GetResult();
            for (int c = 0; c < _features.Length; c++)
                group.WriteAsync(fields[StoreSchema.FixedCount + c], new ReadOnlyMemory<double>(_features[c], 0, rows)).GetAwaiter().GetResult();
        }
        _poolIndex.Clear();
        _id.Clear();
        _source.Clear();
        _frame.Clear();
        _atoms.Clear();
        _formula.Clear();
        _energy.Clear();
        _configType.Clear();
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            if (_writer is null) Start([]); // a shard that received no row still says so: the store stays complete
            Flush();
            _writer!.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _writer = null;
            _file.Commit();
            if (_shard.IsAll)
                foreach (var stale in DescriptorStore.PartFiles(_folder).Where(p => p != _file.Path)) File.Delete(stale);
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Closes the writer; without <see cref="Complete"/> the store keeps its previous parts.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try
        {
            _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            // The part is discarded anyway.
        }
        _file.Dispose();
    }
}
