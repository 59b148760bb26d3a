using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.ActiveLearning;

/// <summary>The outcome of an active-learning run: the last potential, the sets it was fitted and measured on, and why the run stopped.</summary>
public sealed record ActiveLearningResult
{
    /// <summary>Why the run stopped.</summary>
    public required ActiveLearningStopReason StopReason { get; init; }

    /// <summary>The stop reason in words, with the figures that decided it.</summary>
    public required string Message { get; init; }

    /// <summary>True when the targets were reached.</summary>
    public bool Converged => StopReason == ActiveLearningStopReason.TargetReached;

    /// <summary>The last fit (its potential, settings search and training errors).</summary>
    public required EamFitResult Fit { get; init; }

    /// <summary>The last fit's potential.</summary>
    public EamPotential Potential => Fit.Potential;

    /// <summary>The training split of the last iteration, in the order the structures were added.</summary>
    public required IReadOnlyList<Structure> TrainingSet { get; init; }

    /// <summary>The test split of the last iteration, in the order the structures were added.</summary>
    public required IReadOnlyList<Structure> TestSet { get; init; }

    /// <summary>Every iteration, first to last.</summary>
    public required IReadOnlyList<ActiveLearningIteration> Iterations { get; init; }

    /// <summary>Number of clusters of the partition.</summary>
    public required int Clusters { get; init; }

    /// <summary>Hybrid weight δ of a Spectral partition, else null.</summary>
    public double? Delta { get; init; }

    /// <summary>The δ scan that chose it (empty when δ was given or the partition is not Spectral).</summary>
    public IReadOnlyList<DeltaScanPoint> DeltaScan { get; init; } = [];

    /// <summary>Share of the pool used (training and test).</summary>
    public required double PoolFraction { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{StopReason} after {Iterations.Count} iterations: {TrainingSet.Count} training + {TestSet.Count} test structures ({100 * PoolFraction:F1} % of the pool); {Message}";
}
