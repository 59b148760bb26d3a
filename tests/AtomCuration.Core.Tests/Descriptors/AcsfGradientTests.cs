using System.Collections.Immutable;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class AcsfGradientTests
{
    /// <summary>A rattled two-element BCC cell (every third site Ta), so that all species blocks are filled.</summary>
    private static Structure TwoElements(int seed)
    {
        var s = Supercell(Bcc(74, 3.16), 2, 2, 2);
        var z = s.AtomicNumbers.Select((v, k) => k % 3 == 0 ? 73 : 74).ToImmutableArray();
        return Rattle(new Structure(z, s.Positions, s.Cell, s.Pbc), seed, 0.4);
    }

    private static readonly SpeciesSet Species = SpeciesSet.FromSymbols(["W", "Ta"]);

    private static AcsfSettings Settings(AcsfForm form, AngularPairCounting pairs) => new()
    {
        Cutoff = 4.5, Form = form, AngularPairs = pairs,
        G2 = [new(form == AcsfForm.Modified ? 10 : 0.5, 2.6), new(form == AcsfForm.Modified ? 40 : 2.0, 3.2)],
        G4 = [new(form == AcsfForm.Modified ? 1.2 : 0.06, 1, -1), new(form == AcsfForm.Modified ? 2 : 0.1, 2.5, 1)],
        G5 = [new(form == AcsfForm.Modified ? 0.8 : 0.04, 4, 1), new(form == AcsfForm.Modified ? 0.8 : 0.04, 1, -1)],
    };

    private static double[] Rows(AcsfGradientCalculator calc, Structure s)
    {
        var rows = new double[s.AtomCount * calc.ColumnCount];
        calc.ComputeRetained(NeighborList.Build(s, calc.MaxCutoff).Pairs, Species.IndicesOf(s), rows);
        return rows;
    }

    [Theory]
    [InlineData(AcsfForm.Standard, AngularPairCounting.Once)]
    [InlineData(AcsfForm.Modified, AngularPairCounting.Twice)]
    public void RowsEqualTheDescriptors(AcsfForm form, AngularPairCounting pairs)
    {
        var s = TwoElements(3);
        var settings = Settings(form, pairs);
        var expected = new AcsfDescriptor(settings, Species).ComputeAtoms(s);
        var rows = Rows(new AcsfGradientCalculator(settings, Species), s);
        Assert.Equal(expected.Length, rows.Length);
        double scale = expected.Max(Math.Abs);
        Assert.True(scale > 0.1);
        for (int k = 0; k < rows.Length; k++) Assert.Equal(expected[k], rows[k], 1e-12 * scale);
    }

    [Theory]
    [InlineData(AcsfForm.Standard, AngularPairCounting.Once)]
    [InlineData(AcsfForm.Modified, AngularPairCounting.Twice)]
    public void WeightedGradientEqualsFiniteDifferences(AcsfForm form, AngularPairCounting pairs)
    {
        var s = TwoElements(7);
        var settings = Settings(form, pairs);
        var calc = new AcsfGradientCalculator(settings, Species);
        int n = s.AtomCount, cols = calc.ColumnCount;
        var rng = new Random(2);
        var lambda = Enumerable.Range(0, n * cols).Select(_ => rng.NextDouble() - 0.5).ToArray();
        Rows(calc, s);
        var grad = new Vec3[n];
        calc.AddWeightedGradient(lambda, grad);
        double E(Structure t) => Rows(new AcsfGradientCalculator(settings, Species), t).Select((v, k) => v * lambda[k]).Sum();
        FiniteDifference.AssertGradient(s, E, grad, [0, 4, 9]);
        // Translating everything changes nothing: the gradients sum to zero.
        var total = grad.Aggregate(Vec3.Zero, (a, b) => a + b);
        Assert.True(total.Length < 1e-9 * grad.Max(v => v.Length));
    }

    [Fact]
    public void AnAngleOffsetIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new AcsfGradientCalculator(Settings(AcsfForm.Modified, AngularPairCounting.Once) with { ThetaS = 10 }, Species));
        Assert.Contains("thetaS", e.Message);
    }
}
