namespace AtomCuration.Fitting;

/// <summary>
/// Levenberg–Marquardt minimisation of Σr²: each step solves
/// (JᵀJ + μ·diag(JᵀJ)) δ = −Jᵀr (Marquardt's scaling, so the damping is unit-free), accepts
/// δ when the loss drops (then μ shrinks) and otherwise raises μ and retries from the same
/// JᵀJ. Deterministic: the same problem and start give the same iterates.
/// Cancellation returns the best point so far with <see cref="LeastSquaresStopReason.Cancelled"/>.
/// </summary>
public static class LevenbergMarquardt
{
    private const double MaxDamping = 1e12;

    /// <summary>Minimises <paramref name="problem"/> from <paramref name="start"/>.</summary>
    /// <param name="problem">The residuals.</param>
    /// <param name="start">Initial parameters (not modified).</param>
    /// <param name="options">Tolerances and limits.</param>
    /// <param name="onIteration">Called after every accepted step with (iteration, loss).</param>
    /// <param name="cancellation">Stops early, keeping the best point.</param>
    public static LeastSquaresResult Minimize(ILeastSquaresProblem problem, ReadOnlySpan<double> start, LevenbergMarquardtOptions? options = null,
        Action<int, double>? onIteration = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new LevenbergMarquardtOptions();
        int p = problem.ParameterCount;
        if (start.Length != p) throw new ArgumentException($"{start.Length} start values for {p} parameters.", nameof(start));
        var x = start.ToArray();
        var history = new List<double>();
        var jtj = new double[p * p];
        var g = new double[p];
        var trialJtj = new double[p * p];
        var trialG = new double[p];
        var a = new double[p * p];
        var step = new double[p];
        var trial = new double[p];
        double loss;
        try
        {
            loss = problem.Evaluate(x, jtj, g, cancellation);
        }
        catch (OperationCanceledException)
        {
            return new LeastSquaresResult(x, double.NaN, 0, LeastSquaresStopReason.Cancelled, history);
        }
        history.Add(loss);
        double mu = options.InitialDamping;
        int iteration = 0;
        var reason = LeastSquaresStopReason.MaxIterations;
        try
        {
            while (iteration < options.MaxIterations)
            {
                if (MaxAbs(g) < options.GradientTolerance)
                {
                    reason = LeastSquaresStopReason.GradientNorm;
                    break;
                }
                double trialLoss = double.PositiveInfinity;
                while (mu <= MaxDamping)
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (Solve(jtj, g, mu, a, step))
                    {
                        for (int k = 0; k < p; k++) trial[k] = x[k] + step[k];
                        trialLoss = problem.Evaluate(trial, trialJtj, trialG, cancellation);
                        if (trialLoss < loss) break;
                    }
                    mu *= 4;
                }
                if (!(trialLoss < loss))
                {
                    reason = LeastSquaresStopReason.DampingLimit;
                    break;
                }
                double relative = (loss - trialLoss) / Math.Max(loss, double.Epsilon);
                (x, trial) = (trial, x);
                (jtj, trialJtj) = (trialJtj, jtj);
                (g, trialG) = (trialG, g);
                loss = trialLoss;
                mu = Math.Max(mu / 3, 1e-12);
                iteration++;
                history.Add(loss);
                onIteration?.Invoke(iteration, loss);
                if (relative < options.RelativeTolerance)
                {
                    reason = LeastSquaresStopReason.RelativeLossChange;
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = LeastSquaresStopReason.Cancelled;
        }
        return new LeastSquaresResult(x, loss, iteration, reason, history);
    }

    /// <summary>Solves (JᵀJ + μ diag) δ = −g by Cholesky; false when the matrix is not positive definite.</summary>
    private static bool Solve(double[] jtj, double[] g, double mu, double[] a, double[] step)
    {
        int p = g.Length;
        double maxDiag = 0;
        for (int k = 0; k < p; k++) maxDiag = Math.Max(maxDiag, jtj[k * p + k]);
        double floor = 1e-12 * Math.Max(maxDiag, 1e-300); // keeps parameters the data never touch solvable
        Array.Copy(jtj, a, jtj.Length);
        for (int k = 0; k < p; k++) a[k * p + k] += mu * Math.Max(jtj[k * p + k], floor);
        for (int k = 0; k < p; k++) step[k] = -g[k];
        return Cholesky.SolveInPlace(a, step, p);
    }

    private static double MaxAbs(double[] v)
    {
        double m = 0;
        foreach (double x in v) m = Math.Max(m, Math.Abs(x));
        return m;
    }
}
