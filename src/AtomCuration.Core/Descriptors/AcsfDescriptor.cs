using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Atom-centred symmetry functions (see <see cref="AcsfSettings"/> for the formulas and defaults).
/// Columns are resolved by the centre's element and the neighbour elements: centre species
/// (by Z) slowest, then G2 by neighbour species, then G4 and G5 by unordered neighbour pair
/// (Z_j ≤ Z_k), each function fastest. An atom's row is zero outside its own centre block, so
/// the mean over atoms weights each centre element by its share. For one element this is
/// DScribe's layout; for several, DScribe's row is our row restricted to the centre's block.
/// Labels: <c>G2[Ti-O](eta=0.5,Rs=2.0)</c> (centre Ti, neighbour O),
/// <c>G4[Ti-O-O](eta=0.005,zeta=1.0,lambda=-1.0)</c>.
/// </summary>
public sealed class AcsfDescriptor : Descriptor
{
    private readonly SpeciesSet _species;
    private readonly double _cutoff;
    private readonly RadialFunction[] _g2;
    private readonly Angular _g4, _g5;
    private readonly double _cosThetaS, _sinThetaS;
    private readonly double _pairFactor;
    private readonly int _centreWidth;

    /// <summary>Configures the functions of <paramref name="settings"/> for <paramref name="species"/>.</summary>
    public AcsfDescriptor(AcsfSettings settings, SpeciesSet species)
    {
        Settings = settings;
        _species = species;
        _cutoff = settings.Cutoff;
        // The modified form is the standard one with η/Rc² (paper 001, Eqs. 4–5) and a shifted angle.
        double etaUnit = settings.Form == AcsfForm.Modified ? 1 / (_cutoff * _cutoff) : 1;
        _g2 = settings.RadialFunctions.Select(f => f with { Eta = f.Eta * etaUnit }).ToArray();
        _g4 = new Angular(settings.G4Functions, etaUnit);
        _g5 = new Angular(settings.G5Functions, etaUnit);
        double thetaS = settings.ThetaS * Math.PI / 180;
        _cosThetaS = Math.Cos(thetaS);
        _sinThetaS = Math.Sin(thetaS);
        _pairFactor = settings.AngularPairs == AngularPairCounting.Twice ? 2 : 1;
        int s = species.Count, pairs = species.PairCount;
        _centreWidth = s * _g2.Length + pairs * (_g4.Count + _g5.Count);
        Labels = BuildLabels(settings);
    }

    /// <summary>The settings.</summary>
    public AcsfSettings Settings { get; }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.Acsf;

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => true;

    /// <inheritdoc />
    public override void ComputeAtoms(Structure structure, Span<double> rows)
    {
        int width = Labels.Count;
        if (rows.Length != structure.AtomCount * width) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        var nl = NeighborList.Build(structure, _cutoff);
        var species = _species.IndicesOf(structure);
        int maxNeighbours = 0;
        for (int i = 0; i < structure.AtomCount; i++) maxNeighbours = Math.Max(maxNeighbours, nl.CountOf(i));
        var ws = new Workspace(maxNeighbours, _species.Count, Math.Max(_g2.Length, Math.Max(_g4.Count, _g5.Count)),
            Math.Max(_g4.Etas.Length, _g5.Etas.Length), Math.Max(_g4.Parts.Length, _g5.Parts.Length));
        for (int i = 0; i < structure.AtomCount; i++)
        {
            var row = rows.Slice(i * width, width);
            row.Clear();
            ComputeAtom(nl, i, species, ws, row.Slice(species[i] * _centreWidth, _centreWidth));
        }
    }

    private void ComputeAtom(NeighborList nl, int i, int[] species, Workspace ws, Span<double> block)
    {
        ws.Gather(nl, i, species, _species.Count, _cutoff);
        int s = _species.Count, col = 0;
        if (_g2.Length > 0)
            for (int b = 0; b < s; b++)
            {
                Radial(ws, ws.Start[b], ws.Start[b + 1], block.Slice(col, _g2.Length));
                col += _g2.Length;
            }
        if (_g4.Count + _g5.Count == 0) return;
        int g5Offset = col + _species.PairCount * _g4.Count;
        for (int a = 0; a < s; a++)
        for (int b = a; b < s; b++)
        {
            AngularSums(ws, a, b, block.Slice(col, _g4.Count), block.Slice(g5Offset, _g5.Count));
            col += _g4.Count;
            g5Offset += _g5.Count;
        }
    }

    /// <summary>G2 over neighbours start…end−1, four neighbours per step; lanes past the end are masked out.</summary>
    // Vector256 kernels: fully optimised at their first call. At tier 0 every Vector256 operation and every
    // AggressiveInlining helper is a real call, so a fresh pwsh computing ACSF ran its first pool ~3-5x slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Radial(Workspace ws, int start, int end, Span<double> output)
    {
        var acc = ws.Accumulators.AsSpan(0, _g2.Length);
        acc.Clear();
        for (int k = start; k < end; k += 4)
        {
            var r = VectorMath.Load(ws.R, k);
            var fc = VectorMath.Load(ws.Fc, k) & Workspace.LaneMask(end - k);
            for (int f = 0; f < _g2.Length; f++)
            {
                var d = r - Vector256.Create(_g2[f].Rs);
                acc[f] += VectorMath.ExpNonPositive(d * d * Vector256.Create(-_g2[f].Eta)) * fc;
            }
        }
        for (int f = 0; f < _g2.Length; f++) output[f] = Vector256.Sum(acc[f]);
    }

    /// <summary>
    /// G4 and G5 of one species block in a single fused pass over neighbour pairs (j in species a,
    /// k in species b, j &lt; k), four k at a time: geometry, cutoffs, the radial weight of each
    /// distinct η and the angular part of each distinct (ζ, λ) stay in registers and are summed
    /// into one accumulator per function. Lanes past the block end get zero weight. Without G5,
    /// only the k within Rc of j are visited (compacted per j): f_c(R_jk) = 0 for the others,
    /// which in a full cutoff sphere are about half of all pairs.
    /// </summary>
    // Vector256 kernels: fully optimised at their first call. At tier 0 every Vector256 operation and every
    // AggressiveInlining helper is a real call, so a fresh pwsh computing ACSF ran its first pool ~3-5x slower.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AngularSums(Workspace ws, int a, int b, Span<double> out4, Span<double> out5)
    {
        var acc4 = ws.Accumulators4.AsSpan(0, _g4.Count);
        var acc5 = ws.Accumulators5.AsSpan(0, _g5.Count);
        var weights = ws.EtaWeights;
        var parts = ws.PartValues;
        acc4.Clear();
        acc5.Clear();
        var one = Vector256.Create(1.0);
        for (int j = ws.Start[a]; j < ws.Start[a + 1]; j++)
        {
            var xj = Vector256.Create(ws.X[j]);
            var yj = Vector256.Create(ws.Y[j]);
            var zj = Vector256.Create(ws.Z[j]);
            var invRj = Vector256.Create(ws.InvR[j]);
            var rj2 = Vector256.Create(ws.R[j] * ws.R[j]);
            var fcj = Vector256.Create(ws.Fc[j]);
            int first = a == b ? j + 1 : ws.Start[b], end = ws.Start[b + 1];
            var (x, y, z, r, invR, fc) = (ws.X, ws.Y, ws.Z, ws.R, ws.InvR, ws.Fc);
            if (acc5.Length == 0)
            {
                end = ws.CompactWithin(j, first, end, _cutoff * _cutoff);
                first = 0;
                (x, y, z, r, invR, fc) = (ws.CX, ws.CY, ws.CZ, ws.CR, ws.CInvR, ws.CFc);
            }
            for (int k = first; k < end; k += 4)
            {
                var mask = Workspace.LaneMask(end - k);
                var xk = VectorMath.Load(x, k);
                var yk = VectorMath.Load(y, k);
                var zk = VectorMath.Load(z, k);
                var rk = VectorMath.Load(r, k);
                var cos = (xj * xk + yj * yk + zj * zk) * invRj * VectorMath.Load(invR, k);
                cos = Vector256.Min(Vector256.Max(cos, Vector256.Create(-1.0)), one) & mask;
                if (_sinThetaS != 0)
                {
                    // cos(θ − θs) = cosθ cosθs + sinθ sinθs, sinθ = √(1 − cos²θ) ≥ 0 for θ ∈ [0, π].
                    var sin = Vector256.Sqrt(Vector256.Max(one - cos * cos, Vector256<double>.Zero));
                    cos = cos * Vector256.Create(_cosThetaS) + sin * Vector256.Create(_sinThetaS);
                }
                var w = fcj * (VectorMath.Load(fc, k) & mask);
                var sum = rj2 + rk * rk;
                if (acc4.Length > 0)
                {
                    var dx = xk - xj;
                    var dy = yk - yj;
                    var dz = zk - zj;
                    var rjk2 = dx * dx + dy * dy + dz * dz;
                    Accumulate(_g4, cos, w * VectorMath.CosineCutoff(Vector256.Sqrt(rjk2), _cutoff), sum + rjk2, weights, parts, ws.Squares, acc4);
                }
                if (acc5.Length > 0) Accumulate(_g5, cos, w, sum, weights, parts, ws.Squares, acc5);
            }
        }
        for (int f = 0; f < acc4.Length; f++) out4[f] = _pairFactor * _g4.Prefactor[f] * Vector256.Sum(acc4[f]);
        for (int f = 0; f < acc5.Length; f++) out5[f] = _pairFactor * _g5.Prefactor[f] * Vector256.Sum(acc5[f]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Angular set, Vector256<double> cos, Vector256<double> w, Vector256<double> sum,
        Vector256<double>[] weights, Vector256<double>[] parts, Vector256<double>[] squares, Span<Vector256<double>> acc)
    {
        for (int e = 0; e < set.Etas.Length; e++) weights[e] = w * VectorMath.ExpNonPositive(sum * Vector256.Create(-set.Etas[e]));
        // Whole ζ: x^ζ as a product of the squares x, x², x⁴, … computed once per λ (ζ ∈ {1, 2, 4, 16} costs 4 products in all).
        for (int li = 0; li < set.Lambdas.Length; li++)
        {
            var x = Vector256.Create(1.0) + Vector256.Create(set.Lambdas[li]) * cos;
            squares[0] = x;
            for (int bit = 1; bit < set.SquaresNeeded[li]; bit++) squares[bit] = squares[bit - 1] * squares[bit - 1];
            foreach (int u in set.PartsOfLambda[li])
            {
                int zeta = set.WholeZeta[u];
                if (zeta == 0)
                {
                    parts[u] = Power(x, set.Parts[u].Zeta);
                    continue;
                }
                var product = Vector256.Create(1.0);
                for (int bit = 0; zeta != 0; bit++, zeta >>= 1)
                    if ((zeta & 1) != 0) product *= squares[bit];
                parts[u] = product;
            }
        }
        ref var part0 = ref MemoryMarshal.GetArrayDataReference(parts);
        ref var weight0 = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var acc0 = ref MemoryMarshal.GetReference(acc);
        var plan = set.Plan;
        for (int f = 0; f < plan.Length; f++)
            Unsafe.Add(ref acc0, f) += Unsafe.Add(ref part0, plan[f].Part) * Unsafe.Add(ref weight0, plan[f].Eta);
    }

    /// <summary>x^ζ per lane for a fractional ζ.</summary>
    private static Vector256<double> Power(Vector256<double> x, double zeta) =>
        Vector256.Create(Math.Pow(x[0], zeta), Math.Pow(x[1], zeta), Math.Pow(x[2], zeta), Math.Pow(x[3], zeta));

    private string[] BuildLabels(AcsfSettings settings)
    {
        var labels = new List<string>();
        var sym = _species.Symbols;
        foreach (var c in sym)
        {
            foreach (var b in sym)
                labels.AddRange(settings.RadialFunctions.Select(f =>
                    $"G2{LabelFormat.Elements(c, b)}(eta={LabelFormat.Number(f.Eta)},Rs={LabelFormat.Number(f.Rs)})"));
            foreach (var (name, set) in new[] { ("G4", settings.G4Functions), ("G5", settings.G5Functions) })
                for (int a = 0; a < sym.Count; a++)
                for (int b = a; b < sym.Count; b++)
                    labels.AddRange(set.Select(f =>
                        $"{name}{LabelFormat.Elements(c, sym[a], sym[b])}(eta={LabelFormat.Number(f.Eta)},zeta={LabelFormat.Number(f.Zeta)},lambda={LabelFormat.Number(f.Lambda)})"));
        }
        return labels.ToArray();
    }

    /// <summary>An angular function set with its distinct η and distinct (ζ, λ) factored out, so each is computed once per pair.</summary>
    private sealed class Angular
    {
        public Angular(IReadOnlyList<AngularFunction> functions, double etaUnit)
        {
            Count = functions.Count;
            Etas = functions.Select(f => f.Eta * etaUnit).Distinct().ToArray();
            Parts = functions.Select(f => (f.Zeta, f.Lambda)).Distinct().ToArray();
            var etas = Etas;
            var parts = Parts;
            Plan = functions.Select(f => (Array.IndexOf(parts, (f.Zeta, f.Lambda)), Array.IndexOf(etas, f.Eta * etaUnit))).ToArray();
            Prefactor = functions.Select(f => Math.Pow(2, 1 - f.Zeta)).ToArray();
            Lambdas = Parts.Select(p => p.Lambda).Distinct().ToArray();
            WholeZeta = Parts.Select(p => p.Zeta == Math.Floor(p.Zeta) ? (int)p.Zeta : 0).ToArray();
            PartsOfLambda = Lambdas.Select(l => Enumerable.Range(0, Parts.Length).Where(u => Parts[u].Lambda == l).ToArray()).ToArray();
            SquaresNeeded = PartsOfLambda.Select(us => us.Select(u => WholeZeta[u]).Select(z => z == 0 ? 1 : 32 - int.LeadingZeroCount(z)).DefaultIfEmpty(1).Max()).ToArray();
        }

        /// <summary>(part, η) index of each function, in function order.</summary>
        public (int Part, int Eta)[] Plan { get; }

        /// <summary>Bits of the largest whole ζ allowed (1024).</summary>
        public const int MaxBits = 11;

        public double[] Lambdas { get; }

        /// <summary>ζ of each part when whole, else 0.</summary>
        public int[] WholeZeta { get; }

        public int[][] PartsOfLambda { get; }

        /// <summary>How many of x, x², x⁴, … each λ needs.</summary>
        public int[] SquaresNeeded { get; }

        public int Count { get; }
        public double[] Etas { get; }
        public (double Zeta, double Lambda)[] Parts { get; }
        public double[] Prefactor { get; }
    }

    /// <summary>Per-structure scratch: neighbours of one centre sorted by species, and per-pair arrays. Nothing is allocated per neighbour.</summary>
    private sealed class Workspace
    {
        private static readonly Vector256<double>[] Masks = Enumerable.Range(0, 5)
            .Select(n => Vector256.Create(n > 0 ? -1L : 0, n > 1 ? -1L : 0, n > 2 ? -1L : 0, n > 3 ? -1L : 0).AsDouble()).ToArray();

        private readonly int[] _fill;

        public Workspace(int maxNeighbours, int species, int functions, int etas, int parts)
        {
            int n = Math.Max(1, maxNeighbours) + 4;
            R = new double[n];
            InvR = new double[n];
            Fc = new double[n];
            X = new double[n];
            Y = new double[n];
            Z = new double[n];
            CR = new double[n];
            CInvR = new double[n];
            CFc = new double[n];
            CX = new double[n];
            CY = new double[n];
            CZ = new double[n];
            Start = new int[species + 1];
            _fill = new int[species];
            Accumulators = new Vector256<double>[Math.Max(1, functions)];
            Accumulators4 = new Vector256<double>[Math.Max(1, functions)];
            Accumulators5 = new Vector256<double>[Math.Max(1, functions)];
            EtaWeights = new Vector256<double>[Math.Max(1, etas)];
            PartValues = new Vector256<double>[Math.Max(1, parts)];
        }

        public double[] R { get; }
        public double[] InvR { get; }
        public double[] Fc { get; }
        public double[] X { get; }
        public double[] Y { get; }
        public double[] Z { get; }
        public int[] Start { get; }

        /// <summary>Compacted copies of R, InvR, Fc, X, Y, Z (see <see cref="CompactWithin"/>).</summary>
        public double[] CR { get; }
        public double[] CInvR { get; }
        public double[] CFc { get; }
        public double[] CX { get; }
        public double[] CY { get; }
        public double[] CZ { get; }
        public Vector256<double>[] Accumulators { get; }
        public Vector256<double>[] Accumulators4 { get; }
        public Vector256<double>[] Accumulators5 { get; }
        public Vector256<double>[] EtaWeights { get; }
        public Vector256<double>[] PartValues { get; }
        public Vector256<double>[] Squares { get; } = new Vector256<double>[Angular.MaxBits];

        /// <summary>All-ones in the first <paramref name="valid"/> lanes (capped at 4).</summary>
        public static Vector256<double> LaneMask(int valid) => Masks[Math.Min(valid, 4)];

        /// <summary>
        /// Copies neighbours first…end−1 that lie closer than √<paramref name="cutoff2"/> to neighbour j
        /// into the C arrays (branch-free: every one is written, only the kept ones advance), pads
        /// four zero lanes, and returns how many were kept.
        /// </summary>
        // Per neighbour, Vector256: optimised at first call, like the kernels above.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int CompactWithin(int j, int first, int end, double cutoff2)
        {
            double xj = X[j], yj = Y[j], zj = Z[j];
            int m = 0;
            for (int k = first; k < end; k++)
            {
                double dx = X[k] - xj, dy = Y[k] - yj, dz = Z[k] - zj;
                CR[m] = R[k];
                CInvR[m] = InvR[k];
                CFc[m] = Fc[k];
                CX[m] = X[k];
                CY[m] = Y[k];
                CZ[m] = Z[k];
                m += dx * dx + dy * dy + dz * dz < cutoff2 ? 1 : 0;
            }
            for (int q = m; q < m + 4; q++) CR[q] = CInvR[q] = CFc[q] = CX[q] = CY[q] = CZ[q] = 0;
            return m;
        }

        /// <summary>Copies atom i's neighbours grouped by species (counting sort) and evaluates f_c for each.</summary>
        // Per neighbour, Vector256: optimised at first call, like the kernels above.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Gather(NeighborList nl, int i, int[] species, int speciesCount, double cutoff)
        {
            var idx = nl.IndicesOf(i);
            var vec = nl.VectorsOf(i);
            var dist = nl.DistancesOf(i);
            Array.Clear(Start);
            foreach (int j in idx) Start[species[j] + 1]++;
            for (int b = 0; b < speciesCount; b++) Start[b + 1] += Start[b];
            Array.Copy(Start, _fill, speciesCount);
            for (int p = 0; p < idx.Length; p++)
            {
                int q = _fill[species[idx[p]]]++;
                R[q] = dist[p];
                InvR[q] = 1 / dist[p];
                X[q] = vec[p].X;
                Y[q] = vec[p].Y;
                Z[q] = vec[p].Z;
            }
            // Padding lanes: finite geometry, zero weight (masked f_c), so they add exactly nothing.
            for (int q = idx.Length; q < idx.Length + 4; q++) R[q] = InvR[q] = X[q] = Y[q] = Z[q] = 0;
            for (int q = 0; q < idx.Length; q += 4)
                VectorMath.CosineCutoff(Vector256.Create(R.AsSpan(q, 4)), cutoff).CopyTo(Fc.AsSpan(q, 4));
        }
    }
}
