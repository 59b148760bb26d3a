using AtomCuration.Common;
using MathNet.Numerics;

namespace AtomCuration.Tests.Common;

public class ErrorFunctionTests
{
    [Fact]
    public void ErfIsMathNetsBitForBit()
    {
        // Every range of the approximation, both signs, the tiny-argument branch and the saturated tail.
        var rng = new Random(17);
        for (int t = 0; t < 200_000; t++)
        {
            double x = t switch
            {
                < 100_000 => 12 * rng.NextDouble() - 6,
                < 150_000 => 240 * rng.NextDouble() - 120,
                _ => (rng.NextDouble() - 0.5) * Math.Pow(10, -12 * rng.NextDouble()),
            };
            Assert.Equal(BitConverter.DoubleToInt64Bits(SpecialFunctions.Erf(x)), BitConverter.DoubleToInt64Bits(ErrorFunction.Erf(x)));
        }
        foreach (double x in new[] { 0.0, -0.0, 0.5, 0.75, 1.25, 2.25, 3.5, 5.25, 8, 11.5, 17, 24, 38, 60, 85, 110, 1e-10, double.PositiveInfinity, double.NegativeInfinity })
            Assert.Equal(BitConverter.DoubleToInt64Bits(SpecialFunctions.Erf(x)), BitConverter.DoubleToInt64Bits(ErrorFunction.Erf(x)));
        Assert.True(double.IsNaN(ErrorFunction.Erf(double.NaN)));
    }
}
