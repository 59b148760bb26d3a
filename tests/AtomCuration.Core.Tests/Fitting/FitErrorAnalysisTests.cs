using System.Collections.Immutable;
using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Fitting;

public class FitErrorAnalysisTests
{
    private static Structure Dimer(string id, string type, double energy, Vec3 f0, Vec3 f1, Voigt? stress = null) =>
        new Structure(["Cu", "Cu"], [new Vec3(0, 0, 0), new Vec3(1.3, 1.3, 0)], Cell.FromParameters(4, 4, 4, 90, 90, 90), Pbc.All)
        {
            Id = id,
            Energy = energy,
            Forces = ImmutableArray.Create(f0, f1),
            Stress = stress,
            Info = new Dictionary<string, object> { ["config_type"] = type },
        };

    [Fact]
    public void StatisticsByHand()
    {
        // Energy errors 2 and 6 meV over 2 atoms: 1 and 3 meV/atom. Force errors: 0.01 in one component, 0.03 in another.
        var structures = new[]
        {
            Dimer("a", "bulk", -7.000, new Vec3(0, 0, 0), new Vec3(0, 0, 0), new Voigt(0, 0, 0, 0, 0, 0)),
            Dimer("b", "surface", -6.000, new Vec3(0.1, 0, 0), new Vec3(0, 0, 0)),
        };
        var predictions = new[]
        {
            new Prediction(-6.998, [new Vec3(0.01, 0, 0), new Vec3(0, 0, 0)], new Voigt(1 / Voigt.EvPerCubicAngstromToGPa, 0, 0, 0, 0, 0)),
            new Prediction(-6.006, [new Vec3(0.1, 0, 0), new Vec3(0, -0.03, 0)], null),
        };
        var report = FitErrorAnalysis.Analyze(structures, predictions, "config_type", worst: 1);
        var all = report.Overall;
        Assert.Equal(2, all.Structures);
        Assert.Equal(4, all.Atoms);
        Assert.Equal(Math.Sqrt((1 + 9) / 2.0), all.EnergyRmse, 9);
        Assert.Equal(2.0, all.EnergyMae, 9);
        Assert.Equal(12, all.ForceComponents);
        Assert.Equal(1000 * Math.Sqrt((0.01 * 0.01 + 0.03 * 0.03) / 12), all.ForceRmse!.Value, 9);
        Assert.Equal(1000 * 0.04 / 12, all.ForceMae!.Value, 9);
        Assert.Equal(Math.Sqrt(1.0 / 6), all.StressRmse!.Value, 9);
        Assert.Equal("b", Assert.Single(all.WorstEnergy).Id);
        Assert.Equal(30.0, Assert.Single(all.WorstForce).Error, 9);
        Assert.Equal(["bulk", "surface"], report.Groups.Select(g => g.Group));
        Assert.Equal(1.0, report.Groups[0].EnergyRmse, 9);
        Assert.Null(report.Groups[1].StressRmse);
        var b = report.PerStructure[1];
        Assert.Equal(-3.0, b.ReferenceEnergyEvPerAtom, 12);
        Assert.Equal(-3.003, b.PredictedEnergyEvPerAtom, 12);
        Assert.Equal(-3.0, b.EnergyErrorMevPerAtom, 9);
        Assert.Equal(30.0, b.MaxForceErrorMevPerAngstrom!.Value, 9);
        Assert.Equal("surface", b.Group);
    }

    [Fact]
    public void UnlabelledStructuresAreAnErrorNamingThem()
    {
        var structures = new[] { Dimer("good", "x", -1, default, default), new Structure(Dimer("nolabel", "x", -1, default, default)) { Energy = null } };
        var ex = Assert.Throws<ArgumentException>(() => FitErrorAnalysis.Analyze(structures, ZhouJohnsonWadley.Published("Cu")));
        Assert.Contains("nolabel", ex.Message);
        Assert.DoesNotContain("good", ex.Message);
    }

    [Fact]
    public void ThePotentialThatLabelledTheDataHasNoError()
    {
        var teacher = ZhouJohnsonWadley.Published("Cu");
        var rng = new Random(2);
        var cells = Enumerable.Range(0, 4)
            .Select(k => Tests.Potentials.EamFitTestData.Label(teacher, Tests.Potentials.EamTestStructures.Fcc(["Cu"], 3.6, 2, rng, 0.1, 0.02)))
            .ToList();
        var report = FitErrorAnalysis.Analyze(cells, teacher);
        Assert.True(report.Overall.EnergyRmse < 1e-9 && report.Overall.ForceRmse < 1e-9 && report.Overall.StressRmse < 1e-9);
        Assert.Empty(report.Groups);
    }
}
