using AtomCuration.Plotting;

namespace AtomCuration.Tests.PowerShell;

/// <summary>The violins' density: Silverman's bandwidth (eq. 3.31) and a normalised Gaussian kernel sum.</summary>
public class KernelDensityTests
{
    [Fact]
    public void BandwidthTakesTheInterquartileSpreadWhenItIsSmallerSoAnOutlierDoesNotWidenIt()
    {
        // 1..5: σ̂ = √2.5 ≈ 1.58, IQR = 4 − 2 = 2, IQR/1.34 ≈ 1.49 is the smaller; 100 instead of 5 leaves the IQR alone.
        double expected = 0.9 * (2 / 1.34) * Math.Pow(5, -0.2);
        Assert.Equal(expected, KernelDensity.SilvermanBandwidth([1, 2, 3, 4, 5]), 12);
        Assert.Equal(expected, KernelDensity.SilvermanBandwidth([1, 2, 3, 100, 4]), 12);
    }

    [Fact]
    public void BandwidthTakesTheStandardDeviationWhenItIsSmaller()
    {
        // 0, 0, 1, 1: σ̂ = √(1/3) ≈ 0.577, IQR = 1 − 0 (quartiles at 0 and 1), /1.34 ≈ 0.746.
        Assert.Equal(0.9 * Math.Sqrt(1.0 / 3) * Math.Pow(4, -0.2), KernelDensity.SilvermanBandwidth([0, 0, 1, 1]), 12);
    }

    [Fact]
    public void ASampleWithoutSpreadFallsBackLikeRsBwNrd0()
    {
        Assert.Equal(0.9 * 3 * Math.Pow(3, -0.2), KernelDensity.SilvermanBandwidth([3, 3, 3]), 12);
        Assert.Equal(0.9, KernelDensity.SilvermanBandwidth([0]), 12);
    }

    [Fact]
    public void OneValueGivesTheNormalDensityAndAnySampleIntegratesToOne()
    {
        // φ(1)/h with h = 0.5 one bandwidth away from the only value.
        double[] one = KernelDensity.Evaluate([0.0], 0.5, [0.5, 0.0]);
        Assert.Equal(Math.Exp(-0.5) / Math.Sqrt(2 * Math.PI) / 0.5, one[0], 12);
        Assert.Equal(1 / Math.Sqrt(2 * Math.PI) / 0.5, one[1], 12);

        double[] sample = [0.3, 1.1, 1.4, 2.0, 2.2, 2.9, 3.5, 7.0];
        double h = KernelDensity.SilvermanBandwidth(sample);
        const int n = 4001;
        var at = new double[n];
        for (int i = 0; i < n; i++) at[i] = -10 + 30.0 * i / (n - 1);
        double[] f = KernelDensity.Evaluate(sample, h, at);
        double integral = 0;
        for (int i = 1; i < n; i++) integral += 0.5 * (f[i] + f[i - 1]) * (at[i] - at[i - 1]);
        Assert.Equal(1, integral, 6);
    }
}
