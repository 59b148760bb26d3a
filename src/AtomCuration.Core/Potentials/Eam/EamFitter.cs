using System.Diagnostics;
using AtomCuration.Fitting;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Fits an EAM potential to DFT energies, forces and (optionally) stresses by
/// Levenberg–Marquardt with an analytic Jacobian (<see cref="EamFitObjective"/>).
/// <para><b>Reference energies.</b> DFT total energies contain per-element constants that EAM
/// energies do not; they are fitted as linear parameters E0_a (energy of an isolated atom on
/// the training data's scale) and folded into F_a of the emitted potential, so its energies
/// are directly comparable with the training labels.</para>
/// <para><b>Gauge freedoms.</b> EAM energies are unchanged by F_a(ρ) → F_a(ρ) + g_a ρ with
/// φ_ab → φ_ab − g_a ρ_b − g_b ρ_a, by ρ → sρ with F(ρ) → F(ρ/s), and by F_a → F_a + c with
/// E0_a → E0_a − c. Left free they make JᵀJ singular; the spline form fixes them with
/// residual rows that the data cannot oppose: F_a(0) = 0, F_a′(1) = 0 (the "effective pair"
/// gauge), and a mean host density of 1 over the training atoms.</para>
/// <para><b>Extrapolation.</b> Below the shortest training distance φ is bridged smoothly (C²)
/// onto the universal Ziegler–Biersack–Littmark screened-Coulomb repulsion (<see cref="ZblCore"/>)
/// and ρ continues monotone and linear (<see cref="DensityCore"/>); F_a is linear outside the
/// host densities seen in training. <see cref="EamExtrapolation"/> measures how much of a test
/// set lies outside these ranges.</para>
/// </summary>
public static class EamFitter
{
    /// <summary>Fits a potential.</summary>
    /// <param name="training">Structures with energies (forces and stresses used when present).</param>
    /// <param name="options">Form, knots, weights, limits, seed.</param>
    /// <param name="progress">Receives a report after every accepted step.</param>
    /// <param name="cancellation">Stops the fit; the best potential reached so far is returned (StopReason Cancelled).
    /// Cancelled while the structures are still being prepared, it throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">No structures, or structures without energies (named), or invalid options.</exception>
    public static EamFitResult Fit(IReadOnlyList<Structure> training, EamFitOptions options, IProgress<EamFitProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var data = EamTrainingSet.Create(training, options, cancellation);
        var (model, start) = options.Form switch
        {
            EamFitForm.Spline => EamSplineStart.Create(data, training, options),
            _ => EamZhouJohnsonWadleyStart.Create(data, training, options),
        };
        var objective = new EamFitObjective(model, data, options);
        var lm = new LevenbergMarquardtOptions
        {
            MaxIterations = options.MaxIterations,
            RelativeTolerance = options.RelativeTolerance,
            GradientTolerance = options.GradientTolerance,
        };
        LeastSquaresResult? best = null;
        bool cancelled = false;
        int bestStart = 0, starts = options.Restarts + 1;
        for (int k = 0; k < starts; k++)
        {
            var x0 = k == 0 ? start : Perturb(start, options.RestartPerturbation, options.Seed, k);
            int current = k;
            var result = LevenbergMarquardt.Minimize(objective, x0, lm, (it, loss) =>
                progress?.Report(new EamFitProgress(current, starts, it, options.MaxIterations, loss, Math.Min(loss, best?.Loss ?? double.PositiveInfinity))),
                cancellation);
            if (best is null || (result.Loss < best.Loss) || double.IsNaN(best.Loss))
            {
                best = result;
                bestStart = k;
            }
            // The run stops at cancellation: the best start so far is kept, and the result says it was cut short.
            if (result.StopReason == LeastSquaresStopReason.Cancelled)
            {
                cancelled = true;
                break;
            }
        }

        // Densities seen in training decide where F turns linear; energies and forces for the error figures.
        int n = model.ElementCount;
        var open = Enumerable.Repeat((double.NegativeInfinity, double.PositiveInfinity), n).ToArray();
        var unguarded = model.Build(best!.Parameters, data.ShortestDistance, open);
        var predictions = EamEvaluator.EvaluateMany(unguarded, training, options.ThrottleLimit).ToList();
        var range = Enumerable.Repeat((Min: double.PositiveInfinity, Max: double.NegativeInfinity), n).ToArray();
        double e2 = 0, f2 = 0;
        long fCount = 0;
        for (int s = 0; s < training.Count; s++)
        {
            var it = data.Items[s];
            var pr = predictions[s];
            for (int i = 0; i < it.Count; i++)
            {
                int t = it.Type[i];
                range[t] = (Math.Min(range[t].Min, pr.Densities[i]), Math.Max(range[t].Max, pr.Densities[i]));
            }
            double de = (pr.Energy - it.Energy) / it.Count;
            e2 += de * de;
            if (it.Forces is null) continue;
            for (int i = 0; i < it.Count; i++)
            {
                var d = pr.Forces[i] - it.Forces[i];
                f2 += d.LengthSquared;
                fCount += 3;
            }
        }
        var potential = model.Build(best.Parameters, data.ShortestDistance, range.Select(r => (r.Min, r.Max)).ToArray());
        return new EamFitResult
        {
            Potential = potential,
            Form = options.Form,
            Parameters = best.Parameters,
            ParameterNames = model.ParameterNames(),
            ReferenceEnergies = Enumerable.Range(0, n).ToDictionary(model.Symbol, a => best.Parameters[model.EnergyOffset[a]]),
            EnergyRmse = 1000 * Math.Sqrt(e2 / training.Count),
            ForceRmse = fCount > 0 ? 1000 * Math.Sqrt(f2 / fCount) : double.NaN,
            Iterations = best.Iterations,
            StopReason = cancelled ? LeastSquaresStopReason.Cancelled : best.StopReason,
            Loss = best.Loss,
            LossHistory = best.LossHistory,
            Seed = options.Seed,
            BestStart = bestStart,
            Elapsed = clock.Elapsed,
            Structures = training.Count,
            ShortestDistance = data.ShortestDistance,
            DensityRange = Enumerable.Range(0, n).ToDictionary(model.Symbol, a => range[a]),
        };
    }

    /// <summary>A seeded perturbation of the start: θ(1 + σξ) + 0.01σξ′ with standard normal ξ, ξ′.</summary>
    private static double[] Perturb(double[] start, double sigma, int seed, int k)
    {
        var rng = new Random(unchecked(seed * 7919 + k));
        var x = new double[start.Length];
        for (int i = 0; i < x.Length; i++) x[i] = start[i] * (1 + sigma * Gaussian(rng)) + 0.01 * sigma * Gaussian(rng);
        return x;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
