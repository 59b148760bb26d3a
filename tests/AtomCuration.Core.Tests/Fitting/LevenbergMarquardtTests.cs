using AtomCuration.Fitting;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Fitting;

public class LevenbergMarquardtTests
{
    /// <summary>r_k = a·e^{−b x_k} + c·sin(d x_k) − y_k with its analytic Jacobian.</summary>
    private sealed class Curve(double[] x, double[] y) : ILeastSquaresProblem
    {
        public int ParameterCount => 4;

        public double Evaluate(ReadOnlySpan<double> p, double[]? jtj, double[]? jtr, CancellationToken cancellation)
        {
            if (jtj is not null) Array.Clear(jtj);
            if (jtr is not null) Array.Clear(jtr);
            double loss = 0;
            Span<double> j = stackalloc double[4];
            for (int k = 0; k < x.Length; k++)
            {
                double e = Math.Exp(-p[1] * x[k]), s = Math.Sin(p[3] * x[k]);
                double r = p[0] * e + p[2] * s - y[k];
                loss += r * r;
                if (jtj is null || jtr is null) continue;
                j[0] = e; j[1] = -p[0] * x[k] * e; j[2] = s; j[3] = p[2] * x[k] * Math.Cos(p[3] * x[k]);
                for (int a = 0; a < 4; a++)
                {
                    jtr[a] += j[a] * r;
                    for (int b = 0; b < 4; b++) jtj[a * 4 + b] += j[a] * j[b];
                }
            }
            return loss;
        }
    }

    [Fact]
    public void MatchesScipyLeastSquares() => Oracle.Frozen(MatchesScipyLeastSquaresCheck);

    [SkippableFact]
    [Trait("Oracle", "scipy")]
    public void MatchesScipyLeastSquares_Live() => Oracle.Live("", MatchesScipyLeastSquaresCheck);

    private void MatchesScipyLeastSquaresCheck()
    {
        var rng = new Random(3);
        var x = Enumerable.Range(0, 60).Select(k => k * 0.1).ToArray();
        var y = x.Select(v => 2.5 * Math.Exp(-0.7 * v) + 0.4 * Math.Sin(1.9 * v) + 0.05 * (rng.NextDouble() - 0.5)).ToArray();
        double[] start = [1.0, 0.3, 0.2, 1.7];
        using var oracle = PythonOracle.Run("scipy_least_squares.py", new { x, y, start });
        var expected = oracle.RootElement.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double cost = oracle.RootElement.GetProperty("cost").GetDouble();
        var result = LevenbergMarquardt.Minimize(new Curve(x, y), start, new LevenbergMarquardtOptions { RelativeTolerance = 1e-14, MaxIterations = 500 });
        Assert.Equal(cost, result.Loss, 10);
        for (int k = 0; k < 4; k++) Assert.Equal(expected[k], result.Parameters[k], 6);
        Assert.True(result.LossHistory.Zip(result.LossHistory.Skip(1)).All(t => t.Second < t.First), "loss must decrease at every accepted step");
        Assert.NotEqual(LeastSquaresStopReason.MaxIterations, result.StopReason);
    }

    [Fact]
    public void ReportsTheIterationLimit()
    {
        var x = Enumerable.Range(0, 30).Select(k => k * 0.2).ToArray();
        var y = x.Select(v => 2.0 * Math.Exp(-0.5 * v) + 0.3 * Math.Sin(2.0 * v)).ToArray();
        var result = LevenbergMarquardt.Minimize(new Curve(x, y), [1.0, 0.2, 0.1, 1.8], new LevenbergMarquardtOptions { MaxIterations = 2, RelativeTolerance = 0 });
        Assert.Equal(LeastSquaresStopReason.MaxIterations, result.StopReason);
        Assert.Equal(2, result.Iterations);
        Assert.Equal(3, result.LossHistory.Count);
    }
}
