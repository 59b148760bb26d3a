using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AtomCuration.Structures;

/// <summary>
/// An atomic configuration: the one object on the pipeline. Positions are Cartesian (Å),
/// the cell holds lattice vectors as rows (Å), periodicity is per lattice vector. Optional
/// DFT labels: total energy (eV), forces (eV/Å), stress (eV/Å³, Voigt, ASE sign). Later
/// stages attach descriptors, selection results and map coordinates to a copy,
/// <c>new Structure(original) { MapX = … }</c>: the copy shares every unchanged array, nothing
/// upstream is mutated. A class rather than a record so that PowerShell's Get-Member shows only
/// these members (a record adds a public <c>&lt;Clone&gt;$</c>); two structures are equal only
/// when they are the same object, as pipelines, hash sets and dictionaries of structures expect.
/// </summary>
public sealed class Structure
{
    private readonly ImmutableArray<Vec3>? _forces;
    private readonly ImmutableArray<double>? _descriptor;
    private readonly FeatureMatrix? _atomDescriptors;
    private string? _formula;

    /// <summary>Creates a structure; throws <see cref="ArgumentException"/> on inconsistent or non-finite input.</summary>
    // Once per structure, with a loop over the atoms: optimised from the first call (a first import in a fresh pwsh
    // otherwise runs it as tier-0 code until the tier-up thread catches up; bench/README.md, import-jit.ps1).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Structure(ImmutableArray<int> atomicNumbers, ImmutableArray<Vec3> positions, Cell cell, Pbc pbc)
    {
        if (atomicNumbers.IsDefault) throw new ArgumentNullException(nameof(atomicNumbers));
        if (positions.IsDefault) throw new ArgumentNullException(nameof(positions));
        ArgumentNullException.ThrowIfNull(cell);
        if (atomicNumbers.Length != positions.Length)
            throw new ArgumentException($"{atomicNumbers.Length} species but {positions.Length} positions.");
        if (atomicNumbers.Length == 0) throw new ArgumentException("A structure needs at least one atom.");
        foreach (int z in atomicNumbers)
            if (z is < 1 or > Elements.MaxZ)
                throw new ArgumentException($"Atomic number {z} is outside 1…{Elements.MaxZ}.");
        foreach (var p in positions)
            if (!p.IsFinite) throw new ArgumentException("Positions must be finite.");
        for (int axis = 0; axis < 3; axis++)
            if (pbc[axis] && cell[axis].LengthSquared == 0)
                throw new ArgumentException($"Periodic along lattice vector {axis} but that vector is zero.");
        if (pbc.Any) CheckHeights(cell, pbc);
        AtomicNumbers = atomicNumbers;
        Positions = positions;
        Cell = cell;
        Pbc = pbc;
    }

    /// <summary>
    /// Smallest distance (Å) allowed between opposite faces of the cell along a periodic lattice vector:
    /// 0.1 Å, far below any physical repeat (an atom's nearest periodic image is at least this far away)
    /// and large enough that a neighbour search at a 10 Å cutoff visits at most ~200 images per axis.
    /// </summary>
    public const double MinimumPeriodicHeight = 0.1;

    /// <summary>Refuses a periodic cell whose height (volume over face area) along a periodic axis is degenerate.</summary>
    private static void CheckHeights(Cell cell, Pbc pbc)
    {
        var basis = NeighborListBuilder.WorkingBasis(cell, pbc); // throws when the periodic vectors are dependent
        var heights = basis.PlaneSpacings;
        for (int axis = 0; axis < 3; axis++)
            if (pbc[axis] && !(heights[axis] >= MinimumPeriodicHeight))
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The periodic cell is degenerate: its height along lattice vector {"abc"[axis]} is {heights[axis]:g3} Å " +
                    $"(volume {cell.Volume:g3} Å³); a periodic cell needs at least {MinimumPeriodicHeight} Å between opposite faces."));
    }

    /// <summary>
    /// A copy of <paramref name="original"/> sharing all its arrays and attached results; set what differs in an
    /// object initializer. Atoms, positions and cell stay those of the original (see <see cref="WithPositions"/>).
    /// </summary>
    // Readers and cmdlets copy every structure they pass on: optimised from the first call, as the constructor above.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Structure(Structure original)
    {
        ArgumentNullException.ThrowIfNull(original);
        AtomicNumbers = original.AtomicNumbers;
        Positions = original.Positions;
        Cell = original.Cell;
        Pbc = original.Pbc;
        Energy = original.Energy;
        _forces = original._forces;
        Stress = original.Stress;
        _info = original._info;
        _atomProperties = original._atomProperties;
        SourcePath = original.SourcePath;
        FrameIndex = original.FrameIndex;
        PoolIndex = original.PoolIndex;
        _id = original._id;
        _descriptor = original._descriptor;
        DescriptorLabels = original.DescriptorLabels;
        _atomDescriptors = original._atomDescriptors;
        SelectionRank = original.SelectionRank;
        ClusterId = original.ClusterId;
        SelectionScore = original.SelectionScore;
        Selected = original.Selected;
        MapX = original.MapX;
        MapY = original.MapY;
        _formula = original._formula;
    }

    /// <summary>Convenience constructor from plain arrays (copied).</summary>
    public Structure(IEnumerable<string> symbols, IEnumerable<Vec3> positions, Cell cell, Pbc pbc)
        : this(symbols.Select(s => Elements.FromSymbol(s).Z).ToImmutableArray(), positions.ToImmutableArray(), cell, pbc)
    {
    }

    /// <summary>Atomic number of each atom.</summary>
    public ImmutableArray<int> AtomicNumbers { get; }

    /// <summary>Cartesian positions (Å).</summary>
    public ImmutableArray<Vec3> Positions { get; }

    /// <summary>Lattice vectors as rows (Å).</summary>
    public Cell Cell { get; }

    /// <summary>Periodicity along each lattice vector.</summary>
    public Pbc Pbc { get; }

    /// <summary>Number of atoms.</summary>
    public int AtomCount => Positions.Length;

    /// <summary>Chemical symbol of each atom.</summary>
    public IReadOnlyList<string> Symbols => AtomicNumbers.Select(z => Elements.FromZ(z).Symbol).ToArray();

    /// <summary>Distinct atomic numbers, ascending.</summary>
    public IReadOnlyList<int> Species => AtomicNumbers.Distinct().Order().ToArray();

    /// <summary>Total energy (eV), when labelled.</summary>
    public double? Energy { get; init; }

    /// <summary>Forces (eV/Å), when labelled; one per atom.</summary>
    public ImmutableArray<Vec3>? Forces
    {
        get => _forces;
        init
        {
            if (value is { } f && f.Length != AtomCount)
                throw new ArgumentException($"{f.Length} forces for {AtomCount} atoms.");
            _forces = value;
        }
    }

    /// <summary>Stress (eV/Å³, Voigt xx yy zz yz xz xy, positive = tensile as in ASE), when labelled.</summary>
    public Voigt? Stress { get; init; }

    /// <summary>
    /// Everything else the source carried (config_type, source, …), in file order. The structure keeps its own
    /// read-only copy (array values become immutable arrays): writing to it throws, and changing the dictionary
    /// it was made from changes nothing here.
    /// </summary>
    public IReadOnlyDictionary<string, object> Info
    {
        get => _info;
        init => _info = FrozenInfo.From(value);
    }

    private readonly IReadOnlyDictionary<string, object> _info = FrozenInfo.Empty;

    /// <summary>Per-atom columns other than species, positions and forces (tags, magmoms, …); a read-only list.</summary>
    public IReadOnlyList<AtomProperty> AtomProperties
    {
        get => _atomProperties;
        init => _atomProperties = value is ImmutableArray<AtomProperty> frozen ? frozen : (value ?? []).ToImmutableArray();
    }

    private readonly IReadOnlyList<AtomProperty> _atomProperties = ImmutableArray<AtomProperty>.Empty;

    /// <summary>File the structure was read from, if any.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Zero-based frame index in <see cref="SourcePath"/>.</summary>
    public int FrameIndex { get; init; }

    /// <summary>
    /// Position of the frame in the whole pool Import-Structure read (all files in order, bad frames counted, from 0),
    /// or null. Sharding assigns frames by it, and a descriptor store orders its rows by it, so that the parts written
    /// by shards merge back into the unsharded order.
    /// </summary>
    public long? PoolIndex { get; init; }

    /// <summary>A short identifier: <c>file#frame</c> unless set explicitly.</summary>
    public string Id
    {
        get => _id ?? (SourcePath is null ? $"#{FrameIndex}" : $"{Path.GetFileName(SourcePath)}#{FrameIndex}");
        init => _id = value;
    }

    private readonly string? _id;

    /// <summary>Structure-level descriptor vector, attached by descriptor stages.</summary>
    public ImmutableArray<double>? Descriptor
    {
        get => _descriptor;
        init => _descriptor = value;
    }

    /// <summary>One label for each entry of <see cref="Descriptor"/>.</summary>
    public IReadOnlyList<string>? DescriptorLabels { get; init; }

    /// <summary>Per-atom descriptor matrix (atoms × features), attached on request.</summary>
    public FeatureMatrix? AtomDescriptors
    {
        get => _atomDescriptors;
        init
        {
            if (value is not null && value.Rows != AtomCount)
                throw new ArgumentException($"{value.Rows} descriptor rows for {AtomCount} atoms.");
            _atomDescriptors = value;
        }
    }

    /// <summary>Position in the selection order (0 = picked first), attached by a selector.</summary>
    public int? SelectionRank { get; init; }

    /// <summary>Cluster the structure belongs to, where the selector clusters.</summary>
    public int? ClusterId { get; init; }

    /// <summary>The selector's score for this structure (distance, gain, …), where it has one.</summary>
    public double? SelectionScore { get; init; }

    /// <summary>Whether the selector kept the structure (with -IncludeRejected).</summary>
    public bool? Selected { get; init; }

    /// <summary>Map coordinate 1, attached by an embedding.</summary>
    public double? MapX { get; init; }

    /// <summary>Map coordinate 2, attached by an embedding.</summary>
    public double? MapY { get; init; }

    /// <summary>Chemical formula in Hill order (as ASE's default): C, H, then alphabetical; without C all alphabetical.</summary>
    public string Formula => _formula ??= BuildFormula();

    /// <summary>Cell volume (Å³), or null for a non-periodic structure.</summary>
    public double? Volume => Pbc.Any ? Cell.Volume : null;

    /// <summary>Energy per atom (eV/atom), when labelled.</summary>
    public double? EnergyPerAtom => Energy / AtomCount;

    /// <summary>Largest force magnitude (eV/Å), when labelled.</summary>
    public double? MaxForce => Forces is { } f ? f.Max(v => v.Length) : null;

    /// <summary>Value of an Info entry, or null.</summary>
    public object? GetInfo(string key) => Info.TryGetValue(key, out var v) ? v : null;

    /// <summary>The config_type Info entry, when present.</summary>
    public string? ConfigType => GetInfo("config_type")?.ToString();

    /// <summary>Positions as a span (no copy); internal because PowerShell cannot read a span.</summary>
    internal ReadOnlySpan<Vec3> PositionSpan => Positions.AsSpan();

    /// <summary>A copy with new positions (same atoms, cell and labels cleared of attached results).</summary>
    public Structure WithPositions(ImmutableArray<Vec3> positions, Cell? cell = null) =>
        new(AtomicNumbers, positions, cell ?? Cell, Pbc)
        {
            Info = Info,
            SourcePath = SourcePath,
            FrameIndex = FrameIndex,
        };

    /// <summary>Wraps an array as an immutable array without copying; the caller must not touch it afterwards.</summary>
    internal static ImmutableArray<T> Own<T>(T[] array) => ImmutableCollectionsMarshal.AsImmutableArray(array);

    private string BuildFormula()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (int z in AtomicNumbers)
        {
            string s = Elements.FromZ(z).Symbol;
            counts[s] = counts.GetValueOrDefault(s) + 1;
        }
        var order = new List<string>();
        if (counts.ContainsKey("C"))
        {
            order.Add("C");
            if (counts.ContainsKey("H")) order.Add("H");
        }
        order.AddRange(counts.Keys.Where(k => !order.Contains(k)));
        var sb = new StringBuilder();
        foreach (var s in order)
        {
            sb.Append(s);
            if (counts[s] > 1) sb.Append(counts[s]);
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Formula} ({AtomCount} atoms)";
}
