using System.Runtime.Intrinsics;
using AtomCuration.Descriptors;

namespace AtomCuration.Tests.Descriptors;

public class VectorMathTests
{
    [Fact]
    public void ExpOfNonPositiveArgumentsMatchesMathExp()
    {
        var rng = new Random(4);
        for (int t = 0; t < 20000; t++)
        {
            double x = t < 10000 ? -80 * rng.NextDouble() : -700 * rng.NextDouble();
            double got = VectorMath.ExpNonPositive(Vector256.Create(x)).GetElement(0), want = Math.Exp(x);
            Assert.True(Math.Abs(got - want) <= 5e-16 * want, $"exp({x:R}) = {got:R}, expected {want:R}");
        }
        Assert.Equal(1, VectorMath.ExpNonPositive(Vector256.Create(0.0)).GetElement(0));
        Assert.True(VectorMath.ExpNonPositive(Vector256.Create(-5000.0)).GetElement(0) < 1e-300);
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

    [Fact]
    public void DotMatchesTheSumOfProductsAtEveryLength()
    {
        var rng = new Random(9);
        for (int n = 0; n <= 21; n++)
        {
            var a = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            double want = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                want += a[i] * b[i];
                scale += Math.Abs(a[i] * b[i]);
            }
            double got = VectorMath.Dot(a, b);
            Assert.True(Math.Abs(got - want) <= 1e-15 * scale, $"n = {n}: {got:R}, expected {want:R}");
        }
        Assert.Throws<ArgumentException>(() => VectorMath.Dot(new double[5], new double[4]));
    }
}
