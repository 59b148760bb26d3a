using System.Text.Json;
using AtomCuration.Fitting;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Fitting;

/// <summary>The Gaussian process against scikit-learn's GaussianProcessRegressor (frozen by tests/oracles/sklearn_gp.py).</summary>
public class GaussianProcessTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllText(PythonOracle.OraclePath(Path.Combine("fixtures", "sklearn_gp.json")))).RootElement);

    private static double[] Row(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void PosteriorAndLikelihoodMatchScikitLearnAtFixedHyperparameters()
    {
        var f = Fixture.Value;
        var x = f.GetProperty("x").EnumerateArray().Select(Row).ToArray();
        var y = Row(f.GetProperty("y"));
        var fixedPart = f.GetProperty("fixed");
        var gp = new GaussianProcess(x, y, fixedPart.GetProperty("signal_variance").GetDouble(), Row(fixedPart.GetProperty("length_scales")),
            f.GetProperty("alpha").GetDouble());
        Assert.Equal(fixedPart.GetProperty("log_marginal_likelihood").GetDouble(), gp.LogMarginalLikelihood, 8);
        var query = f.GetProperty("query").EnumerateArray().Select(Row).ToArray();
        var mean = Row(fixedPart.GetProperty("mean"));
        var std = Row(fixedPart.GetProperty("std"));
        for (int k = 0; k < query.Length; k++)
        {
            var (m, s) = gp.Predict(query[k]);
            Assert.Equal(mean[k], m, 8);
            Assert.Equal(std[k], s, 6);
        }
    }

    [Fact]
    public void MarginalLikelihoodFitReachesScikitLearnsOptimum()
    {
        var f = Fixture.Value;
        var x = f.GetProperty("x").EnumerateArray().Select(Row).ToArray();
        var y = Row(f.GetProperty("y"));
        var gp = GaussianProcess.Fit(x, y, f.GetProperty("alpha").GetDouble(), starts: 8, seed: 1);
        double theirs = f.GetProperty("fitted").GetProperty("log_marginal_likelihood").GetDouble();
        Assert.True(gp.LogMarginalLikelihood > theirs - 1e-3, $"ours {gp.LogMarginalLikelihood} vs scikit-learn {theirs} ({f.GetProperty("fitted").GetProperty("kernel")})");
        // Interpolates its data (tiny noise).
        for (int k = 0; k < x.Length; k++) Assert.Equal(y[k], gp.Predict(x[k]).Mean, 2);
    }
}
