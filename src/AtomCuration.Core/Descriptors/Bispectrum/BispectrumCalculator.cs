using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// Evaluates the bispectrum of <see cref="BispectrumSettings"/> for whole structures: finds each atom's neighbours
/// within its pair cutoffs (0 &lt; |D|² &lt; ((R_i + R_j)·rcutfac)², from one <see cref="NeighborList"/> at the largest
/// pair cutoff), runs the kernel per atom and appends the quadratic products. Reuses its buffers between calls,
/// so one instance per thread; <see cref="BispectrumDescriptor"/> makes one per structure.
/// </summary>
public sealed class BispectrumCalculator
{
    private readonly BispectrumKernel _kernel;
    private readonly SpeciesSet _species;
    private readonly double[] _radius, _weight;
    private readonly double _rcutfac;
    private readonly bool _quadratic;
    private double[] _x = [], _y = [], _z = [], _r = [], _rc = [], _w = [], _grad = [];
    private int[] _keep = [];
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
        int cols = ColumnCount;
        if (rows.Length != structure.AtomCount * cols) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        var nl = NeighborList.Build(structure, MaxCutoff);
        var species = _species.IndicesOf(structure);
        for (int i = 0; i < structure.AtomCount; i++)
        {
            int n = Gather(nl, species, i);
            _kernel.Compute(_x.AsSpan(0, n), _y.AsSpan(0, n), _z.AsSpan(0, n), _r.AsSpan(0, n), _rc.AsSpan(0, n), _w.AsSpan(0, n), _linear, default);
            WriteRow(rows.Slice(i * cols, cols));
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
        var species = _species.IndicesOf(structure);
        int atoms = structure.AtomCount, cols = ColumnCount, lin = LinearCount;
        var g = _gradients;
        g.Reset(atoms, cols, nl.PairCount);
        var offsets = g.OffsetBuffer;
        offsets[0] = 0;
        for (int i = 0; i < atoms; i++)
        {
            int n = Gather(nl, species, i);
            if (_grad.Length < n * 3 * lin) _grad = new double[Math.Max(n * 3 * lin, 2 * _grad.Length)];
            _kernel.Compute(_x.AsSpan(0, n), _y.AsSpan(0, n), _z.AsSpan(0, n), _r.AsSpan(0, n), _rc.AsSpan(0, n), _w.AsSpan(0, n),
                _linear, _grad.AsSpan(0, n * 3 * lin));
            WriteRow(g.RowBuffer.Slice(i * cols, cols));
            int start = offsets[i];
            var idx = nl.IndicesOf(i);
            var vec = nl.VectorsOf(i);
            for (int k = 0; k < n; k++)
            {
                int p = start + k;
                g.NeighborBuffer[p] = idx[_keep[k]];
                g.VectorBuffer[p] = vec[_keep[k]];
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

    /// <summary>Copies atom i's neighbours inside their pair cutoffs into the scratch arrays; returns how many.</summary>
    private int Gather(NeighborList nl, int[] species, int i)
    {
        int count = nl.CountOf(i);
        if (_x.Length < count)
        {
            int size = Math.Max(count, 2 * _x.Length);
            _x = new double[size];
            _y = new double[size];
            _z = new double[size];
            _r = new double[size];
            _rc = new double[size];
            _w = new double[size];
            _keep = new int[size];
        }
        var idx = nl.IndicesOf(i);
        var vec = nl.VectorsOf(i);
        double ri = _radius[species[i]];
        int n = 0;
        for (int p = 0; p < count; p++)
        {
            int sj = species[idx[p]];
            double rc = (ri + _radius[sj]) * _rcutfac;
            var d = vec[p];
            double rsq = d.X * d.X + d.Y * d.Y + d.Z * d.Z;
            if (!(rsq < rc * rc && rsq > 1e-20)) continue;
            _x[n] = d.X;
            _y[n] = d.Y;
            _z[n] = d.Z;
            _r[n] = Math.Sqrt(rsq);
            _rc[n] = rc;
            _w[n] = _weight[sj];
            _keep[n] = p;
            n++;
        }
        return n;
    }
}
