namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// matminer <c>SiteStatsFingerprint</c> statistics of one site feature over the sites of a
/// structure: mean, population standard deviation (numpy <c>std</c>, divisor N), minimum, maximum.
/// </summary>
internal static class SiteStatistics
{
    /// <summary>Statistic names in output order.</summary>
    public static readonly string[] Names = ["mean", "std_dev", "minimum", "maximum"];

    /// <summary>Writes the four statistics of column <paramref name="column"/> of a row-major sites × features matrix.</summary>
    public static void Write(ReadOnlySpan<double> matrix, int features, int column, Span<double> output)
    {
        int n = matrix.Length / features;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double v = matrix[i * features + column];
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double mean = sum / n, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double d = matrix[i * features + column] - mean;
            sq += d * d;
        }
        output[0] = mean;
        output[1] = n == 1 ? 0 : Math.Sqrt(sq / n);
        output[2] = min;
        output[3] = max;
    }
}
