using System.Diagnostics;
using AtomCuration.Fitting;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;

namespace AtomCuration.Bench;

/// <summary>
/// Where a single spline-EAM fit spends its time, on the <c>selection-study</c> Ti pool: fits of random
/// selections of one size (one thread), with the objective's evaluations counted (with and without JᵀJ)
/// and timed apart from the Levenberg–Marquardt solves. A driver for <c>perf record</c> as well.
/// Args: [count=30] [fits=10] [cells=1800] [compare]: with "compare", every fit runs twice from the same start — on the
/// stored spline terms and on the general path — and the final losses and pool energy errors are compared.
/// </summary>
public sealed class EamFitProfileBench : IBenchmark
{
    public string Name => "eam-fit-profile";
    public string Description => "one spline EAM fit taken apart: evaluations, their CPU, LM iterations; args: [count] [fits] [cells]";

    public int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 30;
        int fits = args.Length > 1 ? int.Parse(args[1]) : 10;
        int cells = args.Length > 2 ? int.Parse(args[2]) : 1800;
        var pool = SelectionStudyBench.Pool(SelectionStudyBench.Teacher(), cells);
        var options = new EamFitOptions { Cutoff = 5.5 };
        var data = EamTrainingSet.Create(pool, options, 1, default);
        var context = new RunContext { ThrottleLimit = 1 };
        if (args.Length > 3 && args[3] == "compare") return Compare(pool, data, options, count, fits);
        // One warm-up fit so that JIT time is not counted.
        EamFitter.FitPrepared(data.Subset(Enumerable.Range(0, count).ToArray(), null, options), options, context, default);
        double cpu0 = CpuClock.Now, evalCpu = 0;
        int withJ = 0, lossOnly = 0, iterations = 0;
        var clock = Stopwatch.StartNew();
        for (int f = 0; f < fits; f++)
        {
            var selected = RandomSelector.Select(pool.Count, new RandomOptions { Count = count, Seed = 100 + f }).SelectedIndices.ToArray();
            var training = data.Subset(selected, null, options);
            var (model, start) = EamSplineStart.Create(training, options, 1);
            var objective = new Counting(new EamFitObjective(model, training, options, 1));
            var result = LevenbergMarquardt.Minimize(objective, start, new LevenbergMarquardtOptions
            {
                MaxIterations = options.MaxIterations,
                RelativeTolerance = options.RelativeTolerance,
                GradientTolerance = options.GradientTolerance,
            });
            iterations += result.Iterations;
            withJ += objective.WithJacobian;
            lossOnly += objective.LossOnly;
            evalCpu += objective.Cpu;
            if (f > 0) continue;
            // The two kinds of evaluation at the optimum, repeated.
            var jtj = new double[objective.ParameterCount * objective.ParameterCount];
            var jtr = new double[objective.ParameterCount];
            double t0 = CpuClock.Now;
            for (int k = 0; k < 50; k++) objective.Evaluate(result.Parameters, null, null, default);
            double t1 = CpuClock.Now;
            for (int k = 0; k < 50; k++) objective.Evaluate(result.Parameters, jtj, jtr, default);
            double t2 = CpuClock.Now;
            Console.WriteLine($"  per cell: {(t1 - t0) / 50 / count * 1e6:F1} µs loss only, {(t2 - t1) / 50 / count * 1e6:F1} µs with JᵀJ");
            cpu0 += t2 - t0;
        }
        double cpu = CpuClock.Now - cpu0;
        Console.WriteLine($"{fits} fits of {count} cells: {clock.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU ({cpu / fits * 1000:F0} ms per fit)");
        Console.WriteLine($"  LM iterations per fit {(double)iterations / fits:F1}; evaluations per fit: {(double)withJ / fits:F1} with JᵀJ, {(double)lossOnly / fits:F1} loss only");
        Console.WriteLine($"  objective {evalCpu:F2} s CPU ({evalCpu / Math.Max(1, withJ + lossOnly) * 1e3:F2} ms per evaluation, {evalCpu / Math.Max(1, withJ + lossOnly) / count * 1e6:F0} µs per cell); the rest (start, solves) {cpu - evalCpu:F2} s");
        return 0;
    }

    /// <summary>Both paths from the same start: relative loss difference, iterations, and the test energy RMSE on the pool.</summary>
    private static int Compare(List<AtomCuration.Structures.Structure> pool, EamTrainingSet data, EamFitOptions options, int count, int fits)
    {
        var lm = new LevenbergMarquardtOptions { MaxIterations = options.MaxIterations, RelativeTolerance = options.RelativeTolerance, GradientTolerance = options.GradientTolerance };
        double worstLoss = 0, worstRmse = 0;
        for (int f = 0; f < fits; f++)
        {
            var selected = RandomSelector.Select(pool.Count, new RandomOptions { Count = count, Seed = 100 + f }).SelectedIndices.ToArray();
            var training = data.Subset(selected, null, options);
            var (model, start) = EamSplineStart.Create(training, options, 1);
            var fast = LevenbergMarquardt.Minimize(new EamFitObjective(model, training, options, 1), start, lm);
            var general = LevenbergMarquardt.Minimize(new EamFitObjective(model, training, options, 1, storeSplineTerms: false), start, lm);
            double Rmse(LeastSquaresResult r) => AtomCuration.Studies.TestSetErrors.Measure(model.Build(r.Parameters, training.ShortestDistance,
                Enumerable.Repeat((double.NegativeInfinity, double.PositiveInfinity), model.ElementCount).ToArray()), data, Enumerable.Range(0, data.Items.Length).ToArray(), null).EnergyRmse;
            double dl = Math.Abs(fast.Loss - general.Loss) / general.Loss, ef = Rmse(fast), eg = Rmse(general);
            worstLoss = Math.Max(worstLoss, dl);
            worstRmse = Math.Max(worstRmse, Math.Abs(ef - eg) / eg);
            Console.WriteLine($"  fit {f}: loss {fast.Loss:G10} vs {general.Loss:G10} (relative {dl:E1}), iterations {fast.Iterations} vs {general.Iterations}, pool E RMSE {ef:F4} vs {eg:F4} meV/atom");
        }
        Console.WriteLine($"largest relative difference: loss {worstLoss:E1}, pool energy RMSE {worstRmse:E1}");
        return 0;
    }

    /// <summary>Counts and times the evaluations of an objective.</summary>
    private sealed class Counting(ILeastSquaresProblem inner) : ILeastSquaresProblem
    {
        public int WithJacobian { get; private set; }
        public int LossOnly { get; private set; }
        public double Cpu { get; private set; }
        public int ParameterCount => inner.ParameterCount;

        public double Evaluate(ReadOnlySpan<double> parameters, double[]? jtj, double[]? jtr, CancellationToken cancellation)
        {
            double t0 = CpuClock.Now;
            double loss = inner.Evaluate(parameters, jtj, jtr, cancellation);
            Cpu += CpuClock.Now - t0;
            if (jtj is null) LossOnly++;
            else WithJacobian++;
            return loss;
        }
    }
}
