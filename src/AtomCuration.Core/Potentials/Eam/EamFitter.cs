using System.Diagnostics;
using System.Globalization;
using AtomCuration.Options;
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
    /// <param name="context">Threads; progress after every accepted step (detail: <see cref="EamFitProgress"/>); cancellation,
    /// which stops the fit and returns the best potential reached so far (StopReason Cancelled) — as does
    /// <see cref="EamFitOptions.TimeLimit"/> (StopReason TimeLimit). Cancelled while the structures are still being prepared, it throws
    /// <see cref="OperationCanceledException"/> (<see cref="TimeoutException"/> when the time limit ran out).</param>
    /// <exception cref="ArgumentException">No structures, or structures without energies (named), or invalid options.</exception>
    public static EamFitResult Fit(IReadOnlyList<Structure> training, EamFitOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        context ??= RunContext.Default;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        if (options.TimeLimit is { } timeLimit) limit.CancelAfter(timeLimit);
        var cancellation = limit.Token;
        int threads = context.ThrottleLimit;
        var clock = Stopwatch.StartNew();
        EamTrainingSet data;
        try
        {
            data = EamTrainingSet.Create(training, options, threads, cancellation);
        }
        catch (OperationCanceledException e) when (!context.Cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"TimeLimit {options.TimeLimit} ran out while the training set was being prepared.", e);
        }
        return FitPrepared(data, options, context, cancellation, clock);
    }

    /// <summary>Fits to structures prepared once (<see cref="EamTrainingSet.Create"/>, <see cref="EamTrainingSet.Subset"/>);
    /// the selection studies fit many subsets of one prepared pool this way.</summary>
    internal static EamFitResult FitPrepared(EamTrainingSet data, EamFitOptions options, RunContext context,
        CancellationToken cancellation, Stopwatch? clock = null)
    {
        options.Validate();
        clock ??= Stopwatch.StartNew();
        int threads = context.ThrottleLimit;
        var (model, start) = options.Form switch
        {
            EamFitForm.Spline => EamSplineStart.Create(data, options, threads),
            _ => EamZhouJohnsonWadleyStart.Create(data, options, threads),
        };
        var objective = new EamFitObjective(model, data, options, threads);
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
                Report(context, new EamFitProgress(current, starts, it, options.MaxIterations, loss, Math.Min(loss, best?.Loss ?? double.PositiveInfinity))),
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
        var range = Enumerable.Repeat((Min: double.PositiveInfinity, Max: double.NegativeInfinity), n).ToArray();
        double e2 = 0, f2 = 0;
        long fCount = 0;
        var map = EamPreparedEvaluator.SpeciesMap(unguarded, data);
        var work = new EamPreparedEvaluator.Workspace();
        for (int s = 0; s < data.Items.Length; s++)
        {
            var it = data.Items[s];
            double energy = EamPreparedEvaluator.Evaluate(unguarded, it, map, work, out _);
            for (int i = 0; i < it.Count; i++)
            {
                int t = it.Type[i];
                range[t] = (Math.Min(range[t].Min, work.Rho[i]), Math.Max(range[t].Max, work.Rho[i]));
            }
            double de = (energy - it.Energy) / it.Count;
            e2 += de * de;
            if (it.Forces is null) continue;
            for (int i = 0; i < it.Count; i++)
            {
                var d = work.Forces[i] - it.Forces[i];
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
            EnergyRmse = 1000 * Math.Sqrt(e2 / data.Items.Length),
            ForceRmse = fCount > 0 ? 1000 * Math.Sqrt(f2 / fCount) : double.NaN,
            Iterations = best.Iterations,
            // Cut short by the caller (Ctrl+C) or, when the caller did not cancel, by the linked time limit.
            StopReason = !cancelled ? best.StopReason
                : context.Cancellation.IsCancellationRequested ? LeastSquaresStopReason.Cancelled : LeastSquaresStopReason.TimeLimit,
            Loss = best.Loss,
            LossHistory = best.LossHistory,
            Seed = options.Seed,
            BestStart = bestStart,
            Elapsed = clock.Elapsed,
            Structures = data.Items.Length,
            ShortestDistance = data.ShortestDistance,
            DensityRange = Enumerable.Range(0, n).ToDictionary(model.Symbol, a => range[a]),
        };
    }

    private static void Report(RunContext context, EamFitProgress p) => context.Report(p.PercentComplete / 100.0,
        string.Create(CultureInfo.InvariantCulture, $"start {p.Start + 1}/{p.Starts}, iteration {p.Iteration}: loss {p.Loss:G5} (best {p.BestLoss:G5})"), p);

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
