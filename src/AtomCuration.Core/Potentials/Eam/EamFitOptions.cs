using AtomCuration.Options;

namespace AtomCuration.Potentials.Eam;

/// <summary>Settings of <see cref="EamFitter"/>. Weights are per mean-squared residual, so the loss is
/// EnergyWeight·MSE(E/atom, eV²) + ForceWeight·MSE(force component, (eV/Å)²) + StressWeight·MSE(stress, (eV/Å³)²).</summary>
public sealed record EamFitOptions : IOptions
{
    /// <summary>Functional form.</summary>
    public EamFitForm Form { get; init; } = EamFitForm.Spline;

    /// <summary>Finnis–Sinclair (eam/fs) densities: ρ_ab(r), the density at an atom of species a due to a neighbour of
    /// species b, fitted for every ordered pair (a, b) instead of one ρ_b per element (eam/alloy).</summary>
    public bool FinnisSinclair { get; init; }

    /// <summary>How the alloy cross pairs φ_ab (a ≠ b) are obtained: fitted freely or derived by the Zhou–Johnson–Wadley rule.</summary>
    public EamCrossPair CrossPair { get; init; } = EamCrossPair.Fitted;

    /// <summary>Interaction cutoff (Å).</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double Cutoff { get; init; } = 5.5;

    /// <summary>Spline knot intervals of each pair function φ_ab.</summary>
    [OptionRange(2, double.PositiveInfinity)]
    public int PairKnots { get; init; } = 12;

    /// <summary>Spline knot intervals of each density function ρ_a.</summary>
    [OptionRange(2, double.PositiveInfinity)]
    public int DensityKnots { get; init; } = 10;

    /// <summary>Spline knot intervals of each embedding function F_a.</summary>
    [OptionRange(1, double.PositiveInfinity)]
    public int EmbeddingKnots { get; init; } = 6;

    /// <summary>First knot of the radial splines (Å); null = just below the shortest distance in the training data.</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? InnerRadius { get; init; }

    /// <summary>Weight of the per-atom energy residuals.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double EnergyWeight { get; init; } = 1.0;

    /// <summary>Weight of the force-component residuals.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double ForceWeight { get; init; } = 0.01;

    /// <summary>Weight of the stress residuals (used only for structures with stress labels).</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double StressWeight { get; init; }

    /// <summary>Spline smoothness regularisation: weight of the squared second differences of the coefficients.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double Smoothness { get; init; } = 1e-7;

    /// <summary>Info key holding a per-structure weight (a number; absent means 1).</summary>
    public string WeightKey { get; init; } = "weight";

    /// <summary>Most Levenberg–Marquardt iterations per start.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when an iteration lowers the loss by less than this fraction.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Stop when max |Jᵀr| falls below this.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double GradientTolerance { get; init; } = 1e-14;

    /// <summary>Additional starts from seeded random perturbations of the initial guess; the best result wins.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public int Restarts { get; init; }

    /// <summary>Relative size of the restart perturbations.</summary>
    [OptionRange(0, double.PositiveInfinity)]
    public double RestartPerturbation { get; init; } = 0.1;

    /// <summary>Seed of the restart perturbations.</summary>
    public int Seed { get; init; }

    /// <summary>Stop after this long and return the best potential reached (StopReason TimeLimit); null = no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting (ranges are the <see cref="OptionRangeAttribute"/>s above).</summary>
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (EnergyWeight + ForceWeight + StressWeight == 0) throw new ArgumentException("At least one of the energy, force and stress weights must be positive.");
        if (InnerRadius is { } r && r >= Cutoff) throw new ArgumentException($"InnerRadius must be below the cutoff ({Cutoff} Å), got {r}.", nameof(InnerRadius));
        if (CrossPair == EamCrossPair.ZhouJohnsonWadley && Form != EamFitForm.ZhouJohnsonWadley)
            throw new ArgumentException("The Zhou–Johnson–Wadley cross-pair rule divides by the densities, which must stay positive up to the cutoff: use it with Form ZhouJohnsonWadley (spline densities vanish at the cutoff).", nameof(CrossPair));
        if (CrossPair == EamCrossPair.ZhouJohnsonWadley && FinnisSinclair)
            throw new ArgumentException("The Zhou–Johnson–Wadley cross-pair rule is defined for one density per element (eam/alloy), not with FinnisSinclair.", nameof(CrossPair));
        if (TimeLimit is { } t && t <= TimeSpan.Zero) throw new ArgumentException($"TimeLimit must be positive, got {t}.", nameof(TimeLimit));
    }
}
