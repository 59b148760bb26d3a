using System.Collections;
using AtomCuration.Options;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;

namespace AtomCuration.ActiveLearning;

/// <summary>How each iteration after the first grows the accumulated set.</summary>
public enum ActiveLearningGrowth
{
    /// <summary>Paper 003: a further fraction of every cluster, drawn at random (seeded), at least one per cluster with members left.</summary>
    Cluster,

    /// <summary>The unused structures the current potential gets most wrong (their labels are known, as in DP-GEN's "simplify" with true errors).</summary>
    WorstError,

    /// <summary>The unused structures farthest from the accumulated set in the partition's metric, picked greedily so that each pick counts the earlier ones.</summary>
    Novelty,
}

/// <summary>Why an active-learning run stopped.</summary>
public enum ActiveLearningStopReason
{
    /// <summary>The test errors reached the targets.</summary>
    TargetReached,

    /// <summary>Every pool structure is in the accumulated set and the targets were not reached.</summary>
    PoolExhausted,

    /// <summary><see cref="ActiveLearningOptions.MaxIterations"/> fits ran without reaching the targets.</summary>
    MaxIterations,
}

/// <summary>Settings of <see cref="ActiveLearner"/> (Invoke-ActiveLearning's parameters; a recipe's <c>activeLearning</c> section).</summary>
public sealed record ActiveLearningOptions : IOptions
{
    /// <summary>Stop when the test energy RMSE is at most this (meV/atom); paper 003 uses 2.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double TargetEnergyRmse { get; init; } = 2.0;

    /// <summary>Also require the test force RMSE to be at most this (meV/Å); null = energies only.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? TargetForceRmse { get; init; }

    /// <summary>I_perc of paper 003: the share of every cluster taken per iteration (at least one structure per cluster with members left).</summary>
    [OptionRange(0, 1, MinExclusive = true)]
    public double Fraction { get; init; } = 0.1;

    /// <summary>Share of the accumulated set held out as the test split (paper 003: 0.3, i.e. a 70/30 split).</summary>
    [OptionRange(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double TestFraction { get; init; } = 0.3;

    /// <summary>How the accumulated set grows after the first iteration.</summary>
    public ActiveLearningGrowth Growth { get; init; } = ActiveLearningGrowth.Cluster;

    /// <summary>The clustering that partitions the pool (Spectral = paper 003's hybrid-kernel spectral clustering; KMeans, Agglomerative).</summary>
    public SelectionMethod Partition { get; init; } = SelectionMethod.Spectral;

    /// <summary>Number of clusters; null = automatic for Spectral (Eqs. 13–14 of paper 003), 10 for the others.</summary>
    [OptionRange(1, 100_000)]
    public int? Clusters { get; init; }

    /// <summary>Select-Configuration -Options keys of the partition's method (e.g. <c>{ delta: 0.5 }</c>, <c>{ restarts: 5 }</c>).</summary>
    public IDictionary? PartitionOptions { get; init; }

    /// <summary>Hybrid weights δ scanned when the Spectral partition is given no <c>delta</c>: the one of lowest mean within-cluster energy spread wins.</summary>
    public IReadOnlyList<double> ScanDelta { get; init; } = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    /// <summary>Most fits; null = until the target is reached or the pool is used up.</summary>
    [OptionRange(1, int.MaxValue)]
    public int? MaxIterations { get; init; }

    /// <summary>Seed of the partition, the draws and the splits (the fit's own seed is <see cref="EamFitOptions.Seed"/>).</summary>
    public int Seed { get; init; }

    /// <summary>The EAM fit of every iteration (Invoke-EamFit's settings).</summary>
    public EamFitOptions Fit { get; init; } = new();

    /// <summary>When set, every iteration chooses its fit settings by this search on its training split (paper 003's Bayesian optimisation); null = <see cref="Fit"/> as given.</summary>
    public EamSearchOptions? Search { get; init; }

    /// <summary>JSON state file written after every iteration; a run given the same file and settings resumes from it and ends with the same result.</summary>
    public string? StatePath { get; init; }

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        ArgumentNullException.ThrowIfNull(Fit);
        Fit.Validate();
        Search?.Validate();
        ArgumentNullException.ThrowIfNull(ScanDelta);
        if (ScanDelta.Count == 0 || ScanDelta.Any(d => !(d >= 0 && d <= 1)))
            throw new ArgumentException("ScanDelta must hold at least one hybrid weight, each in [0, 1].", nameof(ScanDelta));
        if (Partition is not (SelectionMethod.Spectral or SelectionMethod.KMeans or SelectionMethod.Agglomerative))
            throw new ArgumentException($"Partition must be a clustering (Spectral, KMeans or Agglomerative), not {Partition}.", nameof(Partition));
    }
}
