using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// SOAP power spectrum with DScribe 2.1's conventions. Each atom within r_cut + σ√(−2 ln 10⁻³)
/// of the centre, the centre included, carries an unnormalised Gaussian exp(−|r − r_j|²/2σ²);
/// per species Z, c^Z_nlm = ∫ g_nl(r) Y_lm(r̂) ρ_Z(r) d³r with real orthonormal Y_lm
/// (<see cref="RealSolidHarmonics"/>) and the radial basis of <see cref="SoapSettings.Rbf"/>.
/// p^{Z1 Z2}_{n n' l} = π √(8/(2l+1)) Σ_m c^{Z1}_{nlm} c^{Z2}_{n'lm}, not normalised, no √2 on
/// off-diagonal entries. Column order: species blocks (Z1 ≤ Z2) as (0,0), (0,1), …, (1,1), …
/// (only (Z,Z) without crossover); within a block l slowest, then n, then n'; same-species
/// blocks keep n' ≥ n, mixed blocks all n_max² pairs. Labels: <c>soap[Ti-Ti](n=0,n'=1,l=3)</c>
/// with n, n' and l counted from 0.
/// </summary>
public sealed class SoapDescriptor : Descriptor
{
    private readonly SpeciesSet _species;
    private readonly int _nmax, _lmax, _lm;
    private readonly SoapRadial _radial;
    private readonly RealSolidHarmonics _harmonics;
    private readonly (int A, int B)[] _blocks;

    /// <summary>Configures the expansion for <paramref name="species"/>.</summary>
    public SoapDescriptor(SoapSettings settings, SpeciesSet species)
    {
        Settings = settings;
        _species = species;
        _nmax = settings.NMax;
        _lmax = settings.LMax;
        _lm = (_lmax + 1) * (_lmax + 1);
        _radial = settings.Rbf == SoapRadialBasis.Gto
            ? new GtoRadial(settings)
            : new PolynomialRadial(settings);
        _harmonics = new RealSolidHarmonics(_lmax);
        _blocks = (from a in Enumerable.Range(0, species.Count)
                   from b in Enumerable.Range(a, species.Count - a)
                   where settings.Crossover || a == b
                   select (a, b)).ToArray();
        var labels = new List<string>();
        foreach (var (a, b) in _blocks)
            for (int l = 0; l <= _lmax; l++)
            for (int n = 0; n < _nmax; n++)
            for (int n2 = a == b ? n : 0; n2 < _nmax; n2++)
                labels.Add($"soap{LabelFormat.Elements(species.Symbols[a], species.Symbols[b])}(n={n},n'={n2},l={l})");
        Labels = labels;
    }

    /// <summary>The settings.</summary>
    public SoapSettings Settings { get; }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.Soap;

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => true;

    /// <inheritdoc />
    public override bool OwnsAggregation => Settings.Average == SoapAverage.Inner;

    /// <inheritdoc />
    public override void ComputeAtoms(Structure structure, Span<double> rows)
    {
        int width = Labels.Count;
        if (rows.Length != structure.Count * width) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        var all = new double[rows.Length]; // a span cannot be captured by the sink
        Expand(structure, (i, c) => PowerSpectrum(c, all.AsSpan(i * width, width)));
        all.CopyTo(rows);
    }

    /// <inheritdoc />
    public override void ComputeStructure(Structure structure, Span<double> vector)
    {
        if (vector.Length != Labels.Count) throw new ArgumentException("Vector has the wrong length.", nameof(vector));
        var mean = new double[_species.Count * _nmax * _lm];
        Expand(structure, (_, c) => TensorPrimitives.Add(mean, c, mean));
        TensorPrimitives.Multiply(mean, 1.0 / structure.Count, mean);
        PowerSpectrum(mean, vector);
    }

    /// <summary>The coefficients c[Z][n][lm] (flattened, lm = l² + l + m) of atom <paramref name="atom"/>.</summary>
    internal double[] CoefficientsOf(Structure structure, int atom)
    {
        double[]? result = null;
        Expand(structure, (i, c) => { if (i == atom) result = c.ToArray(); });
        return result!;
    }

    private void PowerSpectrum(ReadOnlySpan<double> c, Span<double> output)
    {
        int col = 0, perSpecies = _nmax * _lm;
        foreach (var (a, b) in _blocks)
        {
            var ca = c.Slice(a * perSpecies, perSpecies);
            var cb = c.Slice(b * perSpecies, perSpecies);
            for (int l = 0; l <= _lmax; l++)
            {
                double prefactor = Math.PI * Math.Sqrt(8.0 / (2 * l + 1));
                int m0 = l * l, width = 2 * l + 1;
                for (int n = 0; n < _nmax; n++)
                {
                    var x = ca.Slice(n * _lm + m0, width);
                    for (int n2 = a == b ? n : 0; n2 < _nmax; n2++)
                        output[col++] = prefactor * TensorPrimitives.Dot(x, cb.Slice(n2 * _lm + m0, width));
                }
            }
        }
        if (Settings.Normalization == SoapNormalization.L2)
        {
            double norm = TensorPrimitives.Norm(output);
            if (norm > 0) TensorPrimitives.Multiply(output, 1 / norm, output);
        }
    }

    /// <summary>Expands every atom's neighbour density and hands its coefficients c[Z][n][lm] to <paramref name="sink"/>.</summary>
    private void Expand(Structure structure, Action<int, double[]> sink)
    {
        var nl = NeighborList.Build(structure, Settings.NeighbourCutoff);
        var species = _species.IndicesOf(structure);
        int maxNeighbours = 0;
        for (int i = 0; i < structure.Count; i++) maxNeighbours = Math.Max(maxNeighbours, nl.CountOf(i));
        var ws = new Workspace(maxNeighbours + 1, _species.Count, _nmax, _lmax, _lm);
        var c = new double[_species.Count * _nmax * _lm];
        for (int i = 0; i < structure.Count; i++)
        {
            int count = ws.Gather(nl, i, species);
            int padded = (count + 3) & ~3;
            var radial = ws.RadialChunk;
            var angular = ws.AngularChunk;
            for (int q = 0; q < padded; q += 4)
            {
                var x = VectorMath.Load(ws.X, q);
                var y = VectorMath.Load(ws.Y, q);
                var z = VectorMath.Load(ws.Z, q);
                _radial.Evaluate(x * x + y * y + z * z, radial, ws.Scratch);
                _harmonics.Evaluate(x, y, z, angular);
                // Transpose to neighbour-contiguous rows so the projections below are plain dot products.
                ref double radialRow = ref MemoryMarshal.GetArrayDataReference(ws.Radial);
                for (int ln = 0; ln < radial.Length; ln++) radial[ln].StoreUnsafe(ref radialRow, (nuint)(ln * ws.Capacity + q));
                ref double angularRow = ref MemoryMarshal.GetArrayDataReference(ws.Angular);
                for (int lm = 0; lm < _lm; lm++) angular[lm].StoreUnsafe(ref angularRow, (nuint)(lm * ws.Capacity + q));
            }
            Array.Clear(c);
            for (int b = 0; b < _species.Count; b++)
            {
                int start = ws.Start[b], len = ws.Start[b + 1] - start;
                if (len == 0) continue;
                for (int l = 0; l <= _lmax; l++)
                for (int n = 0; n < _nmax; n++)
                {
                    var rad = ws.Radial.AsSpan((l * _nmax + n) * ws.Capacity + start, len);
                    int offset = (b * _nmax + n) * _lm;
                    for (int lm = l * l; lm < (l + 1) * (l + 1); lm++)
                        c[offset + lm] = TensorPrimitives.Dot(rad, ws.Angular.AsSpan(lm * ws.Capacity + start, len));
                }
            }
            sink(i, c);
        }
    }

    /// <summary>Per-structure scratch: one centre's neighbours (itself first among its species) and their basis values.</summary>
    private sealed class Workspace
    {
        private readonly int[] _fill;

        public Workspace(int maxNeighbours, int species, int nmax, int lmax, int lm)
        {
            Capacity = (maxNeighbours + 7) & ~3;
            X = new double[Capacity];
            Y = new double[Capacity];
            Z = new double[Capacity];
            Start = new int[species + 1];
            _fill = new int[species];
            Radial = new double[(lmax + 1) * nmax * Capacity];
            Angular = new double[lm * Capacity];
            RadialChunk = new Vector256<double>[(lmax + 1) * nmax];
            AngularChunk = new Vector256<double>[lm];
            Scratch = new Vector256<double>[nmax];
        }

        public int Capacity { get; }
        public double[] X { get; }
        public double[] Y { get; }
        public double[] Z { get; }
        public int[] Start { get; }
        public double[] Radial { get; }
        public double[] Angular { get; }
        public Vector256<double>[] RadialChunk { get; }
        public Vector256<double>[] AngularChunk { get; }
        public Vector256<double>[] Scratch { get; }

        /// <summary>Neighbour vectors of atom i and i itself (at the origin), grouped by species; returns the count.</summary>
        public int Gather(NeighborList nl, int i, int[] species)
        {
            var idx = nl.IndicesOf(i);
            var vec = nl.VectorsOf(i);
            Array.Clear(Start);
            Start[species[i] + 1]++;
            foreach (int j in idx) Start[species[j] + 1]++;
            for (int b = 0; b < _fill.Length; b++) Start[b + 1] += Start[b];
            Array.Copy(Start, _fill, _fill.Length);
            int self = _fill[species[i]]++;
            X[self] = Y[self] = Z[self] = 0;
            for (int p = 0; p < idx.Length; p++)
            {
                int q = _fill[species[idx[p]]]++;
                X[q] = vec[p].X;
                Y[q] = vec[p].Y;
                Z[q] = vec[p].Z;
            }
            int count = idx.Length + 1;
            for (int q = count; q < ((count + 3) & ~3); q++) X[q] = Y[q] = Z[q] = 0;
            return count;
        }
    }
}
