using AtomCuration.Fitting;

namespace AtomCuration.Studies;

/// <summary>Test errors of one group of the test set (by <see cref="StudyOptions.GroupBy"/>).</summary>
/// <param name="Group">The Info value ("(none)" when absent).</param>
/// <param name="Structures">Test structures in the group.</param>
/// <param name="EnergyRmse">meV/atom.</param>
/// <param name="ForceRmse">meV/Å per component (NaN without force labels).</param>
public sealed record StudyGroupError(string Group, int Structures, double EnergyRmse, double ForceRmse);

/// <summary>
/// One trial of a selection study: what was selected, how the fit went, and the potential's errors on the
/// test set. Energies in meV/atom, forces in meV/Å per Cartesian component, stresses in GPa, times in seconds.
/// NaN marks what the data cannot give (no force labels, R² of a constant).
/// </summary>
public sealed record StudyTrial
{
    /// <summary>Selection specification name ("AllData" for the reference fit on every candidate).</summary>
    public required string Method { get; init; }

    /// <summary>Structures selected (the fit's training-set size).</summary>
    public required int Count { get; init; }

    /// <summary>The fraction this size came from, or null for a count.</summary>
    public double? Fraction { get; init; }

    /// <summary>The labelling budget this trial selected at (the count then follows from the costs), or null.</summary>
    public double? Budget { get; init; }

    /// <summary>The environment-bank threshold this trial selected at (paper 001's scan), or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>Total labelling cost of the selection (N_atoms^k each, or the study's cost key).</summary>
    public double Cost { get; init; }

    /// <summary>The size this trial belongs to: "30", "0.1 of the pool", "budget 2E+06", "threshold 0.2".</summary>
    public string Size => StudySize.Label(Count, Fraction, Budget, Threshold);

    /// <summary>Trial number (0-based); trials with equal numbers share a test set.</summary>
    public required int Trial { get; init; }

    /// <summary>The selection seed of this trial (derived from the study seed, method, size and trial).</summary>
    public required int Seed { get; init; }

    /// <summary>What varies between this method's trials, or why it ran once.</summary>
    public required string Variation { get; init; }

    /// <summary>False for methods that return the same subset whatever the seed (run once).</summary>
    public required bool Varies { get; init; }

    /// <summary>The test set (Pool, HeldOut f, KFold k, Group key=value).</summary>
    public required string TestSet { get; init; }

    /// <summary>True when the test set changes with the trial number (held-out, k-fold): trials are then paired by number.</summary>
    public required bool PairedByTrial { get; init; }

    /// <summary>Ids of the selected structures, in selection order.</summary>
    public required IReadOnlyList<string> SelectedIds { get; init; }

    /// <summary>Whether the fit weighted the selection by pool share.</summary>
    public required bool Weighted { get; init; }

    /// <summary>Energy RMSE on the training set (meV/atom).</summary>
    public required double TrainEnergyRmse { get; init; }

    /// <summary>Force RMSE on the training set (meV/Å).</summary>
    public required double TrainForceRmse { get; init; }

    /// <summary>Test structures.</summary>
    public required int TestStructures { get; init; }

    /// <summary>Energy RMSE on the test set (meV/atom).</summary>
    public required double TestEnergyRmse { get; init; }

    /// <summary>Energy MAE on the test set (meV/atom).</summary>
    public required double TestEnergyMae { get; init; }

    /// <summary>Largest |energy error| on the test set (meV/atom).</summary>
    public required double TestEnergyMaxError { get; init; }

    /// <summary>R² of the per-atom energies on the test set.</summary>
    public required double TestEnergyR2 { get; init; }

    /// <summary>Force RMSE per component on the test set (meV/Å).</summary>
    public required double TestForceRmse { get; init; }

    /// <summary>Force MAE per component on the test set (meV/Å).</summary>
    public required double TestForceMae { get; init; }

    /// <summary>Largest single-atom |ΔF| on the test set (meV/Å).</summary>
    public required double TestForceMaxError { get; init; }

    /// <summary>R² of the force components on the test set.</summary>
    public required double TestForceR2 { get; init; }

    /// <summary>Stress RMSE per component (GPa) over periodic test structures with stress labels, or null.</summary>
    public double? TestStressRmse { get; init; }

    /// <summary>Test errors per value of the grouping key (empty without one).</summary>
    public IReadOnlyList<StudyGroupError> Groups { get; init; } = [];

    /// <summary>Levenberg–Marquardt iterations of the best start.</summary>
    public required int Iterations { get; init; }

    /// <summary>Why the fit stopped.</summary>
    public required LeastSquaresStopReason StopReason { get; init; }

    /// <summary>Selection time (s).</summary>
    public required double SelectSeconds { get; init; }

    /// <summary>Fit time (s).</summary>
    public required double FitSeconds { get; init; }

    /// <summary>Test evaluation time (s).</summary>
    public required double TestSeconds { get; init; }
}
