namespace AtomCuration.Statistics;

/// <summary>
/// Average ranks (1-based, ties share the mean of the ranks they span — SciPy's
/// <c>rankdata(method='average')</c>) and the tie counts the rank tests correct for.
/// </summary>
public static class Ranking
{
    /// <summary>Average ranks of <paramref name="values"/> (NaN is refused).</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values) => AverageRanks(values, out _);

    /// <summary>Average ranks, and the size of every tie group of two or more.</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values, out List<int> tieGroups)
    {
        int n = values.Length;
        var order = new int[n];
        var keys = values.ToArray();
        foreach (var v in keys)
            if (double.IsNaN(v)) throw new ArgumentException("Ranks are undefined for NaN.");
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        var ranks = new double[n];
        tieGroups = [];
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i]) j++;
            double rank = 0.5 * (i + 1 + j); // mean of i+1 … j
            for (int k = i; k < j; k++) ranks[order[k]] = rank;
            if (j - i > 1) tieGroups.Add(j - i);
            i = j;
        }
        return ranks;
    }

    /// <summary>Σ (t³ − t) over tie groups of size t.</summary>
    public static double TieTerm(IEnumerable<int> tieGroups)
    {
        double s = 0;
        foreach (int t in tieGroups) s += (double)t * t * t - t;
        return s;
    }
}
