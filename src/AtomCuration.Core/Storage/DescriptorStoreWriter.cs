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
/// bounded whatever the pool size. A per-atom part (<see cref="StoreLayout.Atom"/>) holds one row per atom, and a row
/// group ends between structures, not inside one (unless one structure alone fills it). The part is written under a
/// temporary name (<see cref="AtomicFile"/>) and
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
    private StoreLayout? _layout;
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
    private readonly List<int> _atom = [];
    private readonly List<string> _element = [];
    private double[][] _features = [];

    /// <summary>
    /// Starts the part of <paramref name="shard"/> in the store folder <paramref name="store"/> (created when missing),
    /// holding rows of <paramref name="layout"/>; null decides from the first structure: per-atom when it carries
    /// per-atom descriptors and no structure descriptor (Get-Descriptor -Aggregate None), else per-structure.
    /// </summary>
    /// <exception cref="IOException">The store holds parts of a split into another number of shards, or is a file.</exception>
    public DescriptorStoreWriter(string store, ShardSpec shard, StoreLayout? layout = null) : this(store, shard, 0, layout)
    {
    }

    /// <summary>As the public constructor, with <paramref name="rowGroupRows"/> rows per row group (0 = from <see cref="RowGroupBytes"/>).</summary>
    internal DescriptorStoreWriter(string store, ShardSpec shard, int rowGroupRows, StoreLayout? layout = null)
    {
        _fixedGroupRows = rowGroupRows;
        _layout = layout;
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

    /// <summary>Structures written so far (in a per-atom part each writes one row per atom).</summary>
    public int Count { get; private set; }

    /// <summary>The layout of the rows (null until the first structure decides it, when not given).</summary>
    public StoreLayout? Layout => _layout;

    /// <inheritdoc />
    public void Write(Structure structure)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        ArgumentNullException.ThrowIfNull(structure);
        var layout = _layout ?? (structure.Descriptor is null && structure.AtomDescriptors is not null ? StoreLayout.Atom : StoreLayout.Structure);
        bool first = _labels is null;
        ReadOnlySpan<double> values;
        int rows = 1;
        if (layout == StoreLayout.Atom)
        {
            var g = structure.AtomDescriptors
                ?? throw new ArgumentException($"{structure.Id} has no per-atom descriptors; a per-atom store needs Get-Descriptor -PerAtom (or -Aggregate None) upstream.");
            if (_labels is null) _labels = g.Labels;
            else if (!ReferenceEquals(_labels, g.Labels) && !_labels.SequenceEqual(g.Labels))
                throw new ArgumentException($"{structure.Id} has other per-atom descriptor columns than the rows before it; export one fingerprint per store.");
            values = g.Values;
            rows = g.Rows;
        }
        else values = DescriptorRows.Check(structure, ref _labels);
        _layout = layout;
        if (first) Start(_labels!);
        if (_id.Count > 0 && _id.Count + rows > _groupRows) Flush();
        Reserve(_id.Count + rows);
        long pool = structure.PoolIndex ?? _nextIndex;
        _nextIndex = pool + 1;
        string? source = structure.SourcePath is { } s ? Path.GetFullPath(s) : null;
        string? configType = ConfigTypeKey.ValueOf(structure);
        int d = _labels!.Count;
        for (int a = 0; a < rows; a++)
        {
            _poolIndex.Add(pool);
            _id.Add(structure.Id);
            _source.Add(source);
            _frame.Add(structure.FrameIndex);
            _atoms.Add(structure.AtomCount);
            _formula.Add(structure.Formula);
            _energy.Add(structure.Energy);
            _configType.Add(configType);
            if (_layout == StoreLayout.Atom)
            {
                _atom.Add(a);
                _element.Add(Elements.FromZ(structure.AtomicNumbers[a]).Symbol);
            }
            int row = _id.Count - 1;
            for (int c = 0; c < d; c++) _features[c][row] = values[a * d + c];
        }
        Count++;
        if (_id.Count >= _groupRows) Flush();
    }

    private void Start(IReadOnlyList<string> labels)
    {
        _layout ??= StoreLayout.Structure;
        _schema = StoreSchema.For(labels, _layout.Value);
        _groupRows = _fixedGroupRows > 0 ? _fixedGroupRows : Math.Max(256, RowGroupBytes / (8 * Math.Max(1, labels.Count)));
        _features = labels.Select(_ => new double[_groupRows]).ToArray();
        _writer = ParquetWriter.CreateAsync(_schema, _file.Stream).GetAwaiter().GetResult();
    }

    /// <summary>Grows the descriptor buffers to <paramref name="rows"/> (one structure with more atoms than a row group holds).</summary>
    private void Reserve(int rows)
    {
        if (_features.Length == 0 || _features[0].Length >= rows) return;
        for (int c = 0; c < _features.Length; c++) Array.Resize(ref _features[c], rows);
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
            if (_layout == StoreLayout.Atom)
            {
                group.WriteAsync(fields[8], new ReadOnlyMemory<int>(_atom.ToArray())).GetAwaiter().GetResult();
                group.WriteAsync(fields[9], _element).GetAwaiter().GetResult();
            }
            int first = StoreSchema.FixedCount(_layout!.Value);
            for (int c = 0; c < _features.Length; c++)
                group.WriteAsync(fields[first + c], new ReadOnlyMemory<double>(_features[c], 0, rows)).GetAwaiter().GetResult();
        }
        _poolIndex.Clear();
        _id.Clear();
        _source.Clear();
        _frame.Clear();
        _atoms.Clear();
        _formula.Clear();
        _energy.Clear();
        _configType.Clear();
        _atom.Clear();
        _element.Clear();
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
            _writer!.CustomMetadata = new Dictionary<string, string>
            {
                [StoreSchema.VersionKey] = StoreSchema.Version,
                [StoreSchema.LayoutKey] = StoreSchema.FormatLayout(_layout!.Value),
                [StoreSchema.StructuresKey] = Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [StoreSchema.LabelsKey] = StoreSchema.FormatLabels(_labels ?? []),
                [StoreSchema.ShardKey] = _shard.ToString(),
            };
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
