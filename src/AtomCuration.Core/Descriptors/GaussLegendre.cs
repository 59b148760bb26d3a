namespace AtomCuration.Descriptors;

/// <summary>Gauss–Legendre nodes and weights on an interval (Newton iteration on P_n; exact for polynomials of degree 2n − 1).</summary>
internal static class GaussLegendre
{
    /// <summary>The <paramref name="n"/>-point rule on [<paramref name="a"/>, <paramref name="b"/>].</summary>
    public static (double[] Nodes, double[] Weights) Rule(int n, double a, double b)
    {
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5)), dp = 0;
            for (int iter = 0; iter < 100; iter++)
            {
                double p0 = 1, p1 = t;
                for (int k = 2; k <= n; k++) (p0, p1) = (p1, ((2 * k - 1) * t * p1 - (k - 1) * p0) / k);
                dp = n * (t * p1 - p0) / (t * t - 1);
                double step = p1 / dp;
                t -= step;
                if (Math.Abs(step) < 1e-16) break;
            }
            x[n - 1 - i] = 0.5 * (b - a) * t + 0.5 * (a + b);
            w[n - 1 - i] = (b - a) / ((1 - t * t) * dp * dp);
        }
        return (x, w);
    }
}
