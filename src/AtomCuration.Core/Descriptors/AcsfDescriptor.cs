using System.Numerics.Tensors;
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
        if (rows.Length != structure.Count * width) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        var nl = NeighborList.Build(structure, _cutoff);
        var species = _species.IndicesOf(structure);
        int maxNeighbours = 0;
        for (int i = 0; i < structure.Count; i++) maxNeighbours = Math.Max(maxNeighbours, nl.CountOf(i));
        var ws = new Workspace(maxNeighbours, _species.Count, _g4, _g5);
        for (int i = 0; i < structure.Count; i++)
        {
            var row = rows.Slice(i * width, width);
            row.Clear();
            ComputeAtom(nl, i, species, ws, row.Slice(species[i] * _centreWidth, _centreWidth));
        }
    }

    private void ComputeAtom(NeighborList nl, int i, int[] species, Workspace ws, Span<double> block)
    {
        int n = ws.Gather(nl, i, species, _species.Count);
        CosineCutoff.Values(ws.R.AsSpan(0, n), _cutoff, ws.Fc);
        int s = _species.Count, col = 0;
        var tmp = ws.Tmp.AsSpan();
        for (int b = 0; b < s; b++)
        {
            int start = ws.Start[b], count = ws.Start[b + 1] - start;
            var r = ws.R.AsSpan(start, count);
            var fc = ws.Fc.AsSpan(start, count);
            var t = tmp[..count];
            foreach (var f in _g2)
            {
                if (count > 0)
                {
                    TensorPrimitives.Subtract(r, f.Rs, t);
                    TensorPrimitives.Multiply(t, t, t);
                    TensorPrimitives.Multiply(t, -f.Eta, t);
                    TensorPrimitives.Exp(t, t);
                    block[col] = TensorPrimitives.Dot(t, fc);
                }
                col++;
            }
        }
        if (_g4.Count + _g5.Count == 0) return;
        int g5Offset = col + _species.PairCount * _g4.Count;
        for (int a = 0; a < s; a++)
        for (int b = a; b < s; b++)
        {
            int pairs = ws.FillPairs(a, b);
            if (pairs > 0)
            {
                ws.AngularParts(pairs, _cosThetaS, _sinThetaS, _g4, _g5);
                if (_g4.Count > 0) Accumulate(ws, pairs, _g4, withJk: true, block.Slice(col, _g4.Count));
                if (_g5.Count > 0) Accumulate(ws, pairs, _g5, withJk: false, block.Slice(g5Offset, _g5.Count));
            }
            col += _g4.Count;
            g5Offset += _g5.Count;
        }
    }

    private void Accumulate(Workspace ws, int pairs, Angular set, bool withJk, Span<double> output)
    {
        var w = ws.Weight.AsSpan(0, pairs);
        var exponent = ws.Exponent.AsSpan(0, pairs);
        ws.Base.AsSpan(0, pairs).CopyTo(w);
        ws.SumSquares.AsSpan(0, pairs).CopyTo(exponent);
        if (withJk)
        {
            var rjk = ws.Tmp.AsSpan(0, pairs);
            var rjk2 = ws.Rjk2.AsSpan(0, pairs);
            TensorPrimitives.Sqrt(rjk2, rjk);
            CosineCutoff.Values(rjk, _cutoff, rjk);
            TensorPrimitives.Multiply(w, rjk, w);
            TensorPrimitives.Add(exponent, rjk2, exponent);
        }
        for (int e = 0; e < set.Etas.Length; e++)
        {
            var we = ws.EtaWeight.AsSpan(e * ws.PairCapacity, pairs);
            TensorPrimitives.Multiply(exponent, -set.Etas[e], we);
            TensorPrimitives.Exp(we, we);
            TensorPrimitives.Multiply(we, w, we);
        }
        for (int f = 0; f < set.Count; f++)
        {
            var parts = ws.Parts(withJk, set.PartIndex[f], pairs);
            var we = ws.EtaWeight.AsSpan(set.EtaIndex[f] * ws.PairCapacity, pairs);
            output[f] = _pairFactor * set.Prefactor[f] * TensorPrimitives.Dot(parts, we);
        }
    }

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
            EtaIndex = functions.Select(f => Array.IndexOf(Etas, f.Eta * etaUnit)).ToArray();
            PartIndex = functions.Select(f => Array.IndexOf(Parts, (f.Zeta, f.Lambda))).ToArray();
            Prefactor = functions.Select(f => Math.Pow(2, 1 - f.Zeta)).ToArray();
        }

        public int Count { get; }
        public double[] Etas { get; }
        public (double Zeta, double Lambda)[] Parts { get; }
        public int[] EtaIndex { get; }
        public int[] PartIndex { get; }
        public double[] Prefactor { get; }
    }

    /// <summary>Per-structure scratch: neighbours of one centre sorted by species, and per-pair arrays. Nothing is allocated per neighbour.</summary>
    private sealed class Workspace
    {
        private readonly double[] _x, _y, _z, _cos, _g4Parts, _g5Parts, _lambdaBase, _square;
        private readonly int[] _fill;

        public Workspace(int maxNeighbours, int species, Angular g4, Angular g5)
        {
            int n = Math.Max(1, maxNeighbours);
            PairCapacity = Math.Max(1, n * (n - 1) / 2 + n);
            R = new double[n];
            Fc = new double[n];
            _x = new double[n];
            _y = new double[n];
            _z = new double[n];
            Start = new int[species + 1];
            _fill = new int[species];
            Tmp = new double[Math.Max(n, PairCapacity)];
            _cos = new double[PairCapacity];
            Rjk2 = new double[PairCapacity];
            Base = new double[PairCapacity];
            SumSquares = new double[PairCapacity];
            Weight = new double[PairCapacity];
            Exponent = new double[PairCapacity];
            _lambdaBase = new double[PairCapacity];
            _square = new double[PairCapacity];
            EtaWeight = new double[Math.Max(g4.Etas.Length, g5.Etas.Length) * PairCapacity];
            _g4Parts = new double[g4.Parts.Length * PairCapacity];
            _g5Parts = new double[g5.Parts.Length * PairCapacity];
        }

        public int PairCapacity { get; }
        public double[] R { get; }
        public double[] Fc { get; }
        public int[] Start { get; }
        public double[] Tmp { get; }
        public double[] Rjk2 { get; }
        public double[] Base { get; }
        public double[] SumSquares { get; }
        public double[] Weight { get; }
        public double[] Exponent { get; }
        public double[] EtaWeight { get; }

        /// <summary>Copies atom i's neighbours, grouped by species (counting sort), and returns their number.</summary>
        public int Gather(NeighborList nl, int i, int[] species, int speciesCount)
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
                _x[q] = vec[p].X;
                _y[q] = vec[p].Y;
                _z[q] = vec[p].Z;
            }
            return idx.Length;
        }

        /// <summary>Fills cos θ, Rjk², fc_j·fc_k and Rij² + Rik² for neighbour pairs (j in species a, k in species b, j &lt; k); returns the count.</summary>
        public int FillPairs(int a, int b)
        {
            int p = 0;
            for (int j = Start[a]; j < Start[a + 1]; j++)
            {
                double xj = _x[j], yj = _y[j], zj = _z[j], rj = R[j], fj = Fc[j];
                for (int k = a == b ? j + 1 : Start[b]; k < Start[b + 1]; k++)
                {
                    double dx = _x[k] - xj, dy = _y[k] - yj, dz = _z[k] - zj, rk = R[k];
                    _cos[p] = Math.Clamp((xj * _x[k] + yj * _y[k] + zj * _z[k]) / (rj * rk), -1, 1);
                    Rjk2[p] = dx * dx + dy * dy + dz * dz;
                    Base[p] = fj * Fc[k];
                    SumSquares[p] = rj * rj + rk * rk;
                    p++;
                }
            }
            return p;
        }

        /// <summary>(1 + λ cos(θ − θs))^ζ for every distinct (ζ, λ) of both sets.</summary>
        public void AngularParts(int pairs, double cosThetaS, double sinThetaS, Angular g4, Angular g5)
        {
            var c = _cos.AsSpan(0, pairs);
            if (sinThetaS != 0)
            {
                // cos(θ − θs) = cosθ cosθs + sinθ sinθs with sinθ = √(1 − cos²θ) ≥ 0 for θ ∈ [0, π].
                var sin = Tmp.AsSpan(0, pairs);
                TensorPrimitives.Multiply(c, c, sin);
                TensorPrimitives.Subtract(1.0, sin, sin);
                TensorPrimitives.Max(sin, 0.0, sin);
                TensorPrimitives.Sqrt(sin, sin);
                TensorPrimitives.Multiply(c, cosThetaS, c);
                TensorPrimitives.MultiplyAdd(sin, sinThetaS, c, c);
            }
            Powers(g4, _g4Parts, pairs);
            Powers(g5, _g5Parts, pairs);
        }

        public ReadOnlySpan<double> Parts(bool g4, int part, int pairs) =>
            (g4 ? _g4Parts : _g5Parts).AsSpan(part * PairCapacity, pairs);

        private void Powers(Angular set, double[] store, int pairs)
        {
            var c = _cos.AsSpan(0, pairs);
            var x = _lambdaBase.AsSpan(0, pairs);
            var square = _square.AsSpan(0, pairs);
            for (int u = 0; u < set.Parts.Length; u++)
            {
                var (zeta, lambda) = set.Parts[u];
                var dest = store.AsSpan(u * PairCapacity, pairs);
                TensorPrimitives.Multiply(c, lambda, x);
                TensorPrimitives.Add(x, 1.0, x);
                if (zeta != Math.Floor(zeta))
                {
                    TensorPrimitives.Pow(x, zeta, dest);
                    continue;
                }
                // Whole ζ by repeated squaring: exact to rounding and much cheaper than Pow.
                int e = (int)zeta;
                dest.Fill(1.0);
                x.CopyTo(square);
                while (true)
                {
                    if ((e & 1) != 0) TensorPrimitives.Multiply(dest, square, dest);
                    e >>= 1;
                    if (e == 0) break;
                    TensorPrimitives.Multiply(square, square, square);
                }
            }
        }
    }
}
