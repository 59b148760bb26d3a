namespace AtomCuration.ActiveLearning;

/// <summary>
/// One iteration of an active-learning run: the accumulated set's sizes, the fit's settings and errors, and
/// whether the targets were met. Energies in meV/atom, forces in meV/Å per Cartesian component.
/// </summary>
public sealed record ActiveLearningIteration
{
    /// <summary>1-based iteration number.</summary>
    public required int Iteration { get; init; }

    /// <summary>Structures in the training split (fitted).</summary>
    public required int TrainingCount { get; init; }

    /// <summary>Structures in the test split (measured).</summary>
    public required int TestCount { get; init; }

    /// <summary>Structures added to the accumulated set in this iteration.</summary>
    public required int Added { get; init; }

    /// <summary>Share of the pool in the accumulated set (training and test).</summary>
    public required double PoolFraction { get; init; }

    /// <summary>Energy RMSE on the test split (meV/atom).</summary>
    public required double TestEnergyRmse { get; init; }

    /// <summary>Force RMSE on the test split (meV/Å; NaN without force labels).</summary>
    public required double TestForceRmse { get; init; }

    /// <summary>Energy RMSE on the training split (meV/atom).</summary>
    public required double TrainEnergyRmse { get; init; }

    /// <summary>Force RMSE on the training split (meV/Å).</summary>
    public required double TrainForceRmse { get; init; }

    /// <summary>The fit settings used (chosen by the settings search when one runs): Cutoff, PairKnots, DensityKnots, EmbeddingKnots, Smoothness, ForceWeight.</summary>
    public required IReadOnlyDictionary<string, double> Settings { get; init; }

    /// <summary>How this iteration's structures were chosen (the first iteration always draws from every cluster).</summary>
    public required ActiveLearningGrowth Growth { get; init; }

    /// <summary>Ids of the structures added in this iteration.</summary>
    public required IReadOnlyList<string> AddedIds { get; init; }

    /// <summary>Wall time of the iteration (fit, measurement and the choice of the next structures).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when the test errors met the targets (the run stops here).</summary>
    public required bool Converged { get; init; }
}
