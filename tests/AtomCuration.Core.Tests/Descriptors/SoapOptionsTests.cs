using System.Collections;
using AtomCuration.Descriptors;
using AtomCuration.Structures;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// SOAP's weighting and compression options: how they are read and rejected, and the identities they must
/// satisfy (the numbers themselves are checked against DScribe in <see cref="SoapDScribeTests"/>).
/// </summary>
public class SoapOptionsTests
{
    private static SoapSettings Parse(Hashtable parameters) =>
        (SoapSettings)Assert.Single(DescriptorOptions.Create([DescriptorKind.Soap], parameters).Blocks).Settings;

    private static Hashtable Pow(double d = 1, double m = 4) => new() { ["function"] = "Pow", ["r0"] = 2, ["c"] = 1, ["d"] = d, ["m"] = m };

    public static TheoryData<string, Hashtable, string> Rejected() => new()
    {
        { "weighting not a dictionary", new() { ["weighting"] = 3 }, "weighting" },
        { "empty weighting", new() { ["weighting"] = new Hashtable() }, "weighting.function" },
        { "unknown function", new() { ["weighting"] = new Hashtable { ["function"] = "Gauss", ["r0"] = 1 } }, "weighting.function" },
        { "function given by number", new() { ["weighting"] = new Hashtable { ["function"] = 1, ["r0"] = 1 } }, "weighting.function" },
        { "missing r0", new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["c"] = 1, ["m"] = 2 } }, "weighting.r0" },
        { "r0 zero", new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = 0, ["c"] = 1, ["m"] = 2 } }, "weighting.r0" },
        { "negative c", new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = 4, ["c"] = -1, ["m"] = 2 } }, "weighting.c" },
        { "d given to Poly", new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = 4, ["c"] = 1, ["m"] = 2, ["d"] = 1 } }, "weighting.d" },
        { "threshold given to Poly", new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = 4, ["c"] = 1, ["m"] = 2, ["threshold"] = 0.1 } }, "weighting.threshold" },
        { "m given to Exp", new() { ["weighting"] = new Hashtable { ["function"] = "Exp", ["r0"] = 1, ["c"] = 1, ["d"] = 0.1, ["m"] = 2 } }, "weighting.m" },
        { "r0 given without function", new() { ["weighting"] = new Hashtable { ["w0"] = 0.5, ["r0"] = 1 } }, "weighting.r0" },
        { "negative w0", new() { ["weighting"] = new Hashtable { ["w0"] = -1 } }, "weighting.w0" },
        { "Pow d = 0 without w0 (infinite centre weight)", new() { ["weighting"] = Pow(d: 0) }, "weighting.d" },
        { "Pow m = 0: no finite inferred r_cut", new() { ["weighting"] = Pow(m: 0) }, "weighting" },
        { "Exp inferred r_cut below 1 Å", new() { ["weighting"] = new Hashtable { ["function"] = "Exp", ["r0"] = 1, ["c"] = 0.02, ["d"] = 0.5 } }, "weighting" },
        { "zero threshold", new() { ["weighting"] = new Hashtable { ["function"] = "Exp", ["r0"] = 1, ["c"] = 1, ["d"] = 0.5, ["threshold"] = 0 } }, "weighting.threshold" },
        { "unknown compression", new() { ["compression"] = "Mu3" }, "compression" },
        { "compression by number", new() { ["compression"] = "2" }, "compression" },
        { "compression as a combination", new() { ["compression"] = "Off, Crossover" }, "compression" },
        { "crossover false with Mu2", new() { ["crossover"] = false, ["compression"] = "Mu2" }, "crossover" },
        { "crossover true with Crossover", new() { ["crossover"] = true, ["compression"] = "Crossover" }, "crossover" },
        { "speciesWeighting not a dictionary", new() { ["speciesWeighting"] = 2 }, "speciesWeighting" },
        { "speciesWeighting of a non-element", new() { ["speciesWeighting"] = new Hashtable { ["Xx"] = 1 } }, "speciesWeighting" },
        { "negative species weight", new() { ["speciesWeighting"] = new Hashtable { ["Ti"] = -1 } }, "speciesWeighting.Ti" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void RejectsInvalidWeightingAndCompression(string why, Hashtable parameters, string parameter)
    {
        var e = Assert.Throws<DescriptorParameterException>(() => Parse(parameters));
        Assert.True(e.ParamName == parameter, $"{why}: blamed '{e.ParamName}', expected '{parameter}' ({e.Message})");
        Assert.Contains($"'{parameter}'", e.Message);
    }

    [Fact]
    public void MessagesStateTheValidRangeOrChoices()
    {
        Assert.Contains("(0, ∞)", Assert.Throws<DescriptorParameterException>(() =>
            Parse(new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = -2, ["c"] = 1, ["m"] = 2 } })).Message);
        Assert.Contains("Off, Crossover, Mu2, Mu1Nu1", Assert.Throws<DescriptorParameterException>(() => Parse(new() { ["compression"] = "mu3" })).Message);
        Assert.Contains("Poly, Pow, Exp", Assert.Throws<DescriptorParameterException>(() =>
            Parse(new() { ["weighting"] = new Hashtable { ["function"] = "gauss" } })).Message);
        var unused = Assert.Throws<DescriptorParameterException>(() =>
            Parse(new() { ["weighting"] = new Hashtable { ["function"] = "Poly", ["r0"] = 4, ["c"] = 1, ["m"] = 2, ["d"] = 1 } }));
        Assert.Contains("Soap.weighting.d: is not a parameter of function Poly; it takes r0, c, m, w0", unused.Message);
        Assert.Contains("[1, 20]", Assert.Throws<DescriptorParameterException>(() => Parse(new() { ["weighting"] = Pow(m: 0) })).Message);
    }

    [Fact]
    public void SpeciesWeightsMustNameEverySpeciesAndNoOther()
    {
        var s = WithSpecies(Hcp(), i => i == 0 ? 8 : 22);
        var missing = DescriptorOptions.Create([DescriptorKind.Soap], new Hashtable { ["nmax"] = 2, ["lmax"] = 1, ["speciesWeighting"] = new Hashtable { ["Ti"] = 1 } });
        var e = Assert.Throws<DescriptorParameterException>(() => DescriptorCalculator.Attach([s], missing).ToList());
        Assert.Equal("speciesWeighting", e.ParamName);
        Assert.Contains("no weight for O", e.Message);
        var extra = DescriptorOptions.Create([DescriptorKind.Soap],
            new Hashtable { ["nmax"] = 2, ["lmax"] = 1, ["speciesWeighting"] = new Hashtable { ["Ti"] = 1, ["O"] = 2, ["Al"] = 1 } });
        Assert.Contains("Al", Assert.Throws<DescriptorParameterException>(() => DescriptorCalculator.Attach([s], extra).ToList()).Message);
        // Symbols in any case, as everywhere else.
        var lower = DescriptorOptions.Create([DescriptorKind.Soap], new Hashtable { ["nmax"] = 2, ["lmax"] = 1, ["speciesWeighting"] = new Hashtable { ["ti"] = 1, ["o"] = 2 } });
        var proper = DescriptorOptions.Create([DescriptorKind.Soap], new Hashtable { ["nmax"] = 2, ["lmax"] = 1, ["speciesWeighting"] = new Hashtable { ["Ti"] = 1, ["O"] = 2 } });
        Assert.Equal(DescriptorCalculator.Attach([s], proper).Single().Descriptor!.Value.ToArray(),
            DescriptorCalculator.Attach([s], lower).Single().Descriptor!.Value.ToArray());
    }

    [Fact]
    public void RCutIsInferredFromTheWeightingUnlessGiven()
    {
        var poly = new Hashtable { ["function"] = "poly", ["r0"] = 4.5, ["c"] = 1, ["m"] = 2 };
        Assert.Equal(4.5, Parse(new() { ["weighting"] = poly }).RCut);
        Assert.Equal(3.0, Parse(new() { ["weighting"] = poly, ["rcut"] = 3 }).RCut);
        Assert.Equal(2 * Math.Pow(100 - 1, 0.25), Parse(new() { ["weighting"] = Pow() }).RCut, 14);
        var exp = new Hashtable { ["function"] = "Exp", ["r0"] = 1.5, ["c"] = 1, ["d"] = 0.5, ["threshold"] = 0.05 };
        Assert.Equal(1.5 * Math.Log(1 / 0.05 - 0.5), Parse(new() { ["weighting"] = exp }).RCut, 14);
        Assert.Equal(5.0, Parse(new() { ["weighting"] = new Hashtable { ["w0"] = 0 } }).RCut);
        var w = Parse(new() { ["weighting"] = new Hashtable { ["w0"] = "0.25" } }).Weighting!;
        Assert.Null(w.Function);
        Assert.Equal(0.25, w.Evaluate(0));
        Assert.Equal(1.0, w.Evaluate(3));
    }

    [Fact]
    public void CrossoverFlagIsCompressionCrossover()
    {
        Assert.Equal(SoapCompression.Crossover, Parse(new() { ["crossover"] = false }).Compression);
        Assert.Equal(SoapCompression.Off, Parse(new() { ["crossover"] = true }).Compression);
        Assert.Equal(SoapCompression.Crossover, Parse(new() { ["crossover"] = false, ["compression"] = "crossover" }).Compression);
        Assert.Equal(SoapCompression.Off, Parse(new() { ["crossover"] = true, ["compression"] = "Off" }).Compression);
        Assert.Equal(SoapCompression.Mu1Nu1, Parse(new() { ["compression"] = "mu1nu1" }).Compression);
        var byFlag = Parse(new() { ["crossover"] = false });
        Assert.Equal(byFlag with { Crossover = null, Compression = byFlag.Compression }, Parse(new() { ["compression"] = "Crossover" }));
    }

    [Fact]
    public void YamlGivesTheSameSettingsAsAHashtable()
    {
        var yaml = DescriptorYaml.Parse("""
            Soap:
              nmax: 4
              lmax: 3
              compression: Mu1Nu1
              speciesWeighting: { Ti: 1.5, O: 0.5 }
              weighting:
                function: pow
                r0: 2
                c: 1
                d: 1
                m: 4
                w0: 0
            """);
        var fromYaml = (SoapSettings)Assert.Single(DescriptorOptions.FromDictionary(yaml).Blocks).Settings;
        var fromTable = Parse(new()
        {
            ["nmax"] = 4, ["lmax"] = 3, ["compression"] = "Mu1Nu1", ["speciesWeighting"] = new Hashtable { ["Ti"] = 1.5, ["O"] = 0.5 },
            ["weighting"] = new Hashtable { ["function"] = "Pow", ["r0"] = 2, ["c"] = 1, ["d"] = 1, ["m"] = 4, ["w0"] = 0 },
        });
        Assert.Equal(fromTable.Weighting, fromYaml.Weighting);
        Assert.Equal(fromTable.RCut, fromYaml.RCut);
        Assert.Equal(fromTable.SpeciesWeights!.OrderBy(e => e.Key), fromYaml.SpeciesWeights!.OrderBy(e => e.Key));
        Assert.Equal(fromTable with { SpeciesWeights = null }, fromYaml with { SpeciesWeights = null });
    }

    /// <summary>A constant weight w scales every coefficient by w and so every power-spectrum entry by w².</summary>
    [Theory]
    [InlineData(SoapRadialBasis.Gto)]
    [InlineData(SoapRadialBasis.Polynomial)]
    public void ConstantWeightScalesThePowerSpectrumBySquare(SoapRadialBasis rbf)
    {
        var s = WithSpecies(HcpTi36(3), i => i % 3 == 0 ? 8 : 22);
        var species = SpeciesSet.FromStructure(s);
        var plain = new SoapSettings { Rbf = rbf, RCut = 4, NMax = 4, LMax = 3 };
        // Pow with m = 0 is the constant c / (d + 1) = 1.5 everywhere, the centre included.
        var weighted = plain with { Weighting = new SoapWeighting { Function = SoapWeightingFunction.Pow, R0 = 1, C = 3, D = 1, M = 0 } };
        var expected = new SoapDescriptor(plain, species).ComputeAtoms(s);
        TensorScale(expected, 1.5 * 1.5);
        AssertClose(expected, new SoapDescriptor(weighted, species).ComputeAtoms(s), 1e-13 * expected.Max(Math.Abs), rbf.ToString());
    }

    /// <summary>w0 = 0 removes exactly the centre's own Gaussian: the coefficients of the same atom standing alone.</summary>
    [Theory]
    [InlineData(SoapRadialBasis.Gto)]
    [InlineData(SoapRadialBasis.Polynomial)]
    public void W0ZeroRemovesTheCentresOwnGaussian(SoapRadialBasis rbf)
    {
        var s = Cluster();
        var species = SpeciesSet.FromStructure(s);
        var plain = new SoapSettings { Rbf = rbf, NMax = 3, LMax = 2 };
        var c = new SoapDescriptor(plain, species).CoefficientsOf(s, 0);
        var hidden = new SoapDescriptor(plain with { Weighting = new SoapWeighting { W0 = 0 } }, species).CoefficientsOf(s, 0);
        var alone = new SoapDescriptor(plain, species).CoefficientsOf(Molecule([22], Vec3.Zero), 0);
        Assert.Equal(3, alone.Count(v => v != 0)); // Ti, l = 0, every n
        double scale = c.Max(Math.Abs);
        for (int k = 0; k < c.Length; k++)
            Assert.True(Math.Abs(hidden[k] - (c[k] - alone[k])) <= 1e-14 * scale, $"c[{k}] = {hidden[k]:R}, expected {c[k] - alone[k]:R}");
    }

    [Theory]
    [InlineData(SoapRadialBasis.Gto)]
    [InlineData(SoapRadialBasis.Polynomial)]
    public void Mu2IsTheSpeciesWeightedSumOfAllBlocks(SoapRadialBasis rbf)
    {
        var s = Cluster();
        var species = SpeciesSet.FromStructure(s); // O, Ti
        double[] w = [0.7, 1.9];
        var off = new SoapDescriptor(new SoapSettings { Rbf = rbf, NMax = 3, LMax = 2 }, species);
        var mu2 = new SoapDescriptor(new SoapSettings
        {
            Rbf = rbf, NMax = 3, LMax = 2, Compression = SoapCompression.Mu2,
            SpeciesWeights = new Dictionary<string, double> { ["O"] = w[0], ["Ti"] = w[1] },
        }, species);
        Assert.Equal(3 * 6, mu2.Labels.Count);
        Assert.Equal("soap[all-all](n=0,n'=0,l=0)", mu2.Labels[0]);
        Assert.Equal("soap[all-all](n=1,n'=2,l=2)", mu2.Labels[^2]);
        var p = off.ComputeAtoms(s);
        var q = mu2.ComputeAtoms(s);
        int width = off.Labels.Count;
        var index = off.Labels.Select((label, k) => (label, k)).ToDictionary(e => e.label, e => e.k);
        double P(int atom, string a, string b, int n, int n2, int l) =>
            a == b && n2 < n ? P(atom, a, b, n2, n, l)
            : string.CompareOrdinal(a, b) > 0 ? P(atom, b, a, n2, n, l)
            : p[atom * width + index[$"soap[{a}-{b}](n={n},n'={n2},l={l})"]];
        string[] z = ["O", "Ti"];
        for (int atom = 0; atom < s.AtomCount; atom++)
        {
            int col = 0;
            for (int l = 0; l <= 2; l++)
            for (int n = 0; n < 3; n++)
            for (int n2 = n; n2 < 3; n2++)
            {
                double expected = 0;
                for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++)
                    expected += w[a] * w[b] * P(atom, z[a], z[b], n, n2, l);
                Assert.True(Math.Abs(q[atom * 18 + col] - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"atom {atom} column {col}");
                col++;
            }
        }
    }

    [Fact]
    public void Mu1Nu1PairsEachSpeciesWithTheSumOverSpecies()
    {
        var s = Cluster();
        var species = SpeciesSet.FromStructure(s); // O, Ti
        var settings = new SoapSettings { NMax = 3, LMax = 2, Compression = SoapCompression.Mu1Nu1 };
        var d = new SoapDescriptor(settings, species);
        Assert.Equal(2 * 3 * 3 * 3, d.Labels.Count);
        Assert.Equal("soap[O-all](n=0,n'=0,l=0)", d.Labels[0]);
        Assert.Equal("soap[O-all](n=1,n'=0,l=0)", d.Labels[3]);
        Assert.Equal("soap[Ti-all](n=0,n'=0,l=0)", d.Labels[27]);
        var rows = d.ComputeAtoms(s);
        const int lm = 9, width = 54;
        for (int i = 0; i < s.AtomCount; i++)
        {
            var c = d.CoefficientsOf(s, i);
            int col = 0;
            for (int a = 0; a < 2; a++)
            for (int l = 0; l <= 2; l++)
            for (int n = 0; n < 3; n++)
            for (int n2 = 0; n2 < 3; n2++)
            {
                double sum = 0;
                for (int m = l * l; m < (l + 1) * (l + 1); m++)
                    sum += c[(a * 3 + n) * lm + m] * (c[n2 * lm + m] + c[(3 + n2) * lm + m]);
                double expected = Math.PI * Math.Sqrt(8.0 / (2 * l + 1)) * sum;
                Assert.True(Math.Abs(rows[i * width + col] - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"atom {i} column {col}");
                col++;
            }
        }
    }

    /// <summary>A Ti/O cluster around atom 0 (Ti).</summary>
    private static Structure Cluster() => Molecule([22, 8, 22, 8, 22, 22],
        Vec3.Zero, new Vec3(1.9, 0.2, -0.1), new Vec3(-0.8, 2.6, 0.9), new Vec3(0.3, -1.2, -1.6),
        new Vec3(2.2, 2.4, 2.5), new Vec3(-3.1, -4.4, 2.0));

    private static void TensorScale(double[] values, double factor)
    {
        for (int k = 0; k < values.Length; k++) values[k] *= factor;
    }

    [Fact]
    public void SettingsBuiltInCodeWithAnInfiniteCentreWeightAreRefused()
    {
        var settings = new SoapSettings { Weighting = new SoapWeighting { Function = SoapWeightingFunction.Pow, R0 = 1, C = 1, D = 0, M = 2 } };
        Assert.Throws<ArgumentException>(() => new SoapDescriptor(settings, SpeciesSet.FromSymbols(["Ti"])));
        var fixedByW0 = settings with { Weighting = settings.Weighting! with { W0 = 1 } };
        Assert.NotNull(new SoapDescriptor(fixedByW0, SpeciesSet.FromSymbols(["Ti"])));
    }
}
