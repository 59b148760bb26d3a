using AtomCuration.Common;
using AtomCuration.Selection;
using AtomCuration.Statistics;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>
/// One threshold of an environment-bank scan over shuffled pools (paper 001, Fig. 2: count of selected structures and
/// atoms against the threshold, mean over 50 shuffled screenings, and the spread of the counts).
/// </summary>
/// <param name="Threshold">The bank's threshold (scaled descriptor distance).</param>
/// <param name="Shuffles">Screenings run at this threshold (each in its own random order of the pool).</param>
/// <param name="Structures">Mean number of structures selected.</param>
/// <param name="StructuresSd">Sample standard deviation of that number over the shuffles (0 for one shuffle).</param>
/// <param name="Atoms">Mean number of atoms in the selected structures.</param>
/// <param name="AtomsSd">Sample standard deviation of the atom count.</param>
/// <param name="Environments">Mean number of environments in the bank at the end.</param>
/// <param name="EnvironmentsSd">Sample standard deviation of the environment count.</param>
/// <param name="PoolStructures">Structures in the pool (threshold 0 keeps them all).</param>
/// <param name="PoolAtoms">Atoms in the pool.</param>
/// <param name="StructureCounts">Structures selected by each shuffle, in shuffle order (for violin plots of the spread).</param>
public sealed record ThresholdScanPoint(double Threshold, int Shuffles, double Structures, double StructuresSd, double Atoms, double AtomsSd,
    double Environments, double EnvironmentsSd, int PoolStructures, int PoolAtoms, IReadOnlyList<int> StructureCounts)
{
    /// <summary>Mean selected structures as a percentage of the pool.</summary>
    public double StructuresPercent => 100 * Structures / PoolStructures;
}

/// <summary>
/// The environment-bank threshold scan of paper 001: for every threshold, the bank (<see cref="LocalEnvironmentBank"/>,
/// the given options' scaling and per-element thresholds) screens the pool in <c>shuffles</c> random orders; the
/// same orders are used at every threshold, drawn from the seed alone, so the scan is the same on any thread count.
/// Error against the threshold needs fits: <see cref="StudyOptions.Thresholds"/> runs those as a study.
/// </summary>
public static class ThresholdScan
{
    /// <summary>Scans <paramref name="thresholds"/> (each replacing <see cref="LocalEnvironmentBankOptions.Threshold"/>; per-element thresholds are kept).</summary>
    public static IReadOnlyList<ThresholdScanPoint> Run(IReadOnlyList<Structure> pool, IReadOnlyList<double> thresholds, int shuffles, int seed,
        LocalEnvironmentBankOptions? options = null, int threads = 0, CancellationToken cancellation = default, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (pool.Count == 0) throw new ArgumentException("The pool is empty.", nameof(pool));
        if (thresholds.Count == 0) throw new ArgumentException("Give at least one threshold.", nameof(thresholds));
        if (thresholds.Any(t => !(t > 0) || !double.IsFinite(t))) throw new ArgumentOutOfRangeException(nameof(thresholds), "Thresholds must be finite and > 0.");
        if (shuffles < 1) throw new ArgumentOutOfRangeException(nameof(shuffles), shuffles, "At least one shuffle.");
        options ??= new LocalEnvironmentBankOptions();
        var ts = thresholds.Distinct().Order().ToArray();
        var runs = ts.SelectMany(t => Enumerable.Range(0, shuffles).Select(s => (Threshold: t, Shuffle: s))).ToArray();
        var outcome = new (int Structures, int Atoms, int Environments)[runs.Length];
        int done = 0;
        OrderedParallel.For(runs.Length, r =>
        {
            var o = options with
            {
                Threshold = runs[r].Threshold,
                FitCount = false,
                Shuffle = true,
                Seed = StudySeeds.Split(seed, runs[r].Shuffle),
                Threads = 1,
                Cancellation = cancellation,
                Progress = null,
            };
            var result = LocalEnvironmentBank.Select(pool, o);
            outcome[r] = (result.SelectedIndices.Count, result.SelectedIndices.Sum(i => pool[i].AtomCount), (int)result.Info["Environments"]);
            progress?.Report(Interlocked.Increment(ref done) / (double)runs.Length);
        }, threads, cancellation);
        int poolAtoms = pool.Sum(s => s.AtomCount);
        return ts.Select((t, k) =>
        {
            var mine = outcome.AsSpan(k * shuffles, shuffles).ToArray();
            double[] structures = mine.Select(m => (double)m.Structures).ToArray(), atoms = mine.Select(m => (double)m.Atoms).ToArray(),
                environments = mine.Select(m => (double)m.Environments).ToArray();
            return new ThresholdScanPoint(t, shuffles, Descriptive.Mean(structures), Sd(structures), Descriptive.Mean(atoms), Sd(atoms),
                Descriptive.Mean(environments), Sd(environments), pool.Count, poolAtoms, mine.Select(m => m.Structures).ToArray());
        }).ToList();
    }

    private static double Sd(double[] values) => values.Length > 1 ? Descriptive.StandardDeviation(values) : 0;
}
