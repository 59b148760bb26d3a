using AtomCuration.Common;
using AtomCuration.Selection;
using AtomCuration.Statistics;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>What a point of <see cref="TrainTestDistances"/> is.</summary>
public enum DistanceLevel
{
    /// <summary>Every atomic environment (per-atom descriptors), as paper 004 does.</summary>
    Atom,
    /// <summary>Every structure (structure descriptors).</summary>
    Structure,
}

/// <summary>Settings of <see cref="TrainTestDistances"/>.</summary>
public sealed record TrainTestDistanceOptions
{
    /// <summary>Points drawn from each set for training per repeat; null = two thirds of the smallest set.</summary>
    public int? TrainSize { get; init; }

    /// <summary>Points drawn from each set for testing per repeat (disjoint from its training points); null = the rest of the smallest set.</summary>
    public int? TestSize { get; init; }

    /// <summary>Random decompositions into training and testing points (paper 004: 1000).</summary>
    public int Repeats { get; init; } = 10;

    /// <summary>Seed of the decompositions.</summary>
    public int Seed { get; init; }

    /// <summary>The set whose column means and (population) standard deviations z-score every point first (paper 004: the unbiased set); null = raw descriptors.</summary>
    public string? ScaleBy { get; init; }

    /// <summary>Environments or structures.</summary>
    public DistanceLevel Level { get; init; }

    /// <summary>Threads for the nearest-point searches (never changes the result).</summary>
    public int Threads { get; init; }

    /// <summary>Observed between repeats.</summary>
    public CancellationToken Cancellation { get; init; }
}

/// <summary>One row of paper 004's tables: the distance from a testing point to its nearest training point, for one pair of sets.</summary>
/// <param name="Training">Set the training points come from.</param>
/// <param name="Testing">Set the testing points come from.</param>
/// <param name="Repeats">Decompositions averaged over.</param>
/// <param name="TrainPoints">Training points per decomposition.</param>
/// <param name="TestPoints">Testing points per decomposition.</param>
/// <param name="Mean">Mean distance (averaged over decompositions).</param>
/// <param name="Median">Median distance (averaged over decompositions).</param>
/// <param name="Max">Largest distance (averaged over decompositions).</param>
/// <param name="MeanSd">Standard deviation of the per-decomposition mean over the decompositions (0 for one).</param>
public sealed record TrainTestDistance(string Training, string Testing, int Repeats, int TrainPoints, int TestPoints,
    double Mean, double Median, double Max, double MeanSd);

/// <summary>
/// Paper 004's error surrogate for every train/test combination of named sets (its Tables I and II): a potential that
/// interpolates its training data errs roughly in proportion to how far a test point lies from the nearest training
/// point in descriptor space. Each repeat splits every set at random into disjoint training and testing points
/// (so a set tested on itself is not tested on its own training points), and measures, for every ordered pair
/// (training set, testing set), the Euclidean distance from each testing point to its nearest training point; mean,
/// median and maximum are averaged over the repeats. Splits depend on the seed, set and repeat only.
/// </summary>
public static class TrainTestDistances
{
    /// <summary>The table for the sets named by <paramref name="setOf"/> (rows: training set, then testing set, in name order).</summary>
    public static IReadOnlyList<TrainTestDistance> Measure(IReadOnlyList<Structure> structures, Func<Structure, string> setOf, TrainTestDistanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(setOf);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repeats < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Repeats, "Repeats must be at least 1.");
        var sets = structures.Select((s, i) => (Set: setOf(s), Index: i)).GroupBy(p => p.Set)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Points(g.Select(p => (structures[p.Index], p.Index)), options.Level));
        if (sets.Count == 0) throw new ArgumentException("No structures.", nameof(structures));
        if (options.ScaleBy is { } by)
        {
            if (!sets.TryGetValue(by, out var reference))
                throw new ArgumentException($"ScaleBy: no set named '{by}'; sets: {string.Join(", ", sets.Keys)}.", nameof(options));
            var scaling = ZScore(reference);
            foreach (var points in sets.Values)
                foreach (var p in points) scaling.Apply(p, p);
        }
        int smallest = sets.Values.Min(p => p.Count);
        int train = options.TrainSize ?? Math.Max(1, 2 * smallest / 3);
        int test = options.TestSize ?? smallest - train;
        if (train < 1 || test < 1)
            throw new ArgumentException($"Training and testing sizes must be at least 1 (got {train} and {test}; the smallest set has {smallest} points).", nameof(options));
        foreach (var (name, points) in sets)
            if (points.Count < train + test)
                throw new ArgumentException($"Set '{name}' has {points.Count} points, fewer than {train} training + {test} testing.", nameof(options));
        var names = sets.Keys.ToArray();
        var stats = new double[names.Length, names.Length][];
        for (int a = 0; a < names.Length; a++)
            for (int b = 0; b < names.Length; b++) stats[a, b] = new double[3 * options.Repeats];
        for (int r = 0; r < options.Repeats; r++)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var splits = names.Select(n => Split(sets[n], train, test, StudySeeds.Selection(options.Seed, n, train, r))).ToArray();
            for (int a = 0; a < names.Length; a++)
                for (int b = 0; b < names.Length; b++)
                {
                    var d = Nearest(splits[b].Test, splits[a].Train, options.Threads, options.Cancellation);
                    stats[a, b][3 * r] = Descriptive.Mean(d);
                    stats[a, b][3 * r + 1] = Descriptive.Median(d);
                    stats[a, b][3 * r + 2] = d.Max();
                }
        }
        var rows = new List<TrainTestDistance>();
        for (int a = 0; a < names.Length; a++)
            for (int b = 0; b < names.Length; b++)
            {
                var s = stats[a, b];
                double[] means = Every(s, 0), medians = Every(s, 1), maxima = Every(s, 2);
                rows.Add(new TrainTestDistance(names[a], names[b], options.Repeats, train, test, Descriptive.Mean(means), Descriptive.Mean(medians),
                    Descriptive.Mean(maxima), means.Length > 1 ? Descriptive.StandardDeviation(means) : 0));
            }
        return rows;
    }

    private static double[] Every(double[] s, int offset) => Enumerable.Range(0, s.Length / 3).Select(r => s[3 * r + offset]).ToArray();

    private static List<double[]> Points(IEnumerable<(Structure S, int Index)> members, DistanceLevel level)
    {
        var points = new List<double[]>();
        foreach (var (s, i) in members)
        {
            if (level == DistanceLevel.Structure)
            {
                var d = s.Descriptor ?? throw new InvalidOperationException($"Structure '{s.Id}' (input {i}) has no descriptor: run Get-Descriptor first.");
                FiniteDescriptors.Require(s, i, d.AsSpan());
                points.Add(d.ToArray());
                continue;
            }
            var g = DescriptorPool.AtomDescriptorsOf(s, i);
            for (int a = 0; a < g.Rows; a++) points.Add(g.Row(a).ToArray());
        }
        int width = points.Count > 0 ? points[0].Length : 0;
        if (points.Any(p => p.Length != width)) throw new InvalidOperationException("Descriptor widths differ between structures: describe every set with the same Get-Descriptor call.");
        return points;
    }

    private static ColumnScaling ZScore(List<double[]> points)
    {
        int d = points[0].Length;
        var mean = new double[d];
        var factor = new double[d];
        foreach (var p in points)
            for (int c = 0; c < d; c++) mean[c] += p[c] / points.Count;
        foreach (var p in points)
            for (int c = 0; c < d; c++) factor[c] += (p[c] - mean[c]) * (p[c] - mean[c]) / points.Count;
        for (int c = 0; c < d; c++) factor[c] = factor[c] > 0 ? 1 / Math.Sqrt(factor[c]) : 1; // a constant column is only centred
        return new ColumnScaling(mean, factor);
    }

    private static (double[][] Train, double[][] Test) Split(List<double[]> points, int train, int test, int seed)
    {
        var order = Enumerable.Range(0, points.Count).ToArray();
        var rng = new Random(seed);
        for (int i = 0; i < train + test; i++) // partial Fisher–Yates: the first train + test entries are a uniform draw
        {
            int j = i + rng.Next(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return (order[..train].Select(i => points[i]).ToArray(), order[train..(train + test)].Select(i => points[i]).ToArray());
    }

    private static double[] Nearest(double[][] queries, double[][] train, int threads, CancellationToken cancellation)
    {
        var d = new double[queries.Length];
        OrderedParallel.For(queries.Length, q =>
        {
            double best = double.PositiveInfinity;
            foreach (var t in train) best = Math.Min(best, VectorMath.SquaredDistanceBounded(queries[q], t, best));
            d[q] = Math.Sqrt(best);
        }, threads, cancellation);
        return d;
    }
}
