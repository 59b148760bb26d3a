using System.Diagnostics;
using System.Text.Json;
using AtomCuration.Statistics;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Statistics;

/// <summary>
/// Every test and measure in Core.Statistics against SciPy 1.10 / scikit-learn 1.2: the frozen fixture
/// written by tests/oracles/statistics_reference.py always, and a live re-run of that script where
/// /usr/bin/python3 has SciPy.
/// </summary>
public sealed class StatisticsOracleTests
{
    private const double Relative = 1e-10;

    private static JsonDocument Fixture() =>
        JsonDocument.Parse(File.ReadAllText(PythonOracle.OraclePath(Path.Combine("fixtures", "statistics_reference.json"))));

    [Fact]
    public void FixtureMatches() => CheckAll(Fixture());

    // The script re-made by SciPy and scikit-learn (skipped with the reason where they are missing; required in CI).
    [SkippableFact]
    [Trait("Oracle", "scipy")]
    public void LiveScipyMatches() => Oracle.Live("scipy, sklearn", () => CheckAll(PythonOracle.Run("statistics_reference.py")));

    private static void CheckAll(JsonDocument doc)
    {
        var root = doc.RootElement;
        int checkedCases = 0;
        foreach (var c in root.GetProperty("mannwhitneyu").EnumerateArray())
        {
            var r = MannWhitneyU.Test(Arr(c, "x"), Arr(c, "y"), Alt(c), Method(c), c.GetProperty("continuity").GetBoolean());
            Close(c.GetProperty("statistic").GetDouble(), r.Statistic, c, "U");
            Close(c.GetProperty("pvalue").GetDouble(), r.PValue, c, "p");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("wilcoxon").EnumerateArray())
        {
            var zm = c.GetProperty("zero_method").GetString() switch { "wilcox" => ZeroMethod.Wilcox, "pratt" => ZeroMethod.Pratt, _ => ZeroMethod.ZSplit };
            var r = WilcoxonSignedRank.Test(Arr(c, "x"), Arr(c, "y"), Alt(c), Method(c), zm, c.GetProperty("correction").GetBoolean());
            Close(c.GetProperty("statistic").GetDouble(), r.Statistic, c, "T");
            Close(c.GetProperty("pvalue").GetDouble(), r.PValue, c, "p");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("spearman").EnumerateArray())
        {
            var r = SpearmanCorrelation.Compute(Arr(c, "x"), Arr(c, "y"), Alt(c));
            Close(c.GetProperty("statistic").GetDouble(), r.Coefficient, c, "rho");
            Close(c.GetProperty("pvalue").GetDouble(), r.PValue, c, "p");
            Assert.True(r.Interval.Low < r.Coefficient && r.Coefficient < r.Interval.High);
            checkedCases++;
        }
        foreach (var c in root.GetProperty("kendall").EnumerateArray())
        {
            var r = KendallTau.Compute(Arr(c, "x"), Arr(c, "y"), Alt(c), Method(c));
            Close(c.GetProperty("statistic").GetDouble(), r.Coefficient, c, "tau");
            Close(c.GetProperty("pvalue").GetDouble(), r.PValue, c, "p");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("ks_2samp").EnumerateArray())
        {
            var r = KolmogorovSmirnov.TwoSample(Arr(c, "x"), Arr(c, "y"));
            Close(c.GetProperty("statistic").GetDouble(), r.Statistic, c, "D");
            Close(c.GetProperty("pvalue").GetDouble(), r.PValue, c, "p", absolute: 1e-13);
            checkedCases++;
        }
        foreach (var c in root.GetProperty("silhouette").EnumerateArray())
        {
            var x = c.GetProperty("X").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var labels = c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Close(c.GetProperty("score").GetDouble(), Silhouette.Score(x, labels), c, "silhouette");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("percentile").EnumerateArray())
        {
            Close(c.GetProperty("value").GetDouble(), Descriptive.Quantile(Arr(c, "values"), c.GetProperty("q").GetDouble()), c, "quantile");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("holm").EnumerateArray())
        {
            var adj = HolmCorrection.Adjust(Arr(c, "p"));
            var expected = Arr(c, "adjusted");
            for (int i = 0; i < adj.Length; i++) Close(expected[i], adj[i], c, "holm");
            checkedCases++;
        }
        foreach (var c in root.GetProperty("kolmogorov_limit").EnumerateArray())
        {
            Close(c.GetProperty("p").GetDouble(), KolmogorovSmirnov.LimitP(c.GetProperty("lambda").GetDouble()), c, "Q(lambda)");
            checkedCases++;
        }
        Assert.True(checkedCases > 300, $"only {checkedCases} cases");
    }

    private static double[] Arr(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static Alternative Alt(JsonElement c) => c.GetProperty("alternative").GetString() switch
    {
        "less" => Alternative.Less,
        "greater" => Alternative.Greater,
        _ => Alternative.TwoSided,
    };

    private static TestMethod Method(JsonElement c) => c.GetProperty("method").GetString() switch
    {
        "exact" => TestMethod.Exact,
        "asymptotic" or "approx" => TestMethod.Asymptotic,
        _ => TestMethod.Auto,
    };

    private static void Close(double expected, double actual, JsonElement c, string what, double absolute = 0)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        double tol = Math.Max(absolute, Relative * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol,
            $"{what}: expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):E2}) for {Describe(c)}");
    }

    private static string Describe(JsonElement c)
    {
        var s = c.ToString();
        return s.Length > 400 ? s[..400] + "…" : s;
    }
}
