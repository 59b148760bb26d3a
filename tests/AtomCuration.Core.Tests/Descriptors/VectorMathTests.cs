using System.Runtime.Intrinsics;
using AtomCuration.Descriptors;

namespace AtomCuration.Tests.Descriptors;

public class VectorMathTests
{
    [Fact]
    public void ExpMatchesMathExpToAFewUlp()
    {
        var rng = new Random(3);
        for (int t = 0; t < 20000; t++)
        {
            double x = t < 10000 ? -50 * rng.NextDouble() : 1400 * rng.NextDouble() - 705;
            double got = VectorMath.Exp(Vector256.Create(x)).GetElement(0), want = Math.Exp(x);
            Assert.True(Math.Abs(got - want) <= 4e-16 * want, $"exp({x:R}) = {got:R}, expected {want:R}");
        }
        Assert.Equal(0, VectorMath.Exp(Vector256.Create(-800.0)).GetElement(0));
        Assert.Equal(1, VectorMath.Exp(Vector256.Create(0.0)).GetElement(0));
    }

    [Fact]
    public void CosineCutoffMatchesTheFormula()
    {
        for (int t = 0; t <= 2000; t++)
        {
            double r = t * 0.004, rc = 6.0;
            double got = VectorMath.CosineCutoff(Vector256.Create(r), rc).GetElement(0);
            double want = r >= rc ? 0 : 0.5 * (Math.Cos(Math.PI * r / rc) + 1);
            Assert.True(Math.Abs(got - want) <= 3e-16, $"fc({r}) = {got:R}, expected {want:R}");
        }
    }
}
