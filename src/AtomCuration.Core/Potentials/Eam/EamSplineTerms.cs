using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The parts of a spline EAM fit's residuals and Jacobian that do not depend on the parameters, computed once
/// per fit and structure, and the per-structure pass of <see cref="EamFitObjective"/> that uses them.
/// <para>Every pair function φ_ab shares one uniform cubic B-spline knot grid and every density function ρ one other
/// (<see cref="EamSplineStart"/>), so a pair at distance r has one φ basis {Bₖ(r), B′ₖ(r)} and one ρ basis, whatever its
/// species, and each function is linear in its coefficients: φ(r) = Σₖ θₖ Bₖ(r). Hence, per structure,
/// <list type="bullet">
/// <item>∂E/∂θ_φ = Σ_pairs B^φ(r) and ∂fᵢα/∂θ_φ = Σⱼ ûᵢⱼα B^φ′(rᵢⱼ) (and the stress rows' r ûα ûβ B^φ′(r)/V) are constant, so the φ block of
/// every row is copied, and the pair energy and pair forces are these constant rows times θ_φ;</item>
/// <item>ρᵢ = Sᵢ·θ_ρ with the constant Sᵢ = ∂ρᵢ/∂θ_ρ = Σⱼ B^ρ(rᵢⱼ) at the block of ρ_{tᵢtⱼ}, which replaces the density pass;</item>
/// <item>per pair only ρ′(r) = B^ρ′(r)·θ_ρ remains, from the stored window of four B^ρ′ values, for the density part of
/// g = dE/dr (F′ᵢρ′_j + F′ⱼρ′_i) and its Jacobian entries (F′ᵢ B^ρ′ at ρ_{tᵢtⱼ}, F′ⱼ B^ρ′ at ρ_{tⱼtᵢ}) and for K.</item>
/// </list>
/// The rows through F′ (the matrix K) and the accumulation are <see cref="EamFitObjective.Finish"/>, shared with the
/// general path. The terms are those of the general path regrouped, so residuals and JᵀJ agree with it to rounding.
/// Cubic B-splines: de Boor, <i>A Practical Guide to Splines</i> (Springer, 1978; rev. 2001), ch. IX.</para>
/// </summary>
internal sealed class EamSplineTerms
{
    /// <summary>Most bytes the terms may take; above this the general path (no stored terms) is used.</summary>
    internal const long MemoryBudget = 1L << 30;

    private readonly EamFitModel _model;
    private readonly Terms[] _terms;

    private EamSplineTerms(EamFitModel model, Terms[] terms)
    {
        _model = model;
        _terms = terms;
    }

    /// <summary>Per-structure constants.</summary>
    private sealed class Terms
    {
        /// <summary>∂E/∂θ over the pair block [0, DensityStart).</summary>
        public required double[] PairEnergy { get; init; }

        /// <summary>(3n) × pair-block rows: ∂f/∂θ_φ.</summary>
        public required double[] PairForce { get; init; }

        /// <summary>6 × pair-block rows: ∂(Σ g r ûα ûβ)/∂θ_φ (divided by V when the stress residual is formed).</summary>
        public required double[] PairStress { get; init; }

        /// <summary>n × density-block rows: S = ∂ρ/∂θ_ρ.</summary>
        public required double[] Density { get; init; }

        /// <summary>Per pair: first coefficient of its ρ window (within one density function).</summary>
        public required int[] DensityFirst { get; init; }

        /// <summary>Per pair: the four B^ρ′(r) of its window.</summary>
        public required double[] DensitySlope { get; init; }
    }

    /// <summary>
    /// The terms of every structure of <paramref name="data"/>, or null when the model is not a spline model on shared grids
    /// or the terms would exceed <see cref="MemoryBudget"/>.
    /// </summary>
    public static EamSplineTerms? TryCreate(EamFitModel model, EamTrainingSet data, int threads, CancellationToken cancellation)
    {
        if (!SharedGrid(model.Pair) || !SharedGrid(model.Density)) return null;
        int pairBlock = model.DensityStart, pr = model.DensityLength;
        long bytes = 0;
        foreach (var it in data.Items)
            bytes += 8L * pairBlock * (7 + 3L * it.Count) + 8L * it.Count * pr + 36L * it.R.Length;
        if (bytes > MemoryBudget) return null;
        var terms = OrderedParallel.Map(data.Items, it => Create(model, it), threads, cancellation).ToArray();
        return new EamSplineTerms(model, terms);
    }

    /// <summary>Whether every function is a <see cref="SplineFittable"/> on one knot grid (the same first and last knot and interval count).</summary>
    private static bool SharedGrid(IEnumerable<IFittableFunction?> functions)
    {
        SplineFittable? first = null;
        foreach (var f in functions)
        {
            if (f is not SplineFittable s) return false;
            first ??= s;
            if (s.Lo != first.Lo || s.Hi != first.Hi || s.Intervals != first.Intervals || s.VanishesAtEnd != first.VanishesAtEnd) return false;
        }
        return first is not null;
    }

    private static Terms Create(EamFitModel model, EamTrainingSet.Item s)
    {
        int n = s.Count, pb = model.DensityStart, pr = model.DensityLength, pairs = s.R.Length;
        var phiGrid = (SplineFittable)model.Pair[0]!;
        var rhoGrid = (SplineFittable)model.Density[0];
        var zeros = new double[Math.Max(phiGrid.ParameterCount, rhoGrid.ParameterCount)];
        Span<double> bv = stackalloc double[4], bd = stackalloc double[4];
        var energy = new double[pb];
        var force = new double[3 * n * pb];
        var stress = new double[6 * pb];
        var density = new double[n * pr];
        var first = new int[pairs];
        var slope = new double[4 * pairs];
        for (int q = 0; q < pairs; q++)
        {
            int i = s.I[q], j = s.J[q], ti = s.Type[i], tj = s.Type[j];
            double r = s.R[q];
            var u = s.U[q];
            // φ: the energy row and the force and stress rows' φ blocks.
            int o = model.PairOffset[EamPotential.PairIndex(ti, tj)];
            int f = phiGrid.Evaluate(zeros.AsSpan(0, phiGrid.ParameterCount), r, out _, out _, out _, bv, bd);
            for (int m = 0; m < 4 && f + m < phiGrid.ParameterCount; m++)
            {
                int k = o + f + m;
                energy[k] += bv[m];
                for (int axis = 0; axis < 3; axis++)
                {
                    double v = u[axis] * bd[m];
                    force[(3 * i + axis) * pb + k] += v;
                    force[(3 * j + axis) * pb + k] -= v;
                }
                double rd = r * bd[m];
                stress[0 * pb + k] += rd * u.X * u.X; stress[1 * pb + k] += rd * u.Y * u.Y; stress[2 * pb + k] += rd * u.Z * u.Z;
                stress[3 * pb + k] += rd * u.Y * u.Z; stress[4 * pb + k] += rd * u.X * u.Z; stress[5 * pb + k] += rd * u.X * u.Y;
            }
            // ρ: S at i (the density due to j) and at j (due to i), and the slope window for ρ′.
            f = rhoGrid.Evaluate(zeros.AsSpan(0, rhoGrid.ParameterCount), r, out _, out _, out _, bv, bd);
            first[q] = f;
            int atI = model.DensityOffset[model.DensityIndex(ti, tj)] - model.DensityStart;
            int atJ = model.DensityOffset[model.DensityIndex(tj, ti)] - model.DensityStart;
            for (int m = 0; m < 4; m++)
            {
                slope[4 * q + m] = bd[m];
                if (f + m >= rhoGrid.ParameterCount) continue;
                density[i * pr + atI + f + m] += bv[m];
                density[j * pr + atJ + f + m] += bv[m];
            }
        }
        return new Terms { PairEnergy = energy, PairForce = force, PairStress = stress, Density = density, DensityFirst = first, DensitySlope = slope };
    }

    /// <summary>
    /// Energy, forces, stress and the rows' direct parts of structure <paramref name="index"/> at <paramref name="theta"/>
    /// into <paramref name="c"/>, then <see cref="EamFitObjective.Finish"/>.
    /// </summary>
    public void Accumulate(EamFitObjective objective, double[] theta, int index, EamTrainingSet.Item s, EamFitObjective.Chunk c,
        bool useForces, bool useStress, bool needJ)
    {
        var model = _model;
        var t = _terms[index];
        int n = s.Count, p = model.ParameterCount, pb = model.DensityStart, pr = model.DensityLength, w = model.MaxWindow;
        int rows = 1 + (useForces ? 3 * n : 0) + (useStress ? 6 : 0);
        int stressRow = 1 + (useForces ? 3 * n : 0);
        c.Ensure(n, rows);
        var thetaPhi = theta.AsSpan(0, pb);
        var thetaRho = theta.AsSpan(model.DensityStart, pr);
        var sMat = c.S.AsSpan(0, n * pr);
        if (needJ) t.Density.CopyTo(sMat);
        var jac = c.J.AsSpan(0, rows * p);
        var kMat = c.K.AsSpan(0, n * rows);
        if (needJ)
        {
            jac.Clear();
            kMat.Clear();
        }

        // Host densities ρᵢ = Sᵢ·θ_ρ; embedding energies, F′, F″ and their windows.
        double energy = Dot(t.PairEnergy, thetaPhi);
        var fp = c.Fp.AsSpan(0, n);
        var fpp = c.Fpp.AsSpan(0, n);
        var firstF = c.FirstF.AsSpan(0, n);
        var gdF = c.GdF.AsSpan(0, n * w);
        var energyRow = jac[..p];
        Span<double> gv = c.Gv;
        for (int i = 0; i < n; i++)
        {
            var si = t.Density.AsSpan(i * pr, pr);
            double rho = Dot(si, thetaRho);
            int type = s.Type[i];
            var f = model.Embedding[type];
            firstF[i] = f.Evaluate(model.EmbeddingParameters(theta, type), rho, out double fv, out fp[i], out fpp[i], gv, gdF.Slice(i * w, w));
            energy += fv + theta[model.EnergyOffset[type]];
            int group = model.FinnisSinclair ? type : 0;
            c.RhoSum[group] += rho;
            c.Atoms[group]++;
            if (!needJ) continue;
            int o = model.EmbeddingOffset[type] + firstF[i];
            for (int m = 0; m < f.Window; m++) energyRow[o + m] += gv[m];
            energyRow[model.EnergyOffset[type]] += 1;
            var rhoRow = energyRow.Slice(model.DensityStart, pr);
            var gradient = c.RhoGradient.AsSpan(group * pr, pr);
            double fpi = fp[i];
            for (int k = 0; k < pr; k++)
            {
                rhoRow[k] += fpi * si[k];
                gradient[k] += si[k];
            }
        }
        if (needJ) t.PairEnergy.CopyTo(energyRow);

        // Forces and stress: the φ part from the constant rows, the ρ part pair by pair (g_ρ = F′ᵢρ′_j + F′ⱼρ′_i).
        var forces = c.Forces.AsSpan(0, n);
        Span<double> stress = stackalloc double[6];
        for (int v = 0; v < 6; v++) stress[v] = useStress ? Dot(t.PairStress.AsSpan(v * pb, pb), thetaPhi) : 0;
        for (int i = 0; i < n; i++)
        {
            var fx = t.PairForce.AsSpan((3 * i) * pb, pb);
            var fy = t.PairForce.AsSpan((3 * i + 1) * pb, pb);
            var fz = t.PairForce.AsSpan((3 * i + 2) * pb, pb);
            forces[i] = new Vec3(Dot(fx, thetaPhi), Dot(fy, thetaPhi), Dot(fz, thetaPhi));
            if (!needJ || !useForces) continue;
            for (int axis = 0; axis < 3; axis++) t.PairForce.AsSpan((3 * i + axis) * pb, pb).CopyTo(jac.Slice((1 + 3 * i + axis) * p, pb));
        }
        if (needJ && useStress)
            for (int v = 0; v < 6; v++) t.PairStress.AsSpan(v * pb, pb).CopyTo(jac.Slice((stressRow + v) * p, pb));
        double invV = useStress ? 1.0 / s.Volume : 0;
        Span<double> factors = stackalloc double[6];
        var slope = t.DensitySlope;
        var firstRho = t.DensityFirst;
        for (int q = 0; q < s.R.Length; q++)
        {
            int i = s.I[q], j = s.J[q], ti = s.Type[i], tj = s.Type[j];
            int oJ = model.DensityOffset[model.DensityIndex(ti, tj)] + firstRho[q];
            int oI = model.DensityOffset[model.DensityIndex(tj, ti)] + firstRho[q];
            double b0 = slope[4 * q], b1 = slope[4 * q + 1], b2 = slope[4 * q + 2], b3 = slope[4 * q + 3];
            double drhoJ = Window(theta, oJ, b0, b1, b2, b3), drhoI = oI == oJ ? drhoJ : Window(theta, oI, b0, b1, b2, b3);
            double g = fp[i] * drhoJ + fp[j] * drhoI;
            double r = s.R[q];
            var u = s.U[q];
            forces[i] += g * u;
            forces[j] -= g * u;
            double gr = g * r;
            stress[0] += gr * u.X * u.X; stress[1] += gr * u.Y * u.Y; stress[2] += gr * u.Z * u.Z;
            stress[3] += gr * u.Y * u.Z; stress[4] += gr * u.X * u.Z; stress[5] += gr * u.X * u.Y;
            if (!needJ) continue;
            double ai = fp[i], aj = fp[j];
            if (useForces)
                for (int axis = 0; axis < 3; axis++)
                {
                    double ua = u[axis];
                    var rowI = jac.Slice((1 + 3 * i + axis) * p, p);
                    var rowJ = jac.Slice((1 + 3 * j + axis) * p, p);
                    AddWindow(rowI, rowJ, oJ, ua * ai, b0, b1, b2, b3);
                    AddWindow(rowI, rowJ, oI, ua * aj, b0, b1, b2, b3);
                    kMat[i * rows + 1 + 3 * i + axis] += drhoJ * ua;
                    kMat[j * rows + 1 + 3 * i + axis] += drhoI * ua;
                    kMat[i * rows + 1 + 3 * j + axis] -= drhoJ * ua;
                    kMat[j * rows + 1 + 3 * j + axis] -= drhoI * ua;
                }
            if (useStress)
            {
                factors[0] = r * u.X * u.X * invV; factors[1] = r * u.Y * u.Y * invV; factors[2] = r * u.Z * u.Z * invV;
                factors[3] = r * u.Y * u.Z * invV; factors[4] = r * u.X * u.Z * invV; factors[5] = r * u.X * u.Y * invV;
                for (int v = 0; v < 6; v++)
                {
                    var row = jac.Slice((stressRow + v) * p, p);
                    AddWindow(row, oJ, factors[v] * ai, b0, b1, b2, b3);
                    AddWindow(row, oI, factors[v] * aj, b0, b1, b2, b3);
                    kMat[i * rows + stressRow + v] += drhoJ * factors[v];
                    kMat[j * rows + stressRow + v] += drhoI * factors[v];
                }
            }
        }
        // The constant stress rows hold Σ r ûα ûβ B^φ′; the general path's rows carry the 1/V of the residual.
        if (needJ && useStress)
            for (int v = 0; v < 6; v++)
            {
                var row = jac.Slice((stressRow + v) * p, pb);
                for (int k = 0; k < pb; k++) row[k] *= invV;
            }
        objective.Finish(s, c, energy, stress, invV, useForces, useStress, needJ);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }

    /// <summary>Σₘ bₘ θ[o + m] over a window whose entries past the function's free coefficients are zero (their θ is then never read).</summary>
    private static double Window(double[] theta, int o, double b0, double b1, double b2, double b3)
    {
        double sum = b0 * theta[o];
        if (b1 != 0) sum += b1 * theta[o + 1];
        if (b2 != 0) sum += b2 * theta[o + 2];
        if (b3 != 0) sum += b3 * theta[o + 3];
        return sum;
    }

    /// <summary>rowI[o + m] += a·bₘ, rowJ[o + m] −= a·bₘ for the non-zero bₘ.</summary>
    private static void AddWindow(Span<double> rowI, Span<double> rowJ, int o, double a, double b0, double b1, double b2, double b3)
    {
        AddWindow(rowI, o, a, b0, b1, b2, b3);
        AddWindow(rowJ, o, -a, b0, b1, b2, b3);
    }

    /// <summary>row[o + m] += a·bₘ for the non-zero bₘ.</summary>
    private static void AddWindow(Span<double> row, int o, double a, double b0, double b1, double b2, double b3)
    {
        row[o] += a * b0;
        if (b1 != 0) row[o + 1] += a * b1;
        if (b2 != 0) row[o + 2] += a * b2;
        if (b3 != 0) row[o + 3] += a * b3;
    }
}
