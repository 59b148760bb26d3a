using AtomCuration.Descriptors;
using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Tests.Descriptors;

namespace AtomCuration.Tests.Structures;

/// <summary>
/// Atoms on top of each other gave NaN descriptors, an unexplained fitter error and NaN error summaries
/// (issue 18); every stage now names the structure, the atoms and their distance.
/// </summary>
public class OverlappingAtomsTests
{
    private static Structure Good(int k) => new Structure(TestStructures.Rattle(TestStructures.Fcc(29, 3.61, 2), k, 0.05)) { Id = $"good{k}", Energy = -3.5 * 32 };

    private static Structure Overlapping()
    {
        var fcc = TestStructures.Fcc(29, 3.61, 2);
        var positions = fcc.Positions.SetItem(5, fcc.Positions[2]);
        return new Structure(fcc.WithPositions(positions)) { Id = "bad", Energy = -3.5 * 32 };
    }

    [Fact]
    public void FindsTheClosestPairAcrossPeriodicImages()
    {
        Assert.Null(OverlappingAtoms.Find(Good(1)));
        var pair = OverlappingAtoms.Find(Overlapping());
        Assert.Equal((2, 5, 0.0), pair);
        var cell = Cell.FromRows([3, 0, 0, 0, 3, 0, 0, 0, 3]);
        var acrossTheBoundary = new Structure([29, 29], [new Vec3(0.01, 1, 1), new Vec3(2.98, 1, 1)], cell, Pbc.All);
        Assert.Equal(0.03, OverlappingAtoms.Find(acrossTheBoundary)!.Value.Distance, 12);
        Assert.Contains("bad: atoms 2 and 5 overlap", OverlappingAtoms.Problem(Overlapping()));
    }

    [Fact]
    public void DescriptorsFailThatStructureOnly()
    {
        var options = DescriptorOptions.Create(preset: "LocalEnvironment");
        var outcomes = DescriptorCalculator.TryAttach([Good(1), Overlapping(), Good(2)], options).ToList();
        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[2].Succeeded);
        Assert.False(outcomes[1].Succeeded);
        Assert.Contains("bad: atoms 2 and 5 overlap", outcomes[1].Error!.Message);
        Assert.All(outcomes[0].Output!.Descriptor!.Value, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void FittingAndMeasuringNameTheStructure()
    {
        var set = new[] { Good(1), Overlapping() };
        var fit = Assert.Throws<ArgumentException>(() => EamFitter.Fit(set, new EamFitOptions { Cutoff = 5.0, MaxIterations = 2, Restarts = 1 }));
        Assert.Contains("bad: atoms 2 and 5 overlap", fit.Message);
        var measure = Assert.Throws<ArgumentException>(() => FitErrorAnalysis.Analyze(set, ZhouJohnsonWadley.Published("Cu")));
        Assert.Contains("bad: atoms 2 and 5 overlap", measure.Message);
    }
}
