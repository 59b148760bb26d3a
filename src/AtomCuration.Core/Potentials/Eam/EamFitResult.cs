using AtomCuration.Fitting;

namespace AtomCuration.Potentials.Eam;

/// <summary>The outcome of <see cref="EamFitter.Fit"/>.</summary>
public sealed record EamFitResult
{
    /// <summary>The fitted potential, extrapolation guards included; F_a includes the reference energy E0_a (so it predicts total energies on the training data's scale).</summary>
    public required EamPotential Potential { get; init; }

    /// <summary>Functional form.</summary>
    public required EamFitForm Form { get; init; }

    /// <summary>Fitted parameter vector (layout in <see cref="ParameterNames"/>).</summary>
    public required IReadOnlyList<double> Parameters { get; init; }

    /// <summary>Name of every parameter, e.g. <c>phi[Ti-Ti][3]</c>, <c>E0[Ti]</c>.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Per-element reference energies E0_a (eV), by symbol: the energy of an isolated atom on the training data's scale.</summary>
    public required IReadOnlyDictionary<string, double> ReferenceEnergies { get; init; }

    /// <summary>Training energy RMSE (meV/atom).</summary>
    public required double EnergyRmse { get; init; }

    /// <summary>Training force-component RMSE (meV/Å).</summary>
    public required double ForceRmse { get; init; }

    /// <summary>Accepted Levenberg–Marquardt steps of the winning start.</summary>
    public required int Iterations { get; init; }

    /// <summary>Why the winning start stopped, or <see cref="LeastSquaresStopReason.Cancelled"/> (stopped, e.g. Ctrl+C) or <see cref="LeastSquaresStopReason.TimeLimit"/> when the run was cut short (the best start so far is returned).</summary>
    public required LeastSquaresStopReason StopReason { get; init; }

    /// <summary>Final loss.</summary>
    public required double Loss { get; init; }

    /// <summary>Loss before the first step and after every accepted step of the winning start.</summary>
    public required IReadOnlyList<double> LossHistory { get; init; }

    /// <summary>Seed of the restarts.</summary>
    public required int Seed { get; init; }

    /// <summary>Which start won (0 = the initial guess).</summary>
    public required int BestStart { get; init; }

    /// <summary>Wall-clock time of the fit.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Number of training structures.</summary>
    public required int Structures { get; init; }

    /// <summary>Shortest interatomic distance in the training data (Å): the repulsive core starts below it.</summary>
    public required double ShortestDistance { get; init; }

    /// <summary>Host-density range seen in training, per element: F is linear outside it.</summary>
    public required IReadOnlyDictionary<string, (double Min, double Max)> DensityRange { get; init; }

    /// <summary>When the settings were chosen by <see cref="EamSettingsSearch"/>: the method, the settings chosen and every trial; otherwise null.</summary>
    public EamSearchSummary? Search { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Form} fit on {Structures} structures: E RMSE {EnergyRmse:F2} meV/atom, F RMSE {ForceRmse:F1} meV/Å, {Iterations} iterations ({StopReason}), {Elapsed.TotalSeconds:F1} s";
}
