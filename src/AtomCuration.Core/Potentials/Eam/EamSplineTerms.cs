using System.Runtime.CompilerServices;
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

    /// <summary>Per-structure constants; the force rows' blocks are held column by column (3n entries per parameter).</summary>
    private sealed class Terms
    {
        /// <summary>∂E/∂θ over the pair block [0, DensityStart).</summary>
        public required double[] PairEnergy { get; init; }

        /// <summary>Pair block × (3n): ∂fᵢα/∂θ_φ at [k·3n + 3i + α].</summary>
        public required double[] PairForce { get; init; }

        /// <summary>6 × pair block: ∂(Σ g r ûα ûβ)/∂θ_φ (divided by V when the stress residual is formed).</summary>
        public required double[] PairStress { get; init; }

        /// <summary>n × density block: S = ∂ρ/∂θ_ρ.</summary>
        public required double[] Density { get; init; }

        /// <summary>Density block × (3n): Σⱼ ±ûᵢⱼα B^ρ′(rᵢⱼ) at the block of ρ_{tᵢtⱼ} (host i), which times F′ᵢ is
        /// the part of ∂fᵢα/∂θ_ρ through i's own embedding slope.</summary>
        public required double[] DensityForce { get; init; }

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
            bytes += 8L * pairBlock * (7 + 3L * it.Count) + 8L * it.Count * 4 * pr + 36L * it.R.Length;
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
        int fr = 3 * n;
        var force = new double[fr * pb];
        var densityForce = new double[fr * pr];
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
                    force[k * fr + 3 * i + axis] += v;
                    force[k * fr + 3 * j + axis] -= v;
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
                for (int axis = 0; axis < 3; axis++)
                {
                    double v = u[axis] * bd[m];
                    densityForce[(atI + f + m) * fr + 3 * i + axis] += v;
                    densityForce[(atJ + f + m) * fr + 3 * j + axis] -= v;
                }
            }
        }
        return new Terms { PairEnergy = energy, PairForce = force, PairStress = stress, Density = density, DensityForce = densityForce, DensityFirst = first, DensitySlope = slope };
    }

    /// <summary>
    /// Energy, forces, stress and the rows' direct parts (as Jᵀ) of structure <paramref name="index"/> at <paramref name="theta"/>
    /// into <paramref name="c"/>, then <see cref="EamFitObjective.Finish"/>.
    /// </summary>
    public void Accumulate(EamFitObjective objective, double[] theta, int index, EamTrainingSet.Item s, EamFitObjective.Chunk c,
        bool useForces, bool useStress, bool needJ)
    {
        var model = _model;
        var t = _terms[index];
        int n = s.Count, p = model.ParameterCount, pb = model.DensityStart, pr = model.DensityLength, w = model.MaxWindow;
        int rows = 1 + (useForces ? 3 * n : 0) + (useStress ? 6 : 0);
        int stressRow = 1 + (useForces ? 3 * n : 0), fr = 3 * n;
        c.Ensure(n, rows);
        var thetaPhi = theta.AsSpan(0, pb);
        var thetaRho = theta.AsSpan(model.DensityStart, pr);
        var jt = c.Jt.AsSpan(0, p * rows);
        var kMat = c.K.AsSpan(0, n * rows);
        if (needJ)
        {
            t.Density.CopyTo(c.S.AsSpan(0, n * pr));
            jt.Clear();
            kMat.Clear();
        }

        // Host densities ρᵢ = Sᵢ·θ_ρ; embedding energies, F′, F″ and their windows; the energy row.
        double energy = Dot(t.PairEnergy, thetaPhi);
        var fp = c.Fp.AsSpan(0, n);
        var fpp = c.Fpp.AsSpan(0, n);
        var firstF = c.FirstF.AsSpan(0, n);
        var gdF = c.GdF.AsSpan(0, n * w);
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
            for (int m = 0; m < f.Window; m++) jt[(o + m) * rows] += gv[m];
            jt[model.EnergyOffset[type] * rows] += 1;
            var gradient = c.RhoGradient.AsSpan(group * pr, pr);
            double fpi = fp[i];
            for (int k = 0; k < pr; k++)
            {
                jt[(pb + k) * rows] += fpi * si[k];
                gradient[k] += si[k];
            }
        }
        if (needJ)
            for (int k = 0; k < pb; k++) jt[k * rows] = t.PairEnergy[k];

        // Forces and stress: the φ part from the constant columns, the ρ part pair by pair (g_ρ = F′ᵢρ′_j + F′ⱼρ′_i).
        var forces = c.Forces.AsSpan(0, n);
        forces.Clear();
        for (int k = 0; k < pb; k++)
        {
            double theta_k = thetaPhi[k];
            var column = t.PairForce.AsSpan(k * fr, fr);
            if (theta_k != 0)
                for (int i = 0; i < n; i++)
                    forces[i] += theta_k * new Vec3(column[3 * i], column[3 * i + 1], column[3 * i + 2]);
            if (needJ && useForces) column.CopyTo(jt.Slice(k * rows + 1, fr));
        }
        Span<double> stress = stackalloc double[6];
        double invV = useStress ? 1.0 / s.Volume : 0;
        for (int v = 0; v < 6; v++)
        {
            var row = t.PairStress.AsSpan(v * pb, pb);
            stress[v] = useStress ? Dot(row, thetaPhi) : 0;
            if (needJ && useStress)
                for (int k = 0; k < pb; k++) jt[k * rows + stressRow + v] = row[k] * invV;
        }
        // ∂fᵢα/∂θ_ρ through F′ᵢ: F′ᵢ times the constant columns.
        if (needJ && useForces)
            for (int k = 0; k < pr; k++)
            {
                var from = t.DensityForce.AsSpan(k * fr, fr);
                var to = jt.Slice((pb + k) * rows + 1, fr);
                for (int i = 0; i < n; i++)
                {
                    double a = fp[i];
                    to[3 * i] = a * from[3 * i];
                    to[3 * i + 1] = a * from[3 * i + 1];
                    to[3 * i + 2] = a * from[3 * i + 2];
                }
            }
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
            if (useForces)
            {
                // Through the other atom's F′ (the own atom's part is DensityForce): row iα gains ûα F′ⱼ B^ρ′ at ρ_{tⱼtᵢ}, row jα −ûα F′ᵢ B^ρ′ at ρ_{tᵢtⱼ}.
                int rowI = 1 + 3 * i, rowJ = 1 + 3 * j;
                AddWindow(jt, rows, oI, rowI, fp[j], u, b0, b1, b2, b3);
                AddWindow(jt, rows, oJ, rowJ, -fp[i], u, b0, b1, b2, b3);
                var ki = kMat.Slice(i * rows, rows);
                var kj = kMat.Slice(j * rows, rows);
                ki[rowI] += drhoJ * u.X; ki[rowI + 1] += drhoJ * u.Y; ki[rowI + 2] += drhoJ * u.Z;
                kj[rowI] += drhoI * u.X; kj[rowI + 1] += drhoI * u.Y; kj[rowI + 2] += drhoI * u.Z;
                ki[rowJ] -= drhoJ * u.X; ki[rowJ + 1] -= drhoJ * u.Y; ki[rowJ + 2] -= drhoJ * u.Z;
                kj[rowJ] -= drhoI * u.X; kj[rowJ + 1] -= drhoI * u.Y; kj[rowJ + 2] -= drhoI * u.Z;
            }
            if (useStress)
            {
                factors[0] = r * u.X * u.X * invV; factors[1] = r * u.Y * u.Y * invV; factors[2] = r * u.Z * u.Z * invV;
                factors[3] = r * u.Y * u.Z * invV; factors[4] = r * u.X * u.Z * invV; factors[5] = r * u.X * u.Y * invV;
                for (int v = 0; v < 6; v++)
                {
                    int row = stressRow + v;
                    AddWindow(jt, rows, oJ, row, factors[v] * fp[i], b0, b1, b2, b3);
                    AddWindow(jt, rows, oI, row, factors[v] * fp[j], b0, b1, b2, b3);
                    kMat[i * rows + row] += drhoJ * factors[v];
                    kMat[j * rows + row] += drhoI * factors[v];
                }
            }
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Window(double[] theta, int o, double b0, double b1, double b2, double b3)
    {
        double sum = b0 * theta[o];
        if (b1 != 0) sum += b1 * theta[o + 1];
        if (b2 != 0) sum += b2 * theta[o + 2];
        if (b3 != 0) sum += b3 * theta[o + 3];
        return sum;
    }

    /// <summary>Jᵀ[o + m, row + α] += a·ûα·bₘ (α = x, y, z) for the non-zero bₘ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWindow(Span<double> jt, int rows, int o, int row, double a, Vec3 u, double b0, double b1, double b2, double b3)
    {
        AddColumn(jt.Slice(o * rows + row, 3), a * b0, u);
        if (b1 != 0) AddColumn(jt.Slice((o + 1) * rows + row, 3), a * b1, u);
        if (b2 != 0) AddColumn(jt.Slice((o + 2) * rows + row, 3), a * b2, u);
        if (b3 != 0) AddColumn(jt.Slice((o + 3) * rows + row, 3), a * b3, u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddColumn(Span<double> xyz, double a, Vec3 u)
    {
        xyz[0] += a * u.X;
        xyz[1] += a * u.Y;
        xyz[2] += a * u.Z;
    }

    /// <summary>Jᵀ[o + m, row] += a·bₘ for the non-zero bₘ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddWindow(Span<double> jt, int rows, int o, int row, double a, double b0, double b1, double b2, double b3)
    {
        jt[o * rows + row] += a * b0;
        if (b1 != 0) jt[(o + 1) * rows + row] += a * b1;
        if (b2 != 0) jt[(o + 2) * rows + row] += a * b2;
        if (b3 != 0) jt[(o + 3) * rows + row] += a * b3;
    }
}
