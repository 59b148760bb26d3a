using AtomCuration.Potentials.Eam;

namespace AtomCuration.Tests.Potentials;

/// <summary>Automatic fit settings: a seeded search over a space, a held-out split, the best settings refitted on everything.</summary>
public class EamSettingsSearchTests
{
    private static readonly Lazy<EamPotential> Teacher = new(() => ZhouJohnsonWadley.Published("Cu"));

    [Fact]
    public void SearchesWithinTheSpaceAndRefitsTheBestOnAllStructures()
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 16, 5, 0.1, 0.03);
        var options = new EamFitOptions { MaxIterations = 8, Seed = 3, Cutoff = 5.0 };
        var space = EamSearchSpace.From(new Dictionary<string, (double, double)> { ["pairknots"] = (6, 10), ["ForceWeight"] = (1e-3, 0.1) });
        var search = new EamSearchOptions { Budget = 5, Space = space };
        var fit = EamSettingsSearch.Fit(cells, options, search);
        var s = fit.Search!;
        Assert.Equal(5, s.History.Count);
        Assert.Equal(4, s.ValidationCount);
        Assert.Equal(16, fit.Structures);
        Assert.All(s.History, t =>
        {
            Assert.InRange(t.Settings["PairKnots"], 6, 10);
            Assert.Equal(Math.Round(t.Settings["PairKnots"]), t.Settings["PairKnots"]);
            Assert.InRange(t.Settings["ForceWeight"], 1e-3, 0.1);
        });
        Assert.Equal(s.History.Min(t => t.ValidationEnergyRmse), s.BestValidationEnergyRmse);
        Assert.Equal(s.BestValidationEnergyRmse, s.History[^1].BestSoFar);
        Assert.Contains(s.History, t => t.Source == "expected-improvement");
        Assert.Equal((int)s.BestSettings["PairKnots"], fit.ParameterNames.Count(n => n.StartsWith("phi[", StringComparison.Ordinal)));
        var again = EamSettingsSearch.Fit(cells, options, search with { Method = EamSearchMethod.Random });
        Assert.All(again.Search!.History, t => Assert.Equal("random", t.Source));
    }

    [Fact]
    public void UnknownSettingsAreRefusedWithTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => EamSearchSpace.From(new Dictionary<string, (double, double)> { ["Knots"] = (1, 2) }));
        Assert.Contains("PairKnots", e.Message);
        Assert.Throws<ArgumentException>(() => EamSearchSpace.From(new Dictionary<string, (double, double)> { ["Smoothness"] = (0, 1) }));
    }
}
