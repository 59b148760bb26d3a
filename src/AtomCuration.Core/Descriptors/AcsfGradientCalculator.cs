using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// ACSF rows (<see cref="AcsfSettings"/>; same columns as <see cref="AcsfDescriptor"/>) with the analytic position gradient of a
/// weighted sum E = Σ_i Σ_c λ_ic G_ic (Behler, J. Chem. Phys. 134, 074106 (2011), doi:10.1063/1.3553717, Eqs. 8–13 and
/// their derivatives). With f_c(r) = ½(cos(πr/Rc) + 1), c = cos θ_jik = D_j·D_k/(r_j r_k), D_jk = D_k − D_j:
/// <code>
/// ∂G2/∂D_j = [f_c'(r_j) − 2η(r_j − Rs) f_c(r_j)] e^{−η(r_j − Rs)²} D_j/r_j,
/// T = (1 + λc)^ζ e^{−ηS} F,   S = r_j² + r_k² (+ r_jk² for G4),   F = f_c(r_j) f_c(r_k) (· f_c(r_jk) for G4),
/// ∂T/∂D_j = ζλ(1 + λc)^{ζ−1} e^{−ηS} F ∂c/∂D_j − η T ∂S/∂D_j + (1 + λc)^ζ e^{−ηS} ∂F/∂D_j,
/// ∂c/∂D_j = D_k/(r_j r_k) − c D_j/r_j²,   ∂S/∂D_j = 2D_j − 2D_jk (G4) or 2D_j (G5),
/// ∂F/∂D_j = f_c'(r_j) f_c(r_k) f_c(r_jk) D_j/r_j − f_c(r_j) f_c(r_k) f_c'(r_jk) D_jk/r_jk (G4),
/// </code>
/// and symmetrically for D_k; then ∂/∂r_j = ∂/∂D_j and ∂/∂r_i = −Σ ∂/∂D. The λ-weighted sums over each pair's functions are
/// formed first, so the gradient costs one pass over pairs and triples. The angle offset θs is refused: cos(θ − θs) is
/// not differentiable at collinear triples. Scalar code (the generator's descriptor, a few columns); <see cref="AcsfDescriptor"/>
/// is the vectorised evaluator for large pools. Reuses its buffers: one instance per thread.
/// </summary>
public sealed class AcsfGradientCalculator : IDifferentiableDescriptor
{
    private readonly SpeciesSet _species;
    private readonly double _cutoff, _pairFactor;
    private readonly RadialFunction[] _g2;
    private readonly AngularFunction[] _g4, _g5;
    private readonly int _centreWidth, _g4Offset, _g5Offset;
    private double[] _x = [], _y = [], _z = [], _r = [], _fc = [], _dfc = [];
    private int[] _neighbor = [], _kind = [], _start = [0], _centre = [];
    private int _atoms;

    /// <summary>The functions of <paramref name="settings"/> for <paramref name="species"/>.</summary>
    /// <exception cref="ArgumentException">θs ≠ 0.</exception>
    public AcsfGradientCalculator(AcsfSettings settings, SpeciesSet species)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(species);
        if (settings.ThetaS != 0)
            throw new ArgumentException("ACSF with thetaS ≠ 0 has no position gradient at collinear triples; use thetaS = 0.", nameof(settings));
        _species = species;
        _cutoff = settings.Cutoff;
        double etaUnit = settings.Form == AcsfForm.Modified ? 1 / (_cutoff * _cutoff) : 1; // as AcsfDescriptor
        _g2 = settings.RadialFunctions.Select(f => f with { Eta = f.Eta * etaUnit }).ToArray();
        _g4 = settings.G4Functions.Select(f => f with { Eta = f.Eta * etaUnit }).ToArray();
        _g5 = settings.G5Functions.Select(f => f with { Eta = f.Eta * etaUnit }).ToArray();
        _pairFactor = settings.AngularPairs == AngularPairCounting.Twice ? 2 : 1;
        _g4Offset = species.Count * _g2.Length;
        _g5Offset = _g4Offset + species.PairCount * _g4.Length;
        _centreWidth = CentreWidth(settings, species);
        ColumnCount = species.Count * _centreWidth;
    }

    /// <summary>Columns of one centre species' block.</summary>
    public static int CentreWidth(AcsfSettings settings, SpeciesSet species)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(species);
        return species.Count * settings.RadialFunctions.Count + species.PairCount * (settings.G4Functions.Count + settings.G5Functions.Count);
    }

    /// <inheritdoc />
    public int ColumnCount { get; }

    /// <inheritdoc />
    public double MaxCutoff => _cutoff;

    /// <inheritdoc />
    public void ComputeRetained(NeighborPairs pairs, ReadOnlySpan<int> species, Span<double> rows)
    {
        int atoms = pairs.AtomCount, cols = ColumnCount;
        if (rows.Length != atoms * cols) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        Gather(pairs, species);
        rows.Clear();
        for (int i = 0; i < atoms; i++)
        {
            var block = rows.Slice(i * cols + _centre[i] * _centreWidth, _centreWidth);
            int s = _start[i], e = _start[i + 1];
            for (int p = s; p < e; p++)
            {
                var g2 = block.Slice(_kind[p] * _g2.Length, _g2.Length);
                for (int f = 0; f < _g2.Length; f++)
                {
                    double d = _r[p] - _g2[f].Rs;
                    g2[f] += Math.Exp(-_g2[f].Eta * d * d) * _fc[p];
                }
            }
            if (_g4.Length + _g5.Length == 0) continue;
            for (int p = s; p < e; p++)
                for (int q = p + 1; q < e; q++)
                {
                    var t = Triple(p, q);
                    int pair = _species.PairIndex(_kind[p], _kind[q]);
                    if (t.F4 > 0)
                        for (int f = 0; f < _g4.Length; f++)
                            block[_g4Offset + pair * _g4.Length + f] += Prefactor(_g4[f]) * Angular(_g4[f], t.Cos) * Math.Exp(-_g4[f].Eta * t.S4) * t.F4;
                    for (int f = 0; f < _g5.Length; f++)
                        block[_g5Offset + pair * _g5.Length + f] += Prefactor(_g5[f]) * Angular(_g5[f], t.Cos) * Math.Exp(-_g5[f].Eta * t.S5) * t.F5;
                }
        }
    }

    /// <inheritdoc />
    public void AddWeightedGradient(ReadOnlySpan<double> coefficients, Span<Vec3> gradient)
    {
        int cols = ColumnCount;
        if (coefficients.Length != _atoms * cols) throw new ArgumentException("Coefficients do not match atoms × columns.", nameof(coefficients));
        if (gradient.Length != _atoms) throw new ArgumentException("Gradient does not match the atoms.", nameof(gradient));
        for (int i = 0; i < _atoms; i++)
        {
            var lambda = coefficients.Slice(i * cols + _centre[i] * _centreWidth, _centreWidth);
            int s = _start[i], e = _start[i + 1];
            for (int p = s; p < e; p++)
            {
                var l2 = lambda.Slice(_kind[p] * _g2.Length, _g2.Length);
                double dEdr = 0;
                for (int f = 0; f < _g2.Length; f++)
                {
                    double d = _r[p] - _g2[f].Rs, ex = Math.Exp(-_g2[f].Eta * d * d);
                    dEdr += l2[f] * ex * (_dfc[p] - 2 * _g2[f].Eta * d * _fc[p]);
                }
                Add(gradient, i, _neighbor[p], dEdr / _r[p] * Vec(p));
            }
            if (_g4.Length + _g5.Length == 0) continue;
            for (int p = s; p < e; p++)
                for (int q = p + 1; q < e; q++)
                {
                    var t = Triple(p, q);
                    int pair = _species.PairIndex(_kind[p], _kind[q]);
                    Vec3 gp = default, gq = default;
                    if (t.F4 > 0 || t.DFjk != 0)
                        AngularGradient(_g4, lambda.Slice(_g4Offset + pair * _g4.Length, _g4.Length), t, true, p, q, ref gp, ref gq);
                    AngularGradient(_g5, lambda.Slice(_g5Offset + pair * _g5.Length, _g5.Length), t, false, p, q, ref gp, ref gq);
                    Add(gradient, i, _neighbor[p], gp);
                    Add(gradient, i, _neighbor[q], gq);
                }
        }
    }

    /// <summary>Adds the λ-weighted ∂T/∂D_j, ∂T/∂D_k of one angular set (G4 with the r_jk terms, else G5) for neighbours p, q.</summary>
    private void AngularGradient(AngularFunction[] set, ReadOnlySpan<double> lambda, in TripleGeometry t, bool g4, int p, int q, ref Vec3 gp, ref Vec3 gq)
    {
        double s = g4 ? t.S4 : t.S5, fAll = g4 ? t.F4 : t.F5;
        // Σ_f c_f ζλ(1+λc)^{ζ−1} e^{−ηS}, Σ_f c_f (1+λc)^ζ e^{−ηS} (−η), Σ_f c_f (1+λc)^ζ e^{−ηS}, c_f = λ_f · prefactor.
        double alpha = 0, beta = 0, gamma = 0;
        for (int f = 0; f < set.Length; f++)
        {
            double c = lambda[f];
            if (c == 0) continue;
            c *= Prefactor(set[f]);
            double x = 1 + set[f].Lambda * t.Cos, ex = Math.Exp(-set[f].Eta * s);
            double a = Math.Pow(x, set[f].Zeta);
            alpha += c * set[f].Zeta * set[f].Lambda * Math.Pow(x, set[f].Zeta - 1) * ex;
            beta -= c * set[f].Eta * a * ex;
            gamma += c * a * ex;
        }
        if (alpha == 0 && beta == 0 && gamma == 0) return;
        Vec3 dp = Vec(p), dq = Vec(q), djk = dq - dp;
        double rp = _r[p], rq = _r[q];
        var dCosP = dq / (rp * rq) - t.Cos / (rp * rp) * dp;
        var dCosQ = dp / (rp * rq) - t.Cos / (rq * rq) * dq;
        Vec3 dSP = 2 * dp, dSQ = 2 * dq;
        // ∂F/∂D_p and ∂F/∂D_q.
        double fjk = g4 ? t.Fjk : 1;
        Vec3 dFP = _dfc[p] * _fc[q] * fjk / rp * dp, dFQ = _fc[p] * _dfc[q] * fjk / rq * dq;
        if (g4)
        {
            dSP -= 2 * djk;
            dSQ += 2 * djk;
            var w = _fc[p] * _fc[q] * t.DFjk / t.Rjk * djk;
            dFP -= w;
            dFQ += w;
        }
        gp += fAll * alpha * dCosP + fAll * beta * dSP + gamma * dFP;
        gq += fAll * alpha * dCosQ + fAll * beta * dSQ + gamma * dFQ;
    }

    private readonly record struct TripleGeometry(double Cos, double S4, double S5, double F4, double F5, double Rjk, double Fjk, double DFjk);

    private TripleGeometry Triple(int p, int q)
    {
        double rp = _r[p], rq = _r[q];
        double cos = Math.Clamp((_x[p] * _x[q] + _y[p] * _y[q] + _z[p] * _z[q]) / (rp * rq), -1, 1);
        double dx = _x[q] - _x[p], dy = _y[q] - _y[p], dz = _z[q] - _z[p];
        double rjk2 = dx * dx + dy * dy + dz * dz, rjk = Math.Sqrt(rjk2);
        double fjk = Cutoff(rjk), dfjk = CutoffDerivative(rjk);
        double f5 = _fc[p] * _fc[q];
        return new TripleGeometry(cos, rp * rp + rq * rq + rjk2, rp * rp + rq * rq, f5 * fjk, f5, rjk, fjk, dfjk);
    }

    private double Prefactor(AngularFunction f) => _pairFactor * Math.Pow(2, 1 - f.Zeta);

    private static double Angular(AngularFunction f, double cos) => Math.Pow(1 + f.Lambda * cos, f.Zeta);

    private double Cutoff(double r) => r < _cutoff ? 0.5 * (Math.Cos(Math.PI * r / _cutoff) + 1) : 0;

    private double CutoffDerivative(double r) => r < _cutoff ? -0.5 * Math.PI / _cutoff * Math.Sin(Math.PI * r / _cutoff) : 0;

    private Vec3 Vec(int p) => new(_x[p], _y[p], _z[p]);

    private static void Add(Span<Vec3> gradient, int centre, int neighbor, Vec3 g)
    {
        gradient[neighbor] += g;
        gradient[centre] -= g;
    }

    /// <summary>Copies every atom's neighbours within the cutoff (vector, distance, f_c, f_c', species) into compressed arrays.</summary>
    private void Gather(NeighborPairs pairs, ReadOnlySpan<int> species)
    {
        int atoms = pairs.AtomCount, total = pairs.Indices.Length;
        if (species.Length != atoms) throw new ArgumentException("Species do not match the atoms.", nameof(species));
        _atoms = atoms;
        if (_start.Length < atoms + 1) _start = new int[atoms + 1];
        if (_centre.Length < atoms) _centre = new int[atoms];
        if (_x.Length < total)
        {
            int size = Math.Max(total, 2 * _x.Length);
            _x = new double[size];
            _y = new double[size];
            _z = new double[size];
            _r = new double[size];
            _fc = new double[size];
            _dfc = new double[size];
            _neighbor = new int[size];
            _kind = new int[size];
        }
        int n = 0;
        for (int i = 0; i < atoms; i++)
        {
            _start[i] = n;
            _centre[i] = species[i];
            for (int p = pairs.Offsets[i]; p < pairs.Offsets[i + 1]; p++)
            {
                double r = pairs.Distances[p];
                if (!(r < _cutoff && r > 1e-10)) continue;
                var d = pairs.Vectors[p];
                _x[n] = d.X;
                _y[n] = d.Y;
                _z[n] = d.Z;
                _r[n] = r;
                _fc[n] = Cutoff(r);
                _dfc[n] = CutoffDerivative(r);
                _neighbor[n] = pairs.Indices[p];
                _kind[n] = species[pairs.Indices[p]];
                n++;
            }
        }
        _start[atoms] = n;
    }
}
