using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// The nearest-neighbour entropy estimator of paper 004 (Eqs. 2–3):
/// S = (1/n) Σⱼ ln(n Δⱼ), Δⱼ the distance from environment j to its nearest other environment.
/// Options: <c>neighbours</c> = k uses the k-th nearest distance instead (k = 1 is the paper's);
/// <c>bandwidth</c> h floors every distance, Δⱼ ← max(Δⱼ, h), so duplicate environments give a
/// finite (very negative) contribution instead of −∞.
/// </summary>
public static class NearestNeighbourEntropy
{
    /// <summary>
    /// S of the rows of <paramref name="environments"/>; −∞ with k or fewer rows. Rows are searched in parallel
    /// (<paramref name="threads"/>; the sum is taken in row order, so the result does not depend on it);
    /// <paramref name="rowDone"/> is called from the worker threads after each row.
    /// </summary>
    public static double Compute(FeatureMatrix environments, int neighbours = 1, double bandwidth = 1e-12,
        int threads = 0, CancellationToken cancellation = default, Action? rowDone = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        int n = environments.Rows;
        if (n <= neighbours) return double.NegativeInfinity;
        var kth = new double[n];
        Common.OrderedParallel.For(n, j =>
        {
            Span<double> buf = neighbours <= 64 ? stackalloc double[neighbours] : new double[neighbours];
            buf.Fill(double.PositiveInfinity);
            var row = environments.Row(j);
            for (int l = 0; l < n; l++)
                if (l != j) Insert(buf, VectorMath.SquaredDistance(row, environments.Row(l)));
            kth[j] = buf[neighbours - 1];
            rowDone?.Invoke();
        }, threads, cancellation);
        return FromKth(kth, n, bandwidth);
    }

    /// <summary>S from the squared k-th neighbour distances of n environments.</summary>
    internal static double FromKth(ReadOnlySpan<double> kthSquared, int n, double bandwidth)
    {
        double s = 0;
        foreach (double d2 in kthSquared) s += Math.Log(n * Math.Max(Math.Sqrt(d2), bandwidth));
        return s / n;
    }

    /// <summary>Inserts <paramref name="value"/> into the ascending list of the k smallest values.</summary>
    internal static void Insert(Span<double> smallest, double value)
    {
        int k = smallest.Length;
        if (value >= smallest[k - 1]) return;
        int i = k - 1;
        while (i > 0 && smallest[i - 1] > value)
        {
            smallest[i] = smallest[i - 1];
            i--;
        }
        smallest[i] = value;
    }
}
