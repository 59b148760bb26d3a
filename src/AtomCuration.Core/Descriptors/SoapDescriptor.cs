using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// SOAP power spectrum with DScribe 2.1's conventions. Each atom within r_cut + σ√(−2 ln 10⁻³)
/// of the centre, the centre included, carries an unnormalised Gaussian w_j exp(−|r − r_j|²/2σ²),
/// with w_j = 1 or the <see cref="SoapSettings.Weighting"/> at |r_j|;
/// per species Z, c^Z_nlm = s_Z ∫ g_nl(r) Y_lm(r̂) ρ_Z(r) d³r with real orthonormal Y_lm
/// (<see cref="RealSolidHarmonics"/>), the radial basis of <see cref="SoapSettings.Rbf"/> and the
/// species weight s_Z (<see cref="SoapSettings.SpeciesWeights"/>, default 1).
/// p^{A B}_{n n' l} = π √(8/(2l+1)) Σ_m c^A_{nlm} c^B_{n'lm}, not normalised, no √2 on
/// off-diagonal entries, where A and B are species or "all", c^all = Σ_Z c^Z.
/// Column order: blocks (A, B), within a block l slowest, then n, then n'; blocks with A = B keep
/// n' ≥ n, others all n_max² pairs. The blocks (<see cref="SoapSettings.Compression"/>):
/// Off, every Z1 ≤ Z2 as (0,0), (0,1), …, (1,1), …; Crossover, (Z,Z); Mu2, the one block (all, all);
/// Mu1Nu1, (Z, all) per species. Labels: <c>soap[Ti-Ti](n=0,n'=1,l=3)</c>, <c>soap[all-all](…)</c>,
/// <c>soap[Ti-all](…)</c>, with n (of A), n' (of B) and l counted from 0.
/// </summary>
public sealed class SoapDescriptor : Descriptor
{
    private readonly SpeciesSet _species;
    private readonly int _nmax, _lmax, _lm;
    private readonly SoapRadial _radial;
    private readonly RealSolidHarmonics _harmonics;
    private readonly (int A, int B)[] _blocks;
    private readonly SoapWeighting? _weighting;
    private readonly double[]? _speciesWeights;
    private readonly int _sources; // species, plus the slot of c^all when a block uses it

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
        _weighting = settings.Weighting;
        // Parse guards this for users; settings built in code get the same check rather than NaN vectors.
        if (_weighting is not null && !double.IsFinite(_weighting.Evaluate(0)))
            throw new ArgumentException("The SOAP weighting is infinite at the central atom (Pow with d = 0); give d > 0 or w0.", nameof(settings));
        _speciesWeights = SpeciesWeightsOf(settings, species);
        int all = species.Count;
        var each = Enumerable.Range(0, all);
        _blocks = settings.Compression switch
        {
            SoapCompression.Off => (from a in each from b in Enumerable.Range(a, all - a) select (a, b)).ToArray(),
            SoapCompression.Crossover => each.Select(a => (a, a)).ToArray(),
            SoapCompression.Mu2 => [(all, all)],
            SoapCompression.Mu1Nu1 => each.Select(a => (a, all)).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Compression, "Unknown SOAP compression."),
        };
        _sources = settings.Compression is SoapCompression.Mu2 or SoapCompression.Mu1Nu1 ? all + 1 : all;
        string Symbol(int k) => k == all ? "all" : species.Symbols[k];
        var labels = new List<string>();
        foreach (var (a, b) in _blocks)
            for (int l = 0; l <= _lmax; l++)
            for (int n = 0; n < _nmax; n++)
            for (int n2 = a == b ? n : 0; n2 < _nmax; n2++)
                labels.Add($"soap{LabelFormat.Elements(Symbol(a), Symbol(b))}(n={n},n'={n2},l={l})");
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
        if (rows.Length != structure.AtomCount * width) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        var all = new double[rows.Length]; // a span cannot be captured by the sink
        Expand(structure, (i, c) => PowerSpectrum(c, all.AsSpan(i * width, width)));
        all.CopyTo(rows);
    }

    /// <inheritdoc />
    public override void ComputeStructure(Structure structure, Span<double> vector)
    {
        if (vector.Length != Labels.Count) throw new ArgumentException("Vector has the wrong length.", nameof(vector));
        var mean = new double[_sources * _nmax * _lm];
        Expand(structure, (_, c) => TensorPrimitives.Add(mean, c, mean));
        TensorPrimitives.Multiply(mean, 1.0 / structure.AtomCount, mean);
        PowerSpectrum(mean, vector);
    }

    /// <summary>The coefficients c[Z][n][lm] (flattened, lm = l² + l + m) of atom <paramref name="atom"/>.</summary>
    internal double[] CoefficientsOf(Structure structure, int atom)
    {
        double[]? result = null;
        Expand(structure, (i, c) => { if (i == atom) result = c[..(_species.Count * _nmax * _lm)]; });
        return result!;
    }

    /// <summary>The species weights in species order, or null when all are 1; every species needs one, as in DScribe.</summary>
    private static double[]? SpeciesWeightsOf(SoapSettings settings, SpeciesSet species)
    {
        if (settings.SpeciesWeights is not { } map) return null;
        var extra = map.Keys.FirstOrDefault(k => !species.Symbols.Contains(k));
        if (extra is not null)
            throw new DescriptorParameterException("speciesWeighting",
                $"Soap parameter 'speciesWeighting' weights {extra}, which is not among the species ({string.Join(", ", species.Symbols)}); give exactly one weight per species.");
        return species.Symbols.Select(z => map.TryGetValue(z, out var w)
            ? w
            : throw new DescriptorParameterException("speciesWeighting",
                $"Soap parameter 'speciesWeighting' has no weight for {z}; give exactly one weight per species ({string.Join(", ", species.Symbols)}).")).ToArray();
    }

    /// <summary>The power spectrum of c[source][n][lm]; fills the c^all slot (if any) first, so <paramref name="c"/> is written to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PowerSpectrum(Span<double> c, Span<double> output)
    {
        int col = 0, perSpecies = _nmax * _lm;
        if (_sources > _species.Count)
        {
            var sum = c.Slice(_species.Count * perSpecies, perSpecies);
            sum.Clear();
            for (int b = 0; b < _species.Count; b++) TensorPrimitives.Add(sum, c.Slice(b * perSpecies, perSpecies), sum);
        }
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
                        output[col++] = prefactor * VectorMath.Dot(x, cb.Slice(n2 * _lm + m0, width));
                }
            }
        }
        if (Settings.Normalization == SoapNormalization.L2)
        {
            double norm = TensorPrimitives.Norm(output);
            if (norm > 0) TensorPrimitives.Multiply(output, 1 / norm, output);
        }
    }

    /// <summary>Expands every atom's neighbour density and hands its coefficients c[Z][n][lm] (then a zeroed c^all slot, if used) to <paramref name="sink"/>.</summary>
    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Expand(Structure structure, Action<int, double[]> sink)
    {
        var nl = NeighborList.Build(structure, Settings.NeighbourCutoff);
        var species = _species.IndicesOf(structure);
        int maxNeighbours = 0;
        for (int i = 0; i < structure.AtomCount; i++) maxNeighbours = Math.Max(maxNeighbours, nl.CountOf(i));
        var ws = new Workspace(maxNeighbours + 1, _species.Count, _nmax, _lmax, _lm);
        var c = new double[_sources * _nmax * _lm];
        for (int i = 0; i < structure.AtomCount; i++)
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
                var r2 = x * x + y * y + z * z;
                _radial.Evaluate(r2, radial, ws.Scratch);
                if (_weighting is not null) Weigh(r2, radial);
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
                for (int k = 0; k < _nmax; k++)
                {
                    var rad = ws.Radial.AsSpan((l * _nmax + k) * ws.Capacity + start, len);
                    int offset = (b * _nmax + k) * _lm;
                    for (int lm = l * l; lm < (l + 1) * (l + 1); lm++)
                        c[offset + lm] = VectorMath.Dot(rad, ws.Angular.AsSpan(lm * ws.Capacity + start, len));
                }
                _radial.ToBasis(c.AsSpan(b * _nmax * _lm, _nmax * _lm));
                if (_speciesWeights is not null)
                {
                    var block = c.AsSpan(b * _nmax * _lm, _nmax * _lm);
                    TensorPrimitives.Multiply(block, _speciesWeights[b], block);
                }
            }
            sink(i, c);
        }
    }

    /// <summary>Multiplies four neighbours' radial values by their weights w(r) (the Gaussian's weight factors out of the projection).</summary>
    private void Weigh(Vector256<double> r2, Span<Vector256<double>> radial)
    {
        var w = _weighting!;
        var factor = Vector256.Create(
            w.Evaluate(Math.Sqrt(r2[0])), w.Evaluate(Math.Sqrt(r2[1])), w.Evaluate(Math.Sqrt(r2[2])), w.Evaluate(Math.Sqrt(r2[3])));
        for (int k = 0; k < radial.Length; k++) radial[k] *= factor;
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
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
