using System.Numerics.Tensors;
using AtomCuration.Common;
using AtomCuration.Fitting;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The EAM fit loss as a least-squares problem with an analytic Jacobian. Residuals per
/// structure s (weight wₛ from Info): √(w_E wₛ/ΣwₛE)·(Eₛ − Eₛ^ref)/Nₛ, √(w_F wₛ/Σwₛ3Nₛ)·(fᵢα − fᵢα^ref),
/// √(w_S wₛ/Σwₛ6)·(σ − σ^ref); plus gauge rows and spline smoothness rows (see
/// <see cref="EamFitter"/>). For each structure the Jacobian rows are built densely from
/// the chain rule
/// ∂E/∂θ = Σᵢ [∂F/∂θ + F′ᵢ ∂ρᵢ/∂θ] + Σ_pairs ∂φ/∂θ and, with g = dE/dr_ij = φ′ + F′ᵢρ′_j + F′ⱼρ′_i,
/// ∂g/∂θ = ∂φ′/∂θ + F′ᵢ ∂ρ′_j/∂θ + F′ⱼ ∂ρ′_i/∂θ + ρ′_j (∂F′ᵢ/∂θ + F″ᵢ ∂ρᵢ/∂θ) + (i↔j);
/// the terms through F′ are gathered in K = ∂(rows)/∂F′ and applied once per atom. In the
/// Finnis–Sinclair form ρ_j above is the density at i due to j, ρ_{tᵢtⱼ}, and ρ_i the one at j due to i.
/// A cross pair derived by the Zhou–Johnson–Wadley rule spreads ∂φ/∂θ and ∂φ′/∂θ over the
/// blocks of φ_aa, φ_bb, ρ_a, ρ_b (<see cref="ZjwCrossPairTerms"/>). A spline model keeps what does not depend
/// on the parameters per structure (<see cref="EamSplineTerms"/>) and skips the spline evaluations of the passes
/// above. A structure's rows are held column by column (Jᵀ) and turned into JᵀJ and Jᵀr by fixed-order dot
/// products (<see cref="NormalEquations"/>); these are accumulated per fixed chunk of structures and summed in
/// chunk order, so the result does not depend on the thread count; J of the whole set is never stored.
/// </summary>
internal sealed class EamFitObjective : ILeastSquaresProblem
{
    private const int ChunkSize = 8;
    private readonly EamFitModel _model;
    private readonly EamTrainingSet _data;
    private readonly EamFitOptions _options;
    private readonly int _threads;
    private readonly Chunk[] _chunks;
    private readonly EamSplineTerms? _splineTerms;

    /// <summary>Creates the objective.</summary>
    /// <param name="model">Parameter layout.</param>
    /// <param name="data">Training structures.</param>
    /// <param name="options">Weights and regularisation.</param>
    /// <param name="threads">Parallelism over chunks of structures (the sums do not depend on it).</param>
    /// <param name="storeSplineTerms">Whether a spline model on shared grids keeps its parameter-independent terms per structure
    /// (<see cref="EamSplineTerms"/>, the fast path); false always takes the general path.</param>
    public EamFitObjective(EamFitModel model, EamTrainingSet data, EamFitOptions options, int threads, bool storeSplineTerms = true)
    {
        _model = model;
        _data = data;
        _options = options;
        _threads = threads;
        _chunks = new Chunk[(data.Items.Length + ChunkSize - 1) / ChunkSize];
        if (storeSplineTerms) _splineTerms = EamSplineTerms.TryCreate(model, data, threads, default);
    }

    /// <summary>Whether the fast path of <see cref="EamSplineTerms"/> is in use.</summary>
    internal bool UsesSplineTerms => _splineTerms is not null;

    public int ParameterCount => _model.ParameterCount;

    /// <summary>Weight of the gauge rows (they are satisfiable exactly, so any positive weight fixes the gauge).</summary>
    private double GaugeWeight => _options.EnergyWeight + _options.ForceWeight + _options.StressWeight;

    public double Evaluate(ReadOnlySpan<double> parameters, double[]? jtj, double[]? jtr, CancellationToken cancellation)
    {
        var theta = parameters.ToArray();
        bool needJ = jtj is not null && jtr is not null;
        int p = ParameterCount;
        OrderedParallel.For(_chunks.Length, c =>
        {
            var chunk = _chunks[c] ??= new Chunk(p, _model);
            chunk.Reset(needJ);
            int end = Math.Min(_data.Items.Length, (c + 1) * ChunkSize);
            for (int s = c * ChunkSize; s < end; s++)
            {
                cancellation.ThrowIfCancellationRequested();
                var item = _data.Items[s];
                if (_splineTerms is null) Accumulate(theta, item, chunk, needJ);
                else _splineTerms.Accumulate(this, theta, s, item, chunk, UsesForces(item), UsesStress(item), needJ);
            }
        }, _threads, cancellation);

        double loss = 0;
        int n = _model.ElementCount, groups = _model.DensityGauges;
        var rhoSum = new double[groups];
        var atoms = new long[groups];
        var rhoGradient = new double[groups * _model.DensityLength];
        if (needJ)
        {
            Array.Clear(jtj!);
            Array.Clear(jtr!);
        }
        foreach (var chunk in _chunks)
        {
            loss += chunk.Loss;
            TensorPrimitives.Add(rhoSum, chunk.RhoSum, rhoSum);
            for (int g = 0; g < groups; g++) atoms[g] += chunk.Atoms[g];
            if (!needJ) continue;
            TensorPrimitives.Add(jtj, chunk.JtJ, jtj);
            TensorPrimitives.Add(jtr, chunk.Jtr, jtr);
            TensorPrimitives.Add(rhoGradient, chunk.RhoGradient, rhoGradient);
        }

        var row = new double[p];
        if (_model.SplineGauge)
        {
            double w = Math.Sqrt(GaugeWeight);
            Span<double> gv = stackalloc double[_model.MaxWindow], gd = stackalloc double[_model.MaxWindow];
            // ρ → sρ: the mean host density over the training atoms is 1 (over each host species' atoms in the
            // Finnis–Sinclair form, where every host's densities scale on their own).
            int pr = _model.DensityLength;
            for (int g = 0; g < groups; g++)
            {
                if (atoms[g] == 0) continue;
                Array.Clear(row);
                for (int k = 0; k < pr; k++) row[_model.DensityStart + k] = w * rhoGradient[g * pr + k] / atoms[g];
                loss += AddRow(w * (rhoSum[g] / atoms[g] - 1), row, jtj, jtr, needJ);
            }
            for (int a = 0; a < n; a++)
            {
                var f = _model.Embedding[a];
                var fp = _model.EmbeddingParameters(theta, a);
                int o = _model.EmbeddingOffset[a];
                // F_a(0) = 0: a constant in F_a is indistinguishable from the reference energy E0_a.
                int first = f.Evaluate(fp, 0.0, out double f0, out _, out _, gv, gd);
                Array.Clear(row);
                for (int m = 0; m < f.Window && first + m < f.ParameterCount; m++) row[o + first + m] = w * gv[m];
                loss += AddRow(w * f0, row, jtj, jtr, needJ);
                // F_a′(1) = 0: F + gρ with φ − g(ρ_a + ρ_b) leaves every energy unchanged.
                first = f.Evaluate(fp, 1.0, out _, out double f1, out _, gv, gd);
                Array.Clear(row);
                for (int m = 0; m < f.Window && first + m < f.ParameterCount; m++) row[o + first + m] = w * gd[m];
                loss += AddRow(w * f1, row, jtj, jtr, needJ);
            }
        }
        for (int a = 0; a < n; a++)
        {
            if (_model.Embedding[a] is not ZjwEmbeddingFittable zjw) continue;
            // The analytic form's three branches must stay joined (value and slope).
            double w = Math.Sqrt(GaugeWeight);
            int o = _model.EmbeddingOffset[a];
            foreach (var (value, gradient) in zjw.ContinuityRows(_model.EmbeddingParameters(theta, a).ToArray()))
            {
                Array.Clear(row);
                for (int k = 0; k < gradient.Length; k++) row[o + k] = w * gradient[k];
                loss += AddRow(w * value, row, jtj, jtr, needJ);
            }
        }
        if (_options.Smoothness > 0)
        {
            double w = Math.Sqrt(_options.Smoothness);
            var functions = _model.Pair.Select((f, k) => ((IFittableFunction?)f, _model.PairOffset[k]))
                .Concat(_model.Density.Select((f, d) => ((IFittableFunction?)f, _model.DensityOffset[d])))
                .Concat(_model.Embedding.Select((f, a) => ((IFittableFunction?)f, _model.EmbeddingOffset[a])));
            foreach (var (f, o) in functions)
            {
                if (f is not SplineFittable spline) continue;
                // Second differences, the pinned zeros past the end included.
                int count = spline.VanishesAtEnd ? spline.ParameterCount + 2 : spline.ParameterCount;
                for (int k = 1; k < count - 1; k++)
                {
                    Array.Clear(row);
                    double value = 0;
                    for (int m = -1; m <= 1; m++)
                    {
                        int idx = k + m;
                        if (idx >= spline.ParameterCount) continue;
                        double c = m == 0 ? -2 : 1;
                        row[o + idx] = w * c;
                        value += w * c * theta[o + idx];
                    }
                    loss += AddRow(value, row, jtj, jtr, needJ);
                }
            }
        }
        if (needJ)
            for (int a = 0; a < p; a++)
                for (int b = 0; b < a; b++) jtj![a * p + b] = jtj[b * p + a];
        return loss;
    }

    /// <summary>Whether structure <paramref name="s"/> contributes force rows.</summary>
    internal bool UsesForces(EamTrainingSet.Item s) => s.Forces is not null && _options.ForceWeight > 0 && _data.ForceNorm > 0;

    /// <summary>Whether structure <paramref name="s"/> contributes stress rows.</summary>
    internal bool UsesStress(EamTrainingSet.Item s) => s.Stress is not null && _options.StressWeight > 0 && _data.StressNorm > 0;

    /// <summary>Adds one residual row (upper triangle of JᵀJ); returns r².</summary>
    private static double AddRow(double residual, double[] row, double[]? jtj, double[]? jtr, bool needJ)
    {
        if (needJ) AddOuter(row, residual, jtj!, jtr!);
        return residual * residual;
    }

    private static void AddOuter(ReadOnlySpan<double> row, double residual, double[] jtj, double[] jtr)
    {
        int p = row.Length;
        for (int a = 0; a < p; a++)
        {
            double ja = row[a];
            if (ja == 0) continue;
            jtr[a] += ja * residual;
            TensorPrimitives.MultiplyAdd(row[a..], ja, jtj.AsSpan(a * p + a, p - a), jtj.AsSpan(a * p + a, p - a));
        }
    }

    private void Accumulate(double[] theta, EamTrainingSet.Item s, Chunk c, bool needJ)
    {
        var model = _model;
        int n = s.Count, p = ParameterCount, pr = model.DensityLength, w = model.MaxWindow;
        bool useForces = UsesForces(s), useStress = UsesStress(s);
        int rows = 1 + (useForces ? 3 * n : 0) + (useStress ? 6 : 0);
        int stressRow = 1 + (useForces ? 3 * n : 0);
        c.Ensure(n, rows);
        var rho = c.Rho.AsSpan(0, n);
        rho.Clear();
        var sMat = c.S.AsSpan(0, n * pr);
        var jac = c.J.AsSpan(0, rows * p);
        var kMat = c.K.AsSpan(0, n * rows);
        if (needJ)
        {
            sMat.Clear();
            jac.Clear();
            kMat.Clear();
        }
        Span<double> gv = c.Gv, gd = c.Gd, gv2 = c.Gv2, gd2 = c.Gd2;

        // Pass 1: host densities and ∂ρᵢ/∂θ.
        for (int q = 0; q < s.R.Length; q++)
        {
            int i = s.I[q], j = s.J[q], ti = s.Type[i], tj = s.Type[j];
            double r = s.R[q];
            int dj = model.DensityIndex(ti, tj), di = model.DensityIndex(tj, ti);
            var fj = model.Density[dj];
            int first = fj.Evaluate(model.DensityParameters(theta, dj), r, out double v, out _, out _, gv, gd);
            rho[i] += v;
            if (needJ) Scatter(sMat.Slice(i * pr, pr), model.DensityOffset[dj] - model.DensityStart + first, gv, fj, 1.0);
            var fi = model.Density[di];
            if (di != dj) first = fi.Evaluate(model.DensityParameters(theta, di), r, out v, out _, out _, gv, gd); // else: the same function at the same r
            rho[j] += v;
            if (needJ) Scatter(sMat.Slice(j * pr, pr), model.DensityOffset[di] - model.DensityStart + first, gv, fi, 1.0);
        }

        // Pass 2: embedding energies, F′, F″.
        double energy = 0;
        var fp = c.Fp.AsSpan(0, n);
        var fpp = c.Fpp.AsSpan(0, n);
        var firstF = c.FirstF.AsSpan(0, n);
        var gdF = c.GdF.AsSpan(0, n * w);
        var energyRow = jac[..p];
        for (int i = 0; i < n; i++)
        {
            int t = s.Type[i];
            var f = model.Embedding[t];
            firstF[i] = f.Evaluate(model.EmbeddingParameters(theta, t), rho[i], out double fv, out fp[i], out fpp[i], gv, gdF.Slice(i * w, w));
            energy += fv + theta[model.EnergyOffset[t]];
            int group = model.FinnisSinclair ? t : 0;
            c.RhoSum[group] += rho[i];
            c.Atoms[group]++;
            if (!needJ) continue;
            Scatter(energyRow, model.EmbeddingOffset[t] + firstF[i], gv, f, 1.0);
            energyRow[model.EnergyOffset[t]] += 1;
            TensorPrimitives.MultiplyAdd(sMat.Slice(i * pr, pr), fp[i], energyRow.Slice(model.DensityStart, pr), energyRow.Slice(model.DensityStart, pr));
            var gradient = c.RhoGradient.AsSpan(group * pr, pr);
            TensorPrimitives.Add(gradient, sMat.Slice(i * pr, pr), gradient);
        }

        // Pass 3: pair energies, forces, stress and the rows' direct dependence on φ and ρ.
        var forces = c.Forces.AsSpan(0, n);
        forces.Clear();
        Span<double> stress = stackalloc double[6];
        stress.Clear();
        Span<double> factors = stackalloc double[6];
        double invV = useStress ? 1.0 / s.Volume : 0;
        for (int q = 0; q < s.R.Length; q++)
        {
            int i = s.I[q], j = s.J[q], ti = s.Type[i], tj = s.Type[j];
            double r = s.R[q];
            var u = s.U[q];
            int pk = EamPotential.PairIndex(ti, tj);
            var phiF = model.Pair[pk];
            int firstPhi = 0;
            double phi, dphi;
            if (phiF is null) phi = CrossPair(theta, ti, tj, r, c, out dphi);
            else firstPhi = phiF.Evaluate(model.PairParameters(theta, pk), r, out phi, out dphi, out _, gv, gd);
            int dj = model.DensityIndex(ti, tj), di = model.DensityIndex(tj, ti);
            var rhoJ = model.Density[dj];
            int firstJ = rhoJ.Evaluate(model.DensityParameters(theta, dj), r, out _, out double drhoJ, out _, gv2, gd2);
            energy += phi;
            double g = dphi + fp[i] * drhoJ;
            // ρ_i(r) at j; when it is the same function, reuse.
            double drhoI;
            int firstI;
            Span<double> gdI = c.Gd3;
            var rhoI = model.Density[di];
            if (di == dj)
            {
                drhoI = drhoJ;
                firstI = firstJ;
                gd2.CopyTo(gdI);
            }
            else
                firstI = rhoI.Evaluate(model.DensityParameters(theta, di), r, out _, out drhoI, out _, c.Gv3, gdI);
            g += fp[j] * drhoI;
            var f = g * u;
            forces[i] += f;
            forces[j] -= f;
            double gr = g * r;
            stress[0] += gr * u.X * u.X; stress[1] += gr * u.Y * u.Y; stress[2] += gr * u.Z * u.Z;
            stress[3] += gr * u.Y * u.Z; stress[4] += gr * u.X * u.Z; stress[5] += gr * u.X * u.Y;
            if (!needJ) continue;
            // ∂g/∂θ (direct part), gathered once, then applied to every row g enters with its geometric factor.
            int cnt;
            if (phiF is null) cnt = ScatterCrossPair(energyRow, c);
            else
            {
                Scatter(energyRow, model.PairOffset[pk] + firstPhi, gv, phiF, 1.0);
                cnt = Collect(c.GIndex, c.GValue, 0, model.PairOffset[pk] + firstPhi, gd, phiF, 1.0);
            }
            cnt = Collect(c.GIndex, c.GValue, cnt, model.DensityOffset[dj] + firstJ, gd2, rhoJ, fp[i]);
            cnt = Collect(c.GIndex, c.GValue, cnt, model.DensityOffset[di] + firstI, gdI, rhoI, fp[j]);
            var gIndex = c.GIndex.AsSpan(0, cnt);
            var gValue = c.GValue.AsSpan(0, cnt);
            if (useForces)
                for (int axis = 0; axis < 3; axis++)
                {
                    double ua = u[axis];
                    var rowI = jac.Slice((1 + 3 * i + axis) * p, p);
                    var rowJ = jac.Slice((1 + 3 * j + axis) * p, p);
                    for (int e = 0; e < cnt; e++)
                    {
                        double v = ua * gValue[e];
                        rowI[gIndex[e]] += v;
                        rowJ[gIndex[e]] -= v;
                    }
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
                    for (int e = 0; e < cnt; e++) row[gIndex[e]] += factors[v] * gValue[e];
                    kMat[i * rows + stressRow + v] += drhoJ * factors[v];
                    kMat[j * rows + stressRow + v] += drhoI * factors[v];
                }
            }
        }

        // Jᵀ from the direct rows.
        if (needJ)
        {
            var jt = c.Jt.AsSpan(0, p * rows);
            for (int row = 0; row < rows; row++)
            {
                var jr = jac.Slice(row * p, p);
                for (int k = 0; k < p; k++) jt[k * rows + row] = jr[k];
            }
        }
        Finish(s, c, energy, stress, invV, useForces, useStress, needJ);
    }

    /// <summary>
    /// The part both per-structure paths share: residuals and row weights, r², and with the Jacobian the rows'
    /// dependence through F′ₘ — ∂F′ₘ/∂θ = ∂F′/∂θ_F + F″ₘ ∂ρₘ/∂θ, applied with K (∂rows/∂F′ₘ, held column by column,
    /// K[m·rows + row]) — and the accumulation of JᵀJ and Jᵀr. The Jacobian is held column by column (Jᵀ),
    /// so that adding K's columns and the dot products of <see cref="NormalEquations"/> run over long contiguous columns.
    /// Expects in <paramref name="c"/>: F′, F″, the embedding slope windows, S = ∂ρ/∂θ, K, the forces and the rows' direct parts
    /// as Jᵀ (c.Jt, column θ at [θ·rows ..]).
    /// </summary>
    internal void Finish(EamTrainingSet.Item s, Chunk c, double energy, ReadOnlySpan<double> stress, double invV, bool useForces, bool useStress, bool needJ)
    {
        var model = _model;
        int n = s.Count, p = ParameterCount, pr = model.DensityLength, w = model.MaxWindow;
        int rows = 1 + (useForces ? 3 * n : 0) + (useStress ? 6 : 0);
        int stressRow = 1 + (useForces ? 3 * n : 0);
        var forces = c.Forces.AsSpan(0, n);

        // Residuals and row weights.
        var res = c.Residuals.AsSpan(0, rows);
        var weight = c.RowWeights.AsSpan(0, rows);
        double we = Math.Sqrt(_options.EnergyWeight * s.Weight / _data.EnergyNorm);
        res[0] = we * (energy - s.Energy) / n;
        weight[0] = we / n;
        if (useForces)
        {
            double wf = Math.Sqrt(_options.ForceWeight * s.Weight / _data.ForceNorm);
            for (int i = 0; i < n; i++)
                for (int axis = 0; axis < 3; axis++)
                {
                    int row = 1 + 3 * i + axis;
                    res[row] = wf * (forces[i][axis] - s.Forces![i][axis]);
                    weight[row] = wf;
                }
        }
        if (useStress)
        {
            double ws = Math.Sqrt(_options.StressWeight * s.Weight / _data.StressNorm);
            var reference = s.Stress!.Value;
            for (int v = 0; v < 6; v++)
            {
                res[stressRow + v] = ws * (stress[v] * invV - reference[v]);
                weight[stressRow + v] = ws;
            }
        }
        for (int row = 0; row < rows; row++) c.Loss += res[row] * res[row];
        if (!needJ) return;

        var jt = c.Jt.AsSpan(0, p * rows);
        // Rows through F′ₘ: column θ gains K[:, m]·∂F′ₘ/∂θ.
        var kMat = c.K.AsSpan(0, n * rows);
        var sMat = c.S.AsSpan(0, n * pr);
        var fpp = c.Fpp.AsSpan(0, n);
        var firstF = c.FirstF.AsSpan(0, n);
        var gdF = c.GdF.AsSpan(0, n * w);
        for (int m = 0; m < n; m++)
        {
            var km = kMat.Slice(m * rows, rows);
            int t = s.Type[m], o = model.EmbeddingOffset[t] + firstF[m];
            var window = gdF.Slice(m * w, model.Embedding[t].Window);
            for (int e = 0; e < window.Length; e++)
                if (window[e] != 0) TensorPrimitives.MultiplyAdd(km, window[e], jt.Slice((o + e) * rows, rows), jt.Slice((o + e) * rows, rows));
            var sm = sMat.Slice(m * pr, pr);
            for (int q = 0; q < pr; q++)
            {
                double v = fpp[m] * sm[q];
                if (v == 0) continue;
                var column = jt.Slice((model.DensityStart + q) * rows, rows);
                TensorPrimitives.MultiplyAdd(km, v, column, column);
            }
        }
        for (int k = 0; k < p; k++) TensorPrimitives.Multiply(jt.Slice(k * rows, rows), weight, jt.Slice(k * rows, rows));
        NormalEquations.Add(jt, rows, res, c.JtJ, c.Jtr);
    }

    /// <summary>
    /// A cross pair derived by the Zhou–Johnson–Wadley rule at r: evaluates φ_aa, φ_bb, ρ_a, ρ_b and keeps their
    /// windows and the rule's partial derivatives in the chunk for <see cref="ScatterCrossPair"/>.
    /// </summary>
    private double CrossPair(double[] theta, int a, int b, double r, Chunk c, out double slope)
    {
        var model = _model;
        int w = model.MaxWindow;
        Span<double> value = stackalloc double[ZjwCrossPairTerms.Count], derivative = stackalloc double[ZjwCrossPairTerms.Count];
        for (int x = 0; x < ZjwCrossPairTerms.Count; x++)
        {
            var (f, offset) = CrossConstituent(a, b, x);
            c.CrossFunctions[x] = f;
            c.CrossFirst[x] = offset + f.Evaluate(theta.AsSpan(offset, f.ParameterCount), r, out value[x], out derivative[x], out _,
                c.CrossGv.AsSpan(x * w, w), c.CrossGd.AsSpan(x * w, w));
        }
        return ZjwCrossPairTerms.Evaluate(value, derivative, out slope, c.CrossDValue, c.CrossDSlopeByValue, c.CrossDSlopeBySlope);
    }

    /// <summary>Constituent x of cross pair (a, b): its function and its block's offset.</summary>
    private (IFittableFunction F, int Offset) CrossConstituent(int a, int b, int x)
    {
        var model = _model;
        int own = x is ZjwCrossPairTerms.PairA or ZjwCrossPairTerms.DensityA ? a : b;
        int pk = EamPotential.PairIndex(own, own);
        return x is ZjwCrossPairTerms.PairA or ZjwCrossPairTerms.PairB
            ? (model.Pair[pk]!, model.PairOffset[pk])
            : (model.Density[own], model.DensityOffset[own]);
    }

    /// <summary>Adds ∂φ/∂θ of the cross pair last evaluated to the energy row and collects ∂φ′/∂θ; returns the count collected.</summary>
    private int ScatterCrossPair(Span<double> energyRow, Chunk c)
    {
        int w = _model.MaxWindow, cnt = 0;
        for (int x = 0; x < ZjwCrossPairTerms.Count; x++)
        {
            var f = c.CrossFunctions[x];
            Scatter(energyRow, c.CrossFirst[x], c.CrossGv.AsSpan(x * w, w), f, c.CrossDValue[x]);
            cnt = Collect(c.GIndex, c.GValue, cnt, c.CrossFirst[x], c.CrossGv.AsSpan(x * w, w), f, c.CrossDSlopeByValue[x]);
            cnt = Collect(c.GIndex, c.GValue, cnt, c.CrossFirst[x], c.CrossGd.AsSpan(x * w, w), f, c.CrossDSlopeBySlope[x]);
        }
        return cnt;
    }

    /// <summary>Appends the non-zero entries factor·window[m] at parameter start + m; returns the new count.</summary>
    private static int Collect(int[] index, double[] value, int count, int start, ReadOnlySpan<double> window, IFittableFunction f, double factor)
    {
        int w = f.Window;
        for (int m = 0; m < w; m++)
        {
            double v = window[m];
            if (v == 0) continue;
            index[count] = start + m;
            value[count++] = factor * v;
        }
        return count;
    }

    /// <summary>row[start + m] += factor·window[m]; entries past the function's parameters are zero and skipped.</summary>
    private static void Scatter(Span<double> row, int start, ReadOnlySpan<double> window, IFittableFunction f, double factor)
    {
        int w = f.Window;
        for (int m = 0; m < w; m++)
        {
            double v = window[m];
            if (v != 0) row[start + m] += factor * v;
        }
    }

    /// <summary>Per-chunk accumulators and scratch (reused across evaluations).</summary>
    internal sealed class Chunk
    {
        private readonly int _p;
        private readonly EamFitModel _model;

        public Chunk(int p, EamFitModel model)
        {
            _p = p;
            _model = model;
            JtJ = new double[p * p];
            Jtr = new double[p];
            RhoSum = new double[model.DensityGauges];
            Atoms = new long[model.DensityGauges];
            RhoGradient = new double[model.DensityGauges * model.DensityLength];
            int w = model.MaxWindow;
            // ∂g/∂θ: pair and two densities, or a derived cross pair's four constituents twice (value and slope windows) and two densities.
            GIndex = new int[10 * w];
            GValue = new double[10 * w];
            CrossGv = new double[ZjwCrossPairTerms.Count * w];
            CrossGd = new double[ZjwCrossPairTerms.Count * w];
            Gv = new double[w]; Gd = new double[w]; Gv2 = new double[w]; Gd2 = new double[w]; Gv3 = new double[w]; Gd3 = new double[w];
        }

        public double[] JtJ { get; }
        public double[] Jtr { get; }
        public double[] RhoGradient { get; }
        public double Loss { get; set; }
        public double[] RhoSum { get; }
        public long[] Atoms { get; }
        public IFittableFunction[] CrossFunctions { get; } = new IFittableFunction[ZjwCrossPairTerms.Count];
        public int[] CrossFirst { get; } = new int[ZjwCrossPairTerms.Count];
        public double[] CrossGv { get; }
        public double[] CrossGd { get; }
        public double[] CrossDValue { get; } = new double[ZjwCrossPairTerms.Count];
        public double[] CrossDSlopeByValue { get; } = new double[ZjwCrossPairTerms.Count];
        public double[] CrossDSlopeBySlope { get; } = new double[ZjwCrossPairTerms.Count];
        public int[] GIndex { get; }
        public double[] GValue { get; }
        public double[] Gv { get; }
        public double[] Gd { get; }
        public double[] Gv2 { get; }
        public double[] Gd2 { get; }
        public double[] Gv3 { get; }
        public double[] Gd3 { get; }
        public double[] Rho { get; private set; } = [];
        public double[] S { get; private set; } = [];
        public double[] J { get; private set; } = [];
        public double[] Jt { get; private set; } = [];
        public double[] RowWeights { get; private set; } = [];
        public double[] K { get; private set; } = [];
        public double[] Fp { get; private set; } = [];
        public double[] Fpp { get; private set; } = [];
        public int[] FirstF { get; private set; } = [];
        public double[] GdF { get; private set; } = [];
        public Vec3[] Forces { get; private set; } = [];
        public double[] Residuals { get; private set; } = [];

        public void Reset(bool needJ)
        {
            Loss = 0;
            Array.Clear(RhoSum);
            Array.Clear(Atoms);
            if (!needJ) return;
            Array.Clear(JtJ);
            Array.Clear(Jtr);
            Array.Clear(RhoGradient);
        }

        public void Ensure(int atoms, int rows)
        {
            if (Rho.Length < atoms)
            {
                Rho = new double[atoms];
                S = new double[atoms * _model.DensityLength];
                Fp = new double[atoms];
                Fpp = new double[atoms];
                FirstF = new int[atoms];
                GdF = new double[atoms * _model.MaxWindow];
                Forces = new Vec3[atoms];
            }
            if (J.Length < rows * _p)
            {
                J = new double[rows * _p];
                Jt = new double[rows * _p];
            }
            if (K.Length < rows * atoms) K = new double[rows * atoms];
            if (Residuals.Length < rows)
            {
                Residuals = new double[rows];
                RowWeights = new double[rows];
            }
        }
    }
}
