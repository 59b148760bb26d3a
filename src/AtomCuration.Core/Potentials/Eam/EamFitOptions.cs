namespace AtomCuration.Potentials.Eam;

/// <summary>Settings of <see cref="EamFitter"/>. Weights are per mean-squared residual, so the loss is
/// EnergyWeight·MSE(E/atom, eV²) + ForceWeight·MSE(force component, (eV/Å)²) + StressWeight·MSE(stress, (eV/Å³)²).</summary>
public sealed record EamFitOptions
{
    /// <summary>Functional form.</summary>
    public EamFitForm Form { get; init; } = EamFitForm.Spline;

    /// <summary>Interaction cutoff (Å).</summary>
    public double Cutoff { get; init; } = 5.5;

    /// <summary>Spline knot intervals of each pair function φ_ab.</summary>
    public int PairKnots { get; init; } = 12;

    /// <summary>Spline knot intervals of each density function ρ_a.</summary>
    public int DensityKnots { get; init; } = 10;

    /// <summary>Spline knot intervals of each embedding function F_a.</summary>
    public int EmbeddingKnots { get; init; } = 6;

    /// <summary>First knot of the radial splines (Å); null = just below the shortest distance in the training data.</summary>
    public double? InnerRadius { get; init; }

    /// <summary>Weight of the per-atom energy residuals.</summary>
    public double EnergyWeight { get; init; } = 1.0;

    /// <summary>Weight of the force-component residuals.</summary>
    public double ForceWeight { get; init; } = 0.01;

    /// <summary>Weight of the stress residuals (used only for structures with stress labels).</summary>
    public double StressWeight { get; init; }

    /// <summary>Spline smoothness regularisation: weight of the squared second differences of the coefficients.</summary>
    public double Smoothness { get; init; } = 1e-7;

    /// <summary>Info key holding a per-structure weight (a number; absent means 1).</summary>
    public string WeightKey { get; init; } = "weight";

    /// <summary>Most Levenberg–Marquardt iterations per start.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when an iteration lowers the loss by less than this fraction.</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Stop when max |Jᵀr| falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-14;

    /// <summary>Additional starts from seeded random perturbations of the initial guess; the best result wins.</summary>
    public int Restarts { get; init; }

    /// <summary>Relative size of the restart perturbations.</summary>
    public double RestartPerturbation { get; init; } = 0.1;

    /// <summary>Seed of the restart perturbations.</summary>
    public int Seed { get; init; }

    /// <summary>Threads; 0 = all cores.</summary>
    public int ThrottleLimit { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> on invalid settings.</summary>
    public void Validate()
    {
        if (!(Cutoff > 0) || !double.IsFinite(Cutoff)) throw new ArgumentException($"Cutoff must be positive, got {Cutoff}.");
        if (PairKnots < 2 || DensityKnots < 2 || EmbeddingKnots < 1) throw new ArgumentException("Need at least 2 radial and 1 embedding knot intervals.");
        if (EnergyWeight < 0 || ForceWeight < 0 || StressWeight < 0 || Smoothness < 0) throw new ArgumentException("Weights must be non-negative.");
        if (EnergyWeight + ForceWeight + StressWeight == 0) throw new ArgumentException("At least one of the energy, force and stress weights must be positive.");
        if (MaxIterations < 0 || Restarts < 0) throw new ArgumentException("MaxIterations and Restarts must be non-negative.");
        if (InnerRadius is { } r && !(r > 0 && r < Cutoff)) throw new ArgumentException($"InnerRadius must lie in (0, cutoff), got {r}.");
    }
}
