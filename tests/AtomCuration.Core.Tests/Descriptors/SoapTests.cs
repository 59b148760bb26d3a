using AtomCuration.Descriptors;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

public class SoapTests
{
    /// <summary>A Ti/O cluster around atom 0, one neighbour beyond r_cut but inside the neighbour cutoff.</summary>
    private static Structure Cluster() => Molecule([22, 8, 22, 8, 22, 22],
        Vec3.Zero, new Vec3(1.9, 0.2, -0.1), new Vec3(-0.8, 2.6, 0.9), new Vec3(0.3, -1.2, -1.6),
        new Vec3(2.2, 2.4, 2.5), new Vec3(-3.1, -4.4, 2.0));

    [Theory]
    [InlineData(SoapRadialBasis.Gto, 8, 6)]
    [InlineData(SoapRadialBasis.Polynomial, 6, 5)]
    public void CoefficientsMatchBruteForceQuadrature(SoapRadialBasis rbf, int nmax, int lmax) => Oracle.Frozen(() => CoefficientsMatchBruteForceQuadratureCheck(rbf, nmax, lmax));

    [SkippableTheory]
    [Trait("Oracle", "scipy")]
    [InlineData(SoapRadialBasis.Gto, 8, 6)]
    [InlineData(SoapRadialBasis.Polynomial, 6, 5)]
    public void CoefficientsMatchBruteForceQuadrature_Live(SoapRadialBasis rbf, int nmax, int lmax) => Oracle.Live("", () => CoefficientsMatchBruteForceQuadratureCheck(rbf, nmax, lmax));

    private void CoefficientsMatchBruteForceQuadratureCheck(SoapRadialBasis rbf, int nmax, int lmax)
    {
        var s = Cluster();
        var settings = new SoapSettings { RCut = 5, Sigma = 0.5, NMax = nmax, LMax = lmax, Rbf = rbf };
        var species = SpeciesSet.FromStructure(s);
        var d = new SoapDescriptor(settings, species);
        var c = d.CoefficientsOf(s, 0);
        var input = new[]
        {
            new
            {
                positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
                species = s.AtomicNumbers.Select(species.IndexOf).ToArray(),
                nspecies = species.Count, rcut = 5.0, sigma = 0.5, nmax, lmax,
                rbf = rbf == SoapRadialBasis.Gto ? "gto" : "polynomial",
            },
        };
        using var doc = PythonOracle.Run("soap_projection.py", input);
        var expected = doc.RootElement[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double scale = expected.Max(Math.Abs);
        Assert.Equal(expected.Length, c.Length);
        for (int k = 0; k < c.Length; k++)
            Assert.True(Math.Abs(c[k] - expected[k]) <= 1e-6 * scale, $"c[{k}] = {c[k]:R}, quadrature {expected[k]:R}");
    }

    /// <summary>
    /// DScribe's own stored references (its authors' numerical projections) for a 27-atom H cluster:
    /// check the GTO and polynomial bases, their orthonormalisation and the real spherical harmonics
    /// convention (signs and normalisation of every m, l up to 20) against DScribe's definitions.
    /// </summary>
    [Theory]
    [InlineData("dscribe_gto_coefficients_1_20_2.0_0.1.npy", SoapRadialBasis.Gto)]
    [InlineData("dscribe_polynomial_coefficients_1_9_2.0_0.1.npy", SoapRadialBasis.Polynomial)]
    public void CoefficientsMatchDScribesStoredReference(string file, SoapRadialBasis rbf) => Oracle.Frozen(() => CoefficientsMatchDScribesStoredReferenceCheck(file, rbf));

    [SkippableTheory]
    [Trait("Oracle", "numpy")]
    [InlineData("dscribe_gto_coefficients_1_20_2.0_0.1.npy", SoapRadialBasis.Gto)]
    [InlineData("dscribe_polynomial_coefficients_1_9_2.0_0.1.npy", SoapRadialBasis.Polynomial)]
    public void CoefficientsMatchDScribesStoredReference_Live(string file, SoapRadialBasis rbf) => Oracle.Live("", () => CoefficientsMatchDScribesStoredReferenceCheck(file, rbf));

    private void CoefficientsMatchDScribesStoredReferenceCheck(string file, SoapRadialBasis rbf)
    {
        string npy = Path.Combine(RepoPaths.Root, "tests", "AtomCuration.Core.Tests", "Descriptors", "Data", file);
        using var doc = PythonOracle.Run("dscribe_reference_coefficients.py", null, npy);
        var root = doc.RootElement;
        var positions = root.GetProperty("positions").EnumerateArray()
            .Select(p => new Vec3(p[0].GetDouble(), p[1].GetDouble(), p[2].GetDouble())).ToArray();
        int lmax = root.GetProperty("lmax").GetInt32();
        var expected = root.GetProperty("coefficients").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var s = Molecule(Enumerable.Repeat(1, positions.Length).ToArray(), positions);
        var settings = new SoapSettings { RCut = 2.0, Sigma = 0.1, NMax = 1, LMax = lmax, Rbf = rbf };
        var c = new SoapDescriptor(settings, SpeciesSet.FromStructure(s)).CoefficientsOf(s, 13);
        Assert.Equal(expected.Length, c.Length);
        double scale = expected.Max(Math.Abs);
        // DScribe's quadrature ran with epsabs 1e-5, epsrel 1e-4.
        for (int k = 0; k < c.Length; k++)
            Assert.True(Math.Abs(c[k] - expected[k]) <= 1e-4 * scale, $"c[{k}] = {c[k]:R}, DScribe reference {expected[k]:R}");
    }

    private static double[] PowerSpectrumByHand(double[] c, int species, int nmax, int lmax, bool crossover)
    {
        int lm = (lmax + 1) * (lmax + 1);
        var p = new List<double>();
        for (int a = 0; a < species; a++)
        for (int b = a; b < species; b++)
        {
            if (!crossover && a != b) continue;
            for (int l = 0; l <= lmax; l++)
            for (int n = 0; n < nmax; n++)
            for (int n2 = a == b ? n : 0; n2 < nmax; n2++)
            {
                double sum = 0;
                for (int m = -l; m <= l; m++) sum += c[(a * nmax + n) * lm + l * l + l + m] * c[(b * nmax + n2) * lm + l * l + l + m];
                p.Add(Math.PI * Math.Sqrt(8.0 / (2 * l + 1)) * sum);
            }
        }
        return p.ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PowerSpectrumFollowsDScribeLayout(bool crossover)
    {
        var s = Cluster();
        var species = SpeciesSet.FromStructure(s);
        var settings = new SoapSettings { NMax = 3, LMax = 2, Compression = crossover ? SoapCompression.Off : SoapCompression.Crossover };
        var d = new SoapDescriptor(settings, species);
        Assert.Equal(crossover ? 2 * 3 * 6 + 3 * 9 : 2 * 3 * 6, d.Labels.Count);
        Assert.Equal("soap[O-O](n=0,n'=0,l=0)", d.Labels[0]);
        Assert.Equal("soap[O-O](n=0,n'=1,l=0)", d.Labels[1]);
        Assert.Equal("soap[O-O](n=0,n'=0,l=1)", d.Labels[6]);
        if (crossover) Assert.Equal("soap[O-Ti](n=1,n'=0,l=0)", d.Labels[18 + 3]);
        var rows = d.ComputeAtoms(s);
        int w = d.Labels.Count;
        for (int i = 0; i < s.AtomCount; i++)
            AssertClose(PowerSpectrumByHand(d.CoefficientsOf(s, i), 2, 3, 2, crossover), rows.AsSpan(i * w, w), 1e-14, $"atom {i}");
    }

    [Fact]
    public void InnerAverageIsThePowerSpectrumOfMeanCoefficients()
    {
        var s = WithSpecies(HcpTi36(12), i => i % 5 == 0 ? 8 : 22);
        var species = SpeciesSet.FromStructure(s);
        var d = new SoapDescriptor(new SoapSettings { NMax = 4, LMax = 3, Average = SoapAverage.Inner }, species);
        Assert.True(d.OwnsAggregation);
        var mean = new double[2 * 4 * 16];
        for (int i = 0; i < s.AtomCount; i++)
        {
            var c = d.CoefficientsOf(s, i);
            for (int k = 0; k < mean.Length; k++) mean[k] += c[k] / s.AtomCount;
        }
        AssertClose(PowerSpectrumByHand(mean, 2, 4, 3, true), d.ComputeStructure(s), 1e-13, "inner");
        var options = DescriptorOptions.Create([DescriptorKind.Soap], new System.Collections.Hashtable { ["nmax"] = 4, ["lmax"] = 3, ["average"] = "inner" });
        var attached = DescriptorCalculator.Attach([s], options).Single();
        AssertClose(d.ComputeStructure(s), attached.Descriptor!.Value.AsSpan(), 1e-15, "attached");
    }

    [Theory]
    [InlineData(SoapRadialBasis.Gto, "hcp Ti 36")]
    [InlineData(SoapRadialBasis.Gto, "binary")]
    [InlineData(SoapRadialBasis.Polynomial, "binary")]
    public void InvariantToRotationTranslationPermutationAndSupercell(SoapRadialBasis rbf, string name)
    {
        var s = name == "binary" ? WithSpecies(HcpTi36(21), i => i % 4 == 1 ? 8 : 22) : HcpTi36(20);
        var settings = rbf == SoapRadialBasis.Gto ? new SoapSettings() : new SoapSettings { Rbf = rbf, NMax = 4, LMax = 4, RCut = 4 };
        var d = new SoapDescriptor(settings, SpeciesSet.FromSymbols(["Ti", "O"]));
        int w = d.Labels.Count;
        var rows = d.ComputeAtoms(s);
        AssertClose(rows, d.ComputeAtoms(RotateTranslate(s, 17, new Vec3(-3, 0.5, 9))), 1e-10, "rotated");
        var order = Shuffled(s.AtomCount, 2);
        var permuted = d.ComputeAtoms(Permute(s, order));
        for (int k = 0; k < s.AtomCount; k++) AssertClose(rows.AsSpan(order[k] * w, w), permuted.AsSpan(k * w, w), 1e-10, "permuted");
        var super = d.ComputeAtoms(Supercell(s, 2, 2, 2));
        for (int k = 0; k < super.Length / w; k++) AssertClose(rows.AsSpan(k % s.AtomCount * w, w), super.AsSpan(k * w, w), 1e-10, "supercell");
    }

    [Fact]
    public void PolynomialTableInterpolatesTheQuadrature()
    {
        var radial = new PolynomialRadial(new SoapSettings { Rbf = SoapRadialBasis.Polynomial });
        var rng = new Random(1);
        var outputs = new System.Runtime.Intrinsics.Vector256<double>[7 * 8];
        var direct = new double[7 * 8];
        for (int t = 0; t < 50; t++)
        {
            double r = 0.8 + 6 * rng.NextDouble();
            radial.Evaluate(System.Runtime.Intrinsics.Vector256.Create(r * r), outputs, new System.Runtime.Intrinsics.Vector256<double>[8]);
            radial.Quadrature(r, direct);
            double scale = direct.Max(Math.Abs);
            for (int k = 0; k < direct.Length; k++)
                Assert.True(Math.Abs(outputs[k][0] - direct[k]) <= 1e-9 * scale, $"r={r}, k={k}: {outputs[k][0]:R} vs {direct[k]:R}");
        }
    }

    [Fact]
    public void ScaledBesselBranchesAgreeAtTheThreshold()
    {
        Span<double> viaRecurrence = stackalloc double[9];
        for (int lmax = 0; lmax <= 8; lmax++)
        {
            double x = ScaledSphericalBessel.Threshold(lmax) * 1.0001;
            ScaledSphericalBessel.Evaluate(x, viaRecurrence[..(lmax + 1)]);
            for (int l = 0; l <= lmax; l++)
            {
                double series = ScaledSphericalBessel.Series(l, x);
                Assert.True(Math.Abs(series - viaRecurrence[l]) <= 1e-12 * series, $"l={l}, x={x}: {series:R} vs {viaRecurrence[l]:R}");
            }
        }
    }
}
