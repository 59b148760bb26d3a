using AtomCuration.Fitting;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Fitting;

public class ReferenceEnergyFitTests
{
    private static Structure Cell(int cu, int ni, double energy)
    {
        var symbols = Enumerable.Repeat("Cu", cu).Concat(Enumerable.Repeat("Ni", ni)).ToArray();
        var positions = symbols.Select((_, i) => new Vec3(2.5 * i, 0, 0)).ToArray();
        return new Structure((IEnumerable<string>)symbols, positions, AtomCuration.Structures.Cell.Empty, Pbc.None) { Energy = energy };
    }

    [Fact]
    public void RecoversPerElementOffsetsFromMixedCompositions()
    {
        // Reference = prediction + 3 Cu·(−0.75) + Ni·(+0.4), plus small noise that averages out.
        double[] noise = [0.001, -0.002, 0.0015, -0.0005, 0];
        var cells = new[] { (4, 0), (2, 2), (1, 3), (3, 1), (0, 4) };
        var predicted = new List<double>();
        var structures = new List<Structure>();
        for (int k = 0; k < cells.Length; k++)
        {
            var (cu, ni) = cells[k];
            double p = -10.0 * k;
            predicted.Add(p);
            structures.Add(Cell(cu, ni, p + cu * -0.75 + ni * 0.4 + noise[k]));
        }
        var mu = ReferenceEnergyFit.Fit(structures, predicted);
        Assert.Equal(-0.75, mu[29], 3);
        Assert.Equal(0.4, mu[28], 3);
        Assert.Equal(2 * mu[29] + 2 * mu[28], ReferenceEnergyFit.OffsetOf(structures[1], mu), 12);
    }

    [Fact]
    public void OffsetsTheCompositionsCannotTellApartGetTheMinimumNormSolution()
    {
        // Every cell is CuNi: only μ_Cu + μ_Ni is determined; the minimum-norm split is equal halves.
        var structures = new[] { Cell(1, 1, 1.0), Cell(2, 2, 2.0) };
        var mu = ReferenceEnergyFit.Fit(structures, [0.0, 0.0]);
        Assert.Equal(0.5, mu[29], 10);
        Assert.Equal(0.5, mu[28], 10);
    }

    [Fact]
    public void GroupKeyMatchesInfoKeysAndPropertiesInAnyCase()
    {
        var s = new Structure(Cell(1, 0, -1)) { Info = new Dictionary<string, object> { ["config_type"] = "Bulk", ["Temperature"] = 300L } };
        Assert.Equal("Bulk", GroupKey.Parse("config_type").ValueOf(s));
        Assert.Equal("Bulk", GroupKey.Parse("ConfigType").ValueOf(s));
        Assert.Equal("Bulk", GroupKey.Parse("CONFIG_TYPE").ValueOf(s));
        Assert.Equal("300", GroupKey.Parse("temperature").ValueOf(s));
        Assert.Equal("Cu", GroupKey.Parse("formula").ValueOf(s));
        Assert.Equal(GroupKey.None, GroupKey.Parse("nothing").GroupOf(s));
        Assert.Null(GroupKey.Parse("ConfigType").Unmatched([s]));
        Assert.Contains("config_type, Temperature", GroupKey.Parse("nothing").Unmatched([s]));
    }
}
