using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// Per-atom bispectrum rows of one structure with their analytic gradients, one block per (centre i, neighbour
/// image j) pair in compressed row form: pairs of atom i are entries <see cref="Offsets"/>[i] … [i+1]−1, each with
/// the neighbour <see cref="Neighbors"/>, its vector D = r_j − r_i + S·cell (<see cref="Vectors"/>) and
/// ∂B_i/∂D (3 × <see cref="ColumnCount"/>, x then y then z, at <see cref="DerivativeOffset"/>). Since B_i depends on
/// the positions only through its neighbour vectors, ∂B_i/∂r_j = Σ_{pairs (i, j)} ∂B_i/∂D and
/// ∂B_i/∂r_i = −Σ_{pairs of i} ∂B_i/∂D. LAMMPS <c>compute snad/atom</c> reports −Σ_i ∂B_i/∂r_k per atom k (summed over the
/// centres i of each type), <c>compute snav/atom</c> −Σ_i ∂B_i/∂r_k ⊗ r_k with r_k the image position.
/// Buffers are reused by the calculator that filled them.
/// </summary>
public sealed class BispectrumGradients
{
    private double[] _rows = [];
    private int[] _offsets = [0];
    private int[] _neighbors = [];
    private Vec3[] _vectors = [];
    private double[] _derivatives = [];

    /// <summary>Atoms described.</summary>
    public int AtomCount { get; private set; }

    /// <summary>Columns per atom (linear, then quadratic when enabled).</summary>
    public int ColumnCount { get; private set; }

    /// <summary>Centre–neighbour pairs.</summary>
    public int PairCount => _offsets[AtomCount];

    /// <summary>Rows, atoms × <see cref="ColumnCount"/>.</summary>
    public ReadOnlySpan<double> Rows => _rows.AsSpan(0, AtomCount * ColumnCount);

    /// <summary>Pair offsets per centre (AtomCount + 1 entries).</summary>
    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, AtomCount + 1);

    /// <summary>Neighbour atom of each pair.</summary>
    public ReadOnlySpan<int> Neighbors => _neighbors.AsSpan(0, PairCount);

    /// <summary>Neighbour vector of each pair (Å).</summary>
    public ReadOnlySpan<Vec3> Vectors => _vectors.AsSpan(0, PairCount);

    /// <summary>∂B_i/∂D of all pairs, [pair][x, y, z][column].</summary>
    public ReadOnlySpan<double> Derivatives => _derivatives.AsSpan(0, PairCount * 3 * ColumnCount);

    /// <summary>Where pair p's derivative block starts in <see cref="Derivatives"/>.</summary>
    public int DerivativeOffset(int pair) => pair * 3 * ColumnCount;

    /// <summary>
    /// Adds Σ_i Σ_c λ_ic ∂B_ic/∂r_k to <paramref name="gradient"/>[k] for every atom k, with
    /// <paramref name="coefficients"/> λ laid out atoms × <see cref="ColumnCount"/> (e.g. β of a linear SNAP energy,
    /// or ∂S/∂B of an entropy).
    /// </summary>
    public void AddPositionGradient(ReadOnlySpan<double> coefficients, Span<Vec3> gradient)
    {
        int cols = ColumnCount;
        if (coefficients.Length != AtomCount * cols) throw new ArgumentException("Coefficients do not match atoms × columns.", nameof(coefficients));
        if (gradient.Length != AtomCount) throw new ArgumentException("Gradient does not match the atoms.", nameof(gradient));
        for (int i = 0; i < AtomCount; i++)
        {
            var lambda = coefficients.Slice(i * cols, cols);
            for (int p = _offsets[i]; p < _offsets[i + 1]; p++)
            {
                var d = _derivatives.AsSpan(p * 3 * cols, 3 * cols);
                double gx = 0, gy = 0, gz = 0;
                for (int c = 0; c < cols; c++)
                {
                    gx += lambda[c] * d[c];
                    gy += lambda[c] * d[cols + c];
                    gz += lambda[c] * d[2 * cols + c];
                }
                var g = new Vec3(gx, gy, gz);
                gradient[_neighbors[p]] += g;
                gradient[i] -= g;
            }
        }
    }

    internal void Reset(int atoms, int columns, int pairs)
    {
        AtomCount = atoms;
        ColumnCount = columns;
        Grow(ref _rows, atoms * columns);
        Grow(ref _offsets, atoms + 1);
        Grow(ref _neighbors, pairs);
        Grow(ref _vectors, pairs);
        Grow(ref _derivatives, pairs * 3 * columns);
    }

    internal Span<double> RowBuffer => _rows.AsSpan(0, AtomCount * ColumnCount);
    internal int[] OffsetBuffer => _offsets;
    internal int[] NeighborBuffer => _neighbors;
    internal Vec3[] VectorBuffer => _vectors;
    internal double[] DerivativeBuffer => _derivatives;

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
    }
}
