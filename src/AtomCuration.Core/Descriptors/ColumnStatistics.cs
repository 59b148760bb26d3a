using System.Runtime.CompilerServices;
namespace AtomCuration.Descriptors;

/// <summary>
/// Statistics of one column over the rows (atoms or sites) of a matrix, as matminer's
/// <c>SiteStatsFingerprint</c> and Stats aggregation define them:
/// mean, population standard deviation (numpy <c>std</c>, divisor N; two passes, since the one-pass
/// formula loses digits when the spread is small against the mean), minimum, maximum.
/// </summary>
internal static class ColumnStatistics
{
    /// <summary>Statistic names in output order.</summary>
    public static readonly string[] Names = ["mean", "std_dev", "minimum", "maximum"];

    /// <summary>Writes the four statistics of column <paramref name="column"/> of a row-major sites × features matrix.</summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
