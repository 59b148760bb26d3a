using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// Evaluates the bispectrum of <see cref="BispectrumSettings"/> for whole structures: finds each atom's neighbours
/// within its pair cutoffs (0 &lt; |D|² &lt; ((R_i + R_j)·rcutfac)², from one <see cref="NeighborList"/> at the largest
/// pair cutoff), runs the kernel per atom and appends the quadratic products. Gives B, B with every ∂B_i/∂D
/// (<see cref="ComputeWithGradients"/>), or B and then the gradient of one weighted sum Σ λ·B through the adjoint
/// (<see cref="ComputeRetained"/>, <see cref="AddWeightedGradient"/>). Reuses its buffers between calls,
/// so one instance per thread; <see cref="BispectrumDescriptor"/> makes one per structure.
/// </summary>
public sealed class BispectrumCalculator : IDifferentiableDescriptor
{
    private readonly BispectrumKernel _kernel;
    private readonly SpeciesSet _species;
    private readonly double[] _radius, _weight;
    private readonly double _rcutfac;
    private readonly bool _quadratic;
    private readonly BispectrumNeighbors _nb = new();
    private double[] _grad = [], _dE = [];
    // Kept by ComputeRetained for AddWeightedGradient: each atom's linear B and Z̃.
    private double[] _b = [], _zR = [], _zI = [], _mu = [];
    private readonly double[] _linear;
    private readonly BispectrumGradients _gradients = new();

    /// <summary>
    /// A calculator for <paramref name="settings"/> and <paramref name="species"/>; with <paramref name="linearColumns"/>
    /// only the first that many linear components (LAMMPS order) are computed, and only what they need.
    /// </summary>
    public BispectrumCalculator(BispectrumSettings settings, SpeciesSet species, int? linearColumns = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(species);
        var index = new BispectrumIndex(settings.TwoJMax);
        if (linearColumns is { } m && (m < 1 || m > index.Columns.Length))
            throw new ArgumentOutOfRangeException(nameof(linearColumns), m, $"twojmax {settings.TwoJMax} has {index.Columns.Length} components.");
        _kernel = new BispectrumKernel(index, settings.RFac0, settings.RMin0, settings.SwitchFlag, settings.BZeroFlag, settings.BNormFlag, linearColumns);
        _species = species;
        _radius = settings.RadiiOf(species);
        _weight = settings.WeightsOf(species);
        _rcutfac = settings.RCutFac;
        _quadratic = settings.QuadraticFlag;
        Triples = index.Columns.Take(_kernel.ColumnCount).ToArray();
        LinearCount = _kernel.ColumnCount;
        ColumnCount = LinearCount + (_quadratic ? LinearCount * (LinearCount + 1) / 2 : 0);
        MaxCutoff = 2 * _radius.Max() * _rcutfac;
        _linear = new double[LinearCount];
    }

    /// <summary>The linear components (2j1, 2j2, 2j) in column order.</summary>
    public IReadOnlyList<BispectrumTriple> Triples { get; }

    /// <summary>Linear components.</summary>
    public int LinearCount { get; }

    /// <summary>Columns per atom (linear, then quadratic when enabled).</summary>
    public int ColumnCount { get; }

    /// <summary>The largest pair cutoff (Å).</summary>
    public double MaxCutoff { get; }

    /// <summary>Fills <paramref name="rows"/> (atoms × <see cref="ColumnCount"/>).</summary>
    public void Compute(Structure structure, Span<double> rows)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var nl = NeighborList.Build(structure, MaxCutoff);
        Compute(nl.Pairs, _species.IndicesOf(structure), rows);
    }

    /// <summary>Fills <paramref name="rows"/> from full neighbour pairs reaching at least <see cref="MaxCutoff"/> (farther ones are skipped).</summary>
    public void Compute(NeighborPairs pairs, ReadOnlySpan<int> species, Span<double> rows)
    {
        int atoms = pairs.AtomCount, cols = ColumnCount;
        if (rows.Length != atoms * cols) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        Gather(pairs, species);
        for (int i = 0; i < atoms; i++)
        {
            _kernel.Compute(_nb, _nb.Start[i], _nb.CountOf(i), _linear, default);
            WriteRow(rows.Slice(i * cols, cols));
        }
    }

    /// <summary>
    /// <see cref="Compute(NeighborPairs, ReadOnlySpan{int}, Span{double})"/>, keeping what <see cref="AddWeightedGradient"/> needs
    /// (each atom's neighbours, B and Z̃ couplings).
    /// </summary>
    public void ComputeRetained(NeighborPairs pairs, ReadOnlySpan<int> species, Span<double> rows)
    {
        int atoms = pairs.AtomCount, cols = ColumnCount, lin = LinearCount, zl = _kernel.ZLength;
        if (rows.Length != atoms * cols) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        Gather(pairs, species);
        Grow(ref _b, atoms * lin);
        Grow(ref _zR, atoms * zl);
        Grow(ref _zI, atoms * zl);
        for (int i = 0; i < atoms; i++)
        {
            _kernel.ComputeForAdjoint(_nb, _nb.Start[i], _nb.CountOf(i), _linear, _zR.AsSpan(i * zl, zl), _zI.AsSpan(i * zl, zl));
            _linear.CopyTo(_b.AsSpan(i * lin, lin));
            WriteRow(rows.Slice(i * cols, cols));
        }
    }

    /// <summary>
    /// Adds ∂E/∂r_k of E = Σ_i Σ_c λ_ic B_ic to <paramref name="gradient"/>[k] for the structure of the last
    /// <see cref="ComputeRetained"/>, λ laid out atoms × <see cref="ColumnCount"/> (quadratic columns included: they enter
    /// through the chain rule, ∂(B_a B_b) = B_b ∂B_a + B_a ∂B_b). One adjoint contraction per neighbour instead of a
    /// gradient per component (see <see cref="BispectrumKernel"/>).
    /// </summary>
    public void AddWeightedGradient(ReadOnlySpan<double> coefficients, Span<Vec3> gradient)
    {
        int atoms = _nb.AtomCount, cols = ColumnCount, lin = LinearCount, zl = _kernel.ZLength;
        if (coefficients.Length != atoms * cols) throw new ArgumentException("Coefficients do not match atoms × columns.", nameof(coefficients));
        if (gradient.Length != atoms) throw new ArgumentException("Gradient does not match the atoms.", nameof(gradient));
        Grow(ref _mu, lin);
        for (int i = 0; i < atoms; i++)
        {
            var lambda = coefficients.Slice(i * cols, cols);
            var b = _b.AsSpan(i * lin, lin);
            lambda.Slice(0, lin).CopyTo(_mu);
            if (_quadratic)
            {
                int q = lin;
                for (int a = 0; a < lin; a++)
                {
                    _mu[a] += lambda[q++] * b[a]; // ½B_a²
                    for (int c = a + 1; c < lin; c++, q++)
                    {
                        _mu[a] += lambda[q] * b[c];
                        _mu[c] += lambda[q] * b[a];
                    }
                }
            }
            int s = _nb.Start[i], n = _nb.CountOf(i);
            Grow(ref _dE, 3 * n);
            _kernel.AdjointGradient(_nb, s, n, _zR.AsSpan(i * zl, zl), _zI.AsSpan(i * zl, zl), _mu.AsSpan(0, lin), _dE);
            for (int k = 0; k < n; k++)
            {
                var g = new Vec3(_dE[3 * k], _dE[3 * k + 1], _dE[3 * k + 2]);
                gradient[_nb.Neighbor[s + k]] += g;
                gradient[i] -= g;
            }
        }
    }

    /// <summary>
    /// Rows and their gradients with respect to every neighbour vector (see <see cref="BispectrumGradients"/>).
    /// The returned object is this calculator's buffer, overwritten by the next call.
    /// </summary>
    public BispectrumGradients ComputeWithGradients(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var nl = NeighborList.Build(structure, MaxCutoff);
        Gather(nl.Pairs, _species.IndicesOf(structure));
        int atoms = structure.AtomCount, cols = ColumnCount, lin = LinearCount;
        var g = _gradients;
        g.Reset(atoms, cols, _nb.Start[atoms]);
        var offsets = g.OffsetBuffer;
        offsets[0] = 0;
        for (int i = 0; i < atoms; i++)
        {
            int start = _nb.Start[i], n = _nb.CountOf(i);
            Grow(ref _grad, n * 3 * lin);
            _kernel.Compute(_nb, start, n, _linear, _grad.AsSpan(0, n * 3 * lin));
            WriteRow(g.RowBuffer.Slice(i * cols, cols));
            for (int k = 0; k < n; k++)
            {
                int p = start + k;
                g.NeighborBuffer[p] = _nb.Neighbor[p];
                g.VectorBuffer[p] = new Vec3(_nb.X[p], _nb.Y[p], _nb.Z[p]);
                var src = _grad.AsSpan(k * 3 * lin, 3 * lin);
                var dst = g.DerivativeBuffer.AsSpan(p * 3 * cols, 3 * cols);
                for (int d = 0; d < 3; d++)
                {
                    var s = src.Slice(d * lin, lin);
                    var t = dst.Slice(d * cols, cols);
                    s.CopyTo(t);
                    if (!_quadratic) continue;
                    int q = lin;
                    for (int a = 0; a < lin; a++)
                    {
                        t[q++] = _linear[a] * s[a];
                        for (int b = a + 1; b < lin; b++) t[q++] = _linear[a] * s[b] + _linear[b] * s[a];
                    }
                }
            }
            offsets[i + 1] = start + n;
        }
        return g;
    }

    private void WriteRow(Span<double> row)
    {
        _linear.CopyTo(row);
        if (!_quadratic) return;
        int q = LinearCount;
        for (int a = 0; a < LinearCount; a++)
        {
            row[q++] = 0.5 * _linear[a] * _linear[a];
            for (int b = a + 1; b < LinearCount; b++) row[q++] = _linear[a] * _linear[b];
        }
    }

    /// <summary>Copies every atom's neighbours inside their pair cutoffs, with what depends on r alone, into <see cref="_nb"/>.</summary>
    private void Gather(NeighborPairs pairs, ReadOnlySpan<int> species)
    {
        int atoms = pairs.AtomCount;
        if (species.Length != atoms) throw new ArgumentException("Species do not match the atoms.", nameof(species));
        var nb = _nb;
        nb.Reset(atoms, pairs.Indices.Length);
        var idx = pairs.Indices;
        var vec = pairs.Vectors;
        int n = 0;
        for (int i = 0; i < atoms; i++)
        {
            nb.Start[i] = n;
            double ri = _radius[species[i]];
            for (int p = pairs.Offsets[i]; p < pairs.Offsets[i + 1]; p++)
            {
                int j = idx[p];
                double rc = (ri + _radius[species[j]]) * _rcutfac;
                var d = vec[p];
                double rsq = d.X * d.X + d.Y * d.Y + d.Z * d.Z; // LAMMPS' test: rsq < cutsq, strictly
                if (!(rsq < rc * rc && rsq > 1e-20)) continue;
                double r = Math.Sqrt(rsq);
                nb.X[n] = d.X;
                nb.Y[n] = d.Y;
                nb.Z[n] = d.Z;
                nb.R[n] = r;
                nb.Neighbor[n] = j;
                _kernel.Geometry(r, rc, _weight[species[j]], out nb.Z0[n], out nb.DZ0[n], out nb.WFc[n], out nb.WDFc[n]);
                n++;
            }
        }
        nb.Start[atoms] = n;
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, 2 * array.Length)];
    }
}
