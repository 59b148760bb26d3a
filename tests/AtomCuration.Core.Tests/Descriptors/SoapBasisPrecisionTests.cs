using AtomCuration.Descriptors;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.Descriptors.TestStructures;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// The radial bases' Löwdin weights β = S^(−1/2) and the l = 0 power spectrum against 60-digit mpmath
/// (tests/oracles/mpmath_soap.py). The overlaps are ill-conditioned (up to 10¹⁶ here), so these would
/// fail for any double-precision S^(−1/2): DScribe's own β deviate from the same oracle by up to 5·10⁻⁷
/// (GTO n_max 10, r_cut 3.5) and 6·10⁻⁶ (polynomial n_max 8, r_cut 6).
/// </summary>
public class SoapBasisPrecisionTests
{
    private const double Tolerance = 1e-13;

    /// <summary>
    /// c_n = Σ_k β_nk w_k sums terms far larger than the result (|β| grows with cond(S)), so the spectrum
    /// keeps fewer digits than β: observed 6.7·10⁻¹² of the largest entry at cond 7·10¹⁰.
    /// </summary>
    private const double SpectrumTolerance = 2e-11;

    /// <summary>The last three sit at the edge of what is accepted (scaled condition near 10²²), where ten digits are promised.</summary>
    [Theory]
    [InlineData(5.0, 8, 6, Tolerance)]
    [InlineData(3.5, 10, 9, Tolerance)]
    [InlineData(6.0, 12, 4, Tolerance)]
    [InlineData(3.0, 17, 9, 1e-11)]
    [InlineData(1.5, 10, 9, 1e-11)]
    [InlineData(6.0, 20, 6, 1e-11)]
    public void GtoWeightsAreExact(double rcut, int nmax, int lmax, double tolerance) => Oracle.Frozen(() => GtoWeightsAreExactCheck(rcut, nmax, lmax, tolerance));

    [SkippableTheory]
    [Trait("Oracle", "mpmath")]
    [InlineData(5.0, 8, 6, Tolerance)]
    [InlineData(3.5, 10, 9, Tolerance)]
    [InlineData(6.0, 12, 4, Tolerance)]
    [InlineData(3.0, 17, 9, 1e-11)]
    [InlineData(1.5, 10, 9, 1e-11)]
    [InlineData(6.0, 20, 6, 1e-11)]
    public void GtoWeightsAreExact_Live(double rcut, int nmax, int lmax, double tolerance) => Oracle.Live("", () => GtoWeightsAreExactCheck(rcut, nmax, lmax, tolerance));

    private void GtoWeightsAreExactCheck(double rcut, int nmax, int lmax, double tolerance)
    {
        var basis = new GtoRadialBasis(rcut, nmax, lmax, 0.5);
        using var doc = PythonOracle.Run("mpmath_soap.py", new { kind = "gto_beta", rcut, nmax, lmax });
        var exact = doc.RootElement.GetProperty("beta");
        for (int l = 0; l <= lmax; l++)
        {
            var rows = exact[l];
            AssertClose(nmax, (n, k) => rows[n][k].GetDouble(), (n, k) => basis.Beta[(l * nmax + n) * nmax + k], tolerance, $"l = {l}");
        }
    }

    /// <summary>Past the limit the basis is refused, naming nmax, instead of being returned with fewer digits (DScribe returns it).</summary>
    [Theory]
    [InlineData(3.0, 20)]
    [InlineData(1.2, 10)]
    [InlineData(1.0, 2)]
    public void TooIllConditionedBasesAreRefused(double rcut, int nmax)
    {
        var e = Assert.Throws<DescriptorParameterException>(() =>
            DescriptorOptions.Create([DescriptorKind.Soap], new System.Collections.Hashtable { ["rcut"] = rcut, ["nmax"] = nmax, ["lmax"] = 9 }));
        Assert.Equal("nmax", e.ParamName);
        Assert.Contains("linearly dependent", e.Message);
    }

    [Theory]
    [InlineData(5.0, 6)]
    [InlineData(6.0, 8)]
    [InlineData(4.0, 12)]
    public void PolynomialWeightsAreExact(double rcut, int nmax) => Oracle.Frozen(() => PolynomialWeightsAreExactCheck(rcut, nmax));

    [SkippableTheory]
    [Trait("Oracle", "mpmath")]
    [InlineData(5.0, 6)]
    [InlineData(6.0, 8)]
    [InlineData(4.0, 12)]
    public void PolynomialWeightsAreExact_Live(double rcut, int nmax) => Oracle.Live("", () => PolynomialWeightsAreExactCheck(rcut, nmax));

    private void PolynomialWeightsAreExactCheck(double rcut, int nmax)
    {
        var radial = new PolynomialRadial(new SoapSettings { Rbf = SoapRadialBasis.Polynomial, RCut = rcut, NMax = nmax, LMax = 2 });
        using var doc = PythonOracle.Run("mpmath_soap.py", new { kind = "poly_beta", rcut, nmax });
        var exact = doc.RootElement.GetProperty("beta");
        AssertClose(nmax, (n, a) => exact[n][a].GetDouble(), (n, a) => radial.Beta[n, a], Tolerance, "polynomial");
    }

    /// <summary>The whole l = 0 block of an ill-conditioned setting (n_max 10, r_cut 3.5, σ 0.3) on a three-species cluster.</summary>
    [Fact]
    public void LZeroPowerSpectrumIsExact() => Oracle.Frozen(LZeroPowerSpectrumIsExactCheck);

    [SkippableFact]
    [Trait("Oracle", "mpmath")]
    public void LZeroPowerSpectrumIsExact_Live() => Oracle.Live("", LZeroPowerSpectrumIsExactCheck);

    private void LZeroPowerSpectrumIsExactCheck()
    {
        var s = Molecule([6, 6, 8, 1, 1, 1, 1, 1, 1],
            Vec3.Zero, new Vec3(1.52, 0.05, -0.02), new Vec3(2.05, 1.31, 0.1), new Vec3(-0.4, 1.02, 0.03),
            new Vec3(-0.37, -0.52, 0.88), new Vec3(-0.35, -0.49, -0.91), new Vec3(1.9, -0.5, 0.87),
            new Vec3(1.88, -0.47, -0.9), new Vec3(2.98, 1.22, 0.12));
        const int nmax = 10;
        var species = SpeciesSet.FromStructure(s);
        var d = new SoapDescriptor(new SoapSettings { RCut = 3.5, Sigma = 0.3, NMax = nmax, LMax = 2 }, species);
        var row = d.ComputeAtoms(s).AsSpan(0, d.Labels.Count).ToArray();
        using var doc = PythonOracle.Run("mpmath_soap.py", new
        {
            kind = "gto_l0", rcut = 3.5, nmax, sigma = 0.3,
            positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
            species = s.AtomicNumbers.Select(species.IndexOf).ToArray(), nspecies = species.Count,
        });
        var p = doc.RootElement.GetProperty("p");
        double scale = row.Max(Math.Abs);
        int checkedEntries = 0;
        double worst = 0;
        string worstLabel = "";
        for (int a = 0; a < species.Count; a++)
        for (int b = a; b < species.Count; b++)
        for (int n = 0; n < nmax; n++)
        for (int m = a == b ? n : 0; m < nmax; m++)
        {
            string label = $"soap[{species.Symbols[a]}-{species.Symbols[b]}](n={n},n'={m},l=0)";
            double ours = row[d.Labels.ToList().IndexOf(label)];
            double exact = p[a * species.Count + b][n][m].GetDouble();
            if (Math.Abs(ours - exact) / scale > worst) (worst, worstLabel) = (Math.Abs(ours - exact) / scale, $"{label}: {ours:R}, exact {exact:R}");
            checkedEntries++;
        }
        Assert.Equal(3 * 55 + 3 * 100, checkedEntries);
        Assert.True(worst <= SpectrumTolerance, $"{worstLabel}: {worst:E2} of the largest entry {scale:R}");
    }

    private static void AssertClose(int n, Func<int, int, double> exact, Func<int, int, double> actual, double tolerance, string what)
    {
        double scale = 0, worst = 0;
        (int I, int J) at = (0, 0);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scale = Math.Max(scale, Math.Abs(exact(i, j)));
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (Math.Abs(actual(i, j) - exact(i, j)) > worst) (worst, at) = (Math.Abs(actual(i, j) - exact(i, j)), (i, j));
        Assert.True(worst <= tolerance * scale,
            $"{what}: β[{at.I},{at.J}] = {actual(at.I, at.J):R}, exact {exact(at.I, at.J):R}: {worst / scale:E2} of the largest {scale:R}");
    }
}
