namespace AtomCuration.Storage;

/// <summary>
/// Consecutive rows of a descriptor store in pool order: their descriptors row-major
/// (<see cref="Rows"/> × <see cref="Columns"/>) and, when asked for, the rows' metadata.
/// </summary>
public sealed class StoreChunk
{
    internal StoreChunk(long start, int rows, int columns, long[] poolIndex, double[] features, StoreRowColumns? metadata,
        StoreAtomColumns? atoms = null)
    {
        Atoms = atoms;
        Start = start;
        Rows = rows;
        Columns = columns;
        PoolIndex = poolIndex;
        Features = features;
        Metadata = metadata;
    }

    /// <summary>Ordinal of the first row in the whole store (0-based, pool order).</summary>
    public long Start { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Descriptor length.</summary>
    public int Columns { get; }

    /// <summary>Pool position of each row.</summary>
    public long[] PoolIndex { get; }

    /// <summary>Descriptors, row-major.</summary>
    public double[] Features { get; }

    /// <summary>Row <paramref name="row"/>'s descriptor.</summary>
    public ReadOnlySpan<double> Row(int row) => Features.AsSpan(row * Columns, Columns);

    /// <summary>Identity, origin and labels of the rows, or null when the pass did not read them.</summary>
    public StoreRowColumns? Metadata { get; }

    /// <summary>Atom index and element of each row of a per-atom store, or null for a per-structure store.</summary>
    public StoreAtomColumns? Atoms { get; }
}

/// <summary>The per-atom columns of a chunk's rows: the atom's index in its structure and its atomic number.</summary>
public sealed record StoreAtomColumns(int[] Atom, int[] AtomicNumber)
{
    internal static StoreAtomColumns Allocate(int rows) => new(new int[rows], new int[rows]);

    internal void CopyRow(int from, StoreAtomColumns target, int to)
    {
        target.Atom[to] = Atom[from];
        target.AtomicNumber[to] = AtomicNumber[from];
    }
}

/// <summary>The non-descriptor columns of a chunk's rows (see <see cref="StoreSchema"/>).</summary>
public sealed record StoreRowColumns(string[] Id, string?[] Source, int[] Frame, int[] Atoms, string[] Formula, double?[] Energy, string?[] ConfigType)
{
    internal static StoreRowColumns Allocate(int rows) =>
        new(new string[rows], new string?[rows], new int[rows], new int[rows], new string[rows], new double?[rows], new string?[rows]);

    internal void CopyRow(int from, StoreRowColumns target, int to)
    {
        target.Id[to] = Id[from];
        target.Source[to] = Source[from];
        target.Frame[to] = Frame[from];
        target.Atoms[to] = Atoms[from];
        target.Formula[to] = Formula[from];
        target.Energy[to] = Energy[from];
        target.ConfigType[to] = ConfigType[from];
    }
}
