using System.Collections;
using System.Collections.Immutable;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class BispectrumTests
{
    private static BispectrumSettings Parse(IDictionary p) => (BispectrumSettings)DescriptorSettings.Parse(DescriptorKind.Bispectrum, p);

    /// <summary>A rattled two-element BCC cell (W and Ta sites) with different radii and weights.</summary>
    private static Structure TwoElements(int seed)
    {
        var s = Supercell(Bcc(74, 3.16), 2, 2, 2);
        var z = s.AtomicNumbers.Select((v, k) => k % 3 == 0 ? 73 : 74).ToImmutableArray();
        return Rattle(new Structure(z, s.Positions, s.Cell, s.Pbc), seed, 0.4);
    }

    private static readonly BispectrumSettings TwoElementSettings = new()
    {
        TwoJMax = 6, RCutFac = 1.3, RFac0 = 0.99363, RMin0 = 0.2,
        Radius = new Dictionary<string, double> { ["W"] = 2.1, ["Ta"] = 2.4 },
        Weight = new Dictionary<string, double> { ["W"] = 1.0, ["Ta"] = 0.6 },
    };

    [Theory]
    [InlineData(2, 5)]
    [InlineData(4, 14)]
    [InlineData(6, 30)]
    [InlineData(8, 55)]
    public void ColumnCountsAndOrderAreLammps(int twojmax, int columns)
    {
        var d = new BispectrumDescriptor(new BispectrumSettings { TwoJMax = twojmax }, SpeciesSet.FromSymbols(["W"]));
        Assert.Equal(columns, d.Labels.Count);
        string[] first = twojmax == 2
            ? ["B[0,0,0]", "B[1,0,1]", "B[1,1,2]", "B[2,0,2]", "B[2,2,2]"]
            : ["B[0,0,0]", "B[1,0,1]", "B[1,1,2]", "B[2,0,2]", "B[2,1,3]", "B[2,2,2]"];
        Assert.Equal(first, d.Labels.Take(first.Length));
        var q = new BispectrumDescriptor(new BispectrumSettings { TwoJMax = twojmax, QuadraticFlag = true }, SpeciesSet.FromSymbols(["W"]));
        Assert.Equal(columns + columns * (columns + 1) / 2, q.Labels.Count);
        Assert.Equal("0.5*B[0,0,0]^2", q.Labels[columns]);
        Assert.Equal("B[0,0,0]*B[1,0,1]", q.Labels[columns + 1]);
    }

    [Fact]
    public void LeadingColumnsDoNotDependOnTwoJMaxAndMayBeComputedAlone()
    {
        var s = TwoElements(4);
        var species = SpeciesSet.FromSymbols(["W", "Ta"]);
        var full = new BispectrumDescriptor(TwoElementSettings with { TwoJMax = 8 }, species).ComputeAtoms(s);
        var calc = new BispectrumCalculator(TwoElementSettings with { TwoJMax = 3 }, species, linearColumns: 6);
        var six = new double[s.AtomCount * 6];
        calc.Compute(s, six);
        for (int i = 0; i < s.AtomCount; i++)
            for (int c = 0; c < 6; c++) Assert.Equal(full[i * 55 + c], six[i * 6 + c], 1e-12 * Math.Abs(full[i * 55 + c]));
        var g = calc.ComputeWithGradients(s);
        var gFull = new BispectrumCalculator(TwoElementSettings with { TwoJMax = 8 }, species).ComputeWithGradients(s);
        for (int p = 0; p < g.PairCount; p++)
            for (int d = 0; d < 3; d++)
                for (int c = 0; c < 6; c++)
                    Assert.Equal(gFull.Derivatives[gFull.DerivativeOffset(p) + d * 55 + c], g.Derivatives[g.DerivativeOffset(p) + d * 6 + c], 1e-9);
    }

    [Fact]
    public void IsolatedAtomGivesZeroWithBzeroAndTwoJPlusOneWithout()
    {
        var atom = Molecule([74], Vec3.Zero);
        var species = SpeciesSet.FromSymbols(["W"]);
        var on = new BispectrumDescriptor(new BispectrumSettings { TwoJMax = 8 }, species).ComputeAtoms(atom);
        Assert.All(on, v => Assert.Equal(0, v, 12));
        var s = new BispectrumSettings { TwoJMax = 8, BZeroFlag = false };
        var off = new BispectrumDescriptor(s, species).ComputeAtoms(atom);
        var triples = new BispectrumCalculator(s, species).Triples;
        for (int c = 0; c < off.Length; c++) Assert.Equal(triples[c].J + 1, off[c], 12);
        var norm = new BispectrumDescriptor(s with { BNormFlag = true }, species).ComputeAtoms(atom);
        Assert.All(norm, v => Assert.Equal(1, v, 12));
    }

    [Fact]
    public void InvariantUnderRotationTranslationAndPermutation()
    {
        var s = TwoElements(3);
        var d = new BispectrumDescriptor(TwoElementSettings with { TwoJMax = 8 }, SpeciesSet.FromSymbols(["W", "Ta"]));
        var rows = d.ComputeAtoms(s);
        var moved = d.ComputeAtoms(RotateTranslate(s, 7, new Vec3(0.3, -1.2, 2.0)));
        double scale = rows.Max(Math.Abs);
        for (int k = 0; k < rows.Length; k++) Assert.Equal(rows[k], moved[k], 1e-10 * scale);
        int n = s.AtomCount, w = d.Labels.Count;
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var permuted = d.ComputeAtoms(Permute(s, order));
        for (int i = 0; i < n; i++)
        for (int c = 0; c < w; c++)
            Assert.Equal(rows[order[i] * w + c], permuted[i * w + c], 1e-12 * scale);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    public void GradientsEqualFiniteDifferences(bool quadratic, bool bnorm, bool noSwitch)
    {
        var s = TwoElements(11);
        var settings = TwoElementSettings with { QuadraticFlag = quadratic, BNormFlag = bnorm, SwitchFlag = !noSwitch, TwoJMax = 4 };
        var species = SpeciesSet.FromSymbols(["W", "Ta"]);
        var calc = new BispectrumCalculator(settings, species);
        var g = calc.ComputeWithGradients(s);
        int n = s.AtomCount, cols = calc.ColumnCount;
        Assert.Equal(new BispectrumDescriptor(settings, species).ComputeAtoms(s), g.Rows.ToArray());
        // A random linear functional E = Σ λ_ic B_ic: its analytic position gradient against central differences.
        var rng = new Random(5);
        var lambda = Enumerable.Range(0, n * cols).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var grad = new Vec3[n];
        g.AddPositionGradient(lambda, grad);
        // The adjoint route (one Y contraction per neighbour) gives the same gradient as the per-component tensors.
        var adjoint = new BispectrumCalculator(settings, species);
        var retained = new double[n * cols];
        adjoint.ComputeRetained(NeighborList.Build(s, adjoint.MaxCutoff).Pairs, species.IndicesOf(s), retained);
        Assert.Equal(g.Rows.ToArray(), retained);
        var viaY = new Vec3[n];
        adjoint.AddWeightedGradient(lambda, viaY);
        double scale = grad.Max(v => v.Length);
        for (int k = 0; k < n; k++)
            for (int axis = 0; axis < 3; axis++) Assert.Equal(grad[k][axis], viaY[k][axis], 1e-11 * scale);
        double E(Structure t)
        {
            var rows = new double[n * cols];
            new BispectrumCalculator(settings, species).Compute(t, rows);
            return rows.Select((v, k) => v * lambda[k]).Sum();
        }
        FiniteDifference.AssertGradient(s, E, grad, [0, 5, 13]);
    }

    [Fact]
    public void ParametersAreReadAndChecked()
    {
        var s = Parse(new Hashtable
        {
            ["twojmax"] = 8, ["rcutfac"] = 4.67637, ["rfac0"] = 0.99363, ["rmin0"] = 0, ["switchflag"] = 1, ["bzeroflag"] = 0,
            ["quadraticflag"] = true, ["bnormflag"] = false, ["wselfallflag"] = 1,
            ["radius"] = new Hashtable { ["Ta"] = 0.5 }, ["weight"] = new Hashtable { ["Ta"] = 1.0 },
        });
        Assert.Equal(8, s.TwoJMax);
        Assert.Equal(4.67637, s.RCutFac);
        Assert.False(s.BZeroFlag);
        Assert.True(s.QuadraticFlag);
        Assert.True(s.WSelfAllFlag);
        Assert.Equal(0.5, s.Radius!["Ta"]);
        Assert.Contains("twojmax", Assert.Throws<DescriptorParameterException>(() => Parse(new Hashtable { ["twojmax"] = 17 })).Message);
        Assert.Contains("rfac0", Assert.Throws<DescriptorParameterException>(() => Parse(new Hashtable { ["rfac0"] = 1.0 })).Message);
        Assert.Contains("radius", Assert.Throws<DescriptorParameterException>(() => Parse(new Hashtable { ["radius"] = new Hashtable { ["Xx"] = 1 } })).Message);
        Assert.Contains("valid keys: twojmax, rcutfac, rfac0, rmin0, switchflag", Assert.Throws<DescriptorParameterException>(() => Parse(new Hashtable { ["cutoff"] = 5 })).Message);
        var missing = Parse(new Hashtable { ["radius"] = new Hashtable { ["W"] = 2.0 } });
        Assert.Contains("no value for Ta", Assert.Throws<DescriptorParameterException>(() => missing.Create(SpeciesSet.FromSymbols(["W", "Ta"]))).Message);
    }
}
