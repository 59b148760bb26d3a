namespace AtomCuration.Statistics;

/// <summary>
/// Holm's step-down correction of m p-values for multiple comparisons (controls the family-wise
/// error rate): with p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎);
/// statsmodels' <c>multipletests(method='holm')</c>. NaN p-values are left NaN and not counted in m.
/// Holm, Scand. J. Statist. 6, 65 (1979), https://www.jstor.org/stable/4615733.
/// </summary>
public static class HolmCorrection
{
    /// <summary>Adjusted p-values, in the input order.</summary>
    public static double[] Adjust(ReadOnlySpan<double> pValues)
    {
        var result = new double[pValues.Length];
        var idx = new List<int>();
        for (int i = 0; i < pValues.Length; i++)
        {
            if (double.IsNaN(pValues[i])) result[i] = double.NaN;
            else idx.Add(i);
        }
        var p = pValues.ToArray();
        // Stable order: equal p-values keep their input order.
        var order = idx.OrderBy(i => p[i]).ToArray();
        int m = order.Length;
        double running = 0;
        for (int k = 0; k < m; k++)
        {
            double adj = Math.Min(1, (m - k) * p[order[k]]);
            running = Math.Max(running, adj);
            result[order[k]] = running;
        }
        return result;
    }
}
