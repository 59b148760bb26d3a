using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The initial guess of a spline fit: the published Zhou–Johnson–Wadley functions of each
/// element (Cu's for elements the paper does not cover) with distances scaled so that their
/// rₑ sits at the training data's typical nearest-neighbour distance, densities scaled to a
/// mean of 1 over the training atoms, put in the fit's gauge (F_a(0) = 0, F_a′(1) = 0 — the
/// linear part of F moved into φ, which leaves every energy unchanged) and projected onto the
/// splines (in the Finnis–Sinclair form every host starts from the source's density). The reference energies E0_a then come from a linear least-squares fit of the
/// remaining energy differences to the compositions.
/// </summary>
internal static class EamSplineStart
{
    public static (EamFitModel Model, double[] Theta) Create(EamTrainingSet data, EamFitOptions options, int threads)
    {
        int n = data.ElementCount;
        var zjw = data.AtomicNumbers.Select(ZhouJohnsonWadleyParameters.StartingShapeFor).ToArray();
        var scale = zjw.Select(p => data.TypicalNeighbourDistance / p.Re).ToArray();
        var rho0 = Enumerable.Range(0, n).Select(a => (Func<double, double>)(r => new ZjwDensity(zjw[a]).Value(r / scale[a]))).ToArray();
        var phi0 = new Func<double, double>[n * (n + 1) / 2];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                int aa = a, bb = b;
                IRadialFunction pair = a == b
                    ? new ZjwPair(zjw[a])
                    : new ZjwCrossPair(new ZjwPair(zjw[a]), new ZjwPair(zjw[b]), new ZjwDensity(zjw[a]), new ZjwDensity(zjw[b]));
                double s = 0.5 * (scale[aa] + scale[bb]);
                phi0[EamPotential.PairIndex(a, b)] = r => pair.Value(r / s);
            }

        // Mean and range of the host densities under the unscaled guess.
        double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        long atoms = 0;
        foreach (var it in data.Items)
        {
            var rho = new double[it.Count];
            for (int q = 0; q < it.R.Length; q++)
            {
                rho[it.I[q]] += rho0[it.Type[it.J[q]]](it.R[q]);
                rho[it.J[q]] += rho0[it.Type[it.I[q]]](it.R[q]);
            }
            foreach (double v in rho) { sum += v; lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            atoms += it.Count;
        }
        double k = atoms / sum; // ρ → kρ makes the mean 1
        lo *= k;
        hi *= k;
        var embed = zjw.Select(p => new ZjwEmbedding(p)).ToArray();
        var g = new double[n];
        var f0 = new double[n];
        for (int a = 0; a < n; a++)
        {
            f0[a] = embed[a].Value(0.0);
            embed[a].Evaluate(1.0 / k, out double d);
            g[a] = d / k;
        }

        double rLo = Math.Max(0.5, (options.InnerRadius ?? data.ShortestDistance) - 0.1);
        double span = Math.Max(hi - lo, 0.2);
        double fLo = Math.Max(0.0, lo - 0.5 * span), fHi = hi + 0.5 * span;
        var pairF = new IFittableFunction[phi0.Length];
        var densityF = new IFittableFunction[options.FinnisSinclair ? n * n : n];
        var embedF = new IFittableFunction[n];
        var blocks = new List<double[]>();
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                int pk = EamPotential.PairIndex(a, b);
                var f = new SplineFittable(rLo, options.Cutoff, options.PairKnots, vanishesAtEnd: true);
                pairF[pk] = f;
                int aa = a, bb = b;
                blocks.Add(f.Project(r => phi0[pk](r) + g[aa] * k * rho0[bb](r) + g[bb] * k * rho0[aa](r)));
            }
        for (int d = 0; d < densityF.Length; d++)
        {
            var f = new SplineFittable(rLo, options.Cutoff, options.DensityKnots, vanishesAtEnd: true);
            densityF[d] = f;
            int source = d % n;
            blocks.Add(f.Project(r => k * rho0[source](r)));
        }
        for (int a = 0; a < n; a++)
        {
            var f = new SplineFittable(fLo, fHi, options.EmbeddingKnots, vanishesAtEnd: false);
            embedF[a] = f;
            int aa = a;
            blocks.Add(f.Project(rho => embed[aa].Value(rho / k) - f0[aa] - g[aa] * rho));
        }
        blocks.Add(new double[n]);
        var model = new EamFitModel(data.AtomicNumbers, options.Cutoff, pairF, densityF, embedF, splineGauge: true, options.FinnisSinclair);
        var theta = blocks.SelectMany(b => b).ToArray();
        FitReferenceEnergies(model, theta, data, threads);
        return (model, theta);
    }

    /// <summary>Sets E0_a by linear least squares of the per-atom energy differences on the composition.</summary>
    internal static void FitReferenceEnergies(EamFitModel model, double[] theta, EamTrainingSet data, int threads)
    {
        int n = model.ElementCount;
        var ranges = Enumerable.Repeat((double.NegativeInfinity, double.PositiveInfinity), n).ToArray();
        for (int a = 0; a < n; a++) theta[model.EnergyOffset[a]] = 0;
        var potential = model.Build(theta, data.ShortestDistance, ranges);
        var predicted = EamPreparedEvaluator.Energies(potential, data, threads);
        var ata = new double[n * n];
        var atb = new double[n];
        var x = new double[n];
        for (int s = 0; s < data.Items.Length; s++)
        {
            var it = data.Items[s];
            Array.Clear(x);
            foreach (int t in it.Type) x[t] += 1.0 / it.Count;
            double y = (it.Energy - predicted[s]) / it.Count;
            for (int a = 0; a < n; a++)
            {
                atb[a] += it.Weight * x[a] * y;
                for (int b = 0; b < n; b++) ata[a * n + b] += it.Weight * x[a] * x[b];
            }
        }
        for (int a = 0; a < n; a++) ata[a * n + a] += 1e-12 * (1 + ata[a * n + a]);
        if (!Fitting.Cholesky.SolveInPlace(ata, atb, n)) return;
        for (int a = 0; a < n; a++) theta[model.EnergyOffset[a]] = atb[a];
    }
}
