using System.Collections;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// The type of <c>Invoke-SelectionStudy -Fit</c>: Invoke-EamFit's fit settings as a hashtable
/// (<c>@{ Cutoff = 5.0; MaxIterations = 50 }</c>). PowerShell converts the hashtable by the constructor and keeps it as
/// given; the properties are the keys, so Tab completes them. Core binds the mapping onto <c>EamFitOptions</c>, which
/// refuses unknown keys and values out of range with its own messages; a test holds the properties equal to its keys.
/// </summary>
public class FitParameters : ParameterMap
{
    /// <summary>No settings yet (PowerShell completes the keys of a type it can create empty; a hashtable converts by the next constructor).</summary>
    public FitParameters() : base(Empty())
    {
    }

    /// <summary>Settings given as a hashtable (kept as given).</summary>
    public FitParameters(IDictionary values) : base(values)
    {
    }

    /// <summary>Functional form (Spline, ZhouJohnsonWadley).</summary>
    public object? Form { get => Get(); set => Set(value); }

    /// <summary>Finnis–Sinclair densities ρ_ab for every ordered pair of species (eam/fs) instead of one ρ_b per element.</summary>
    public object? FinnisSinclair { get => Get(); set => Set(value); }

    /// <summary>How the alloy cross pairs φ_ab are obtained (Fitted, or by the Zhou–Johnson–Wadley rule).</summary>
    public object? CrossPair { get => Get(); set => Set(value); }

    /// <summary>Interaction cutoff (Å).</summary>
    public object? Cutoff { get => Get(); set => Set(value); }

    /// <summary>Spline knot intervals of each pair function.</summary>
    public object? PairKnots { get => Get(); set => Set(value); }

    /// <summary>Spline knot intervals of each density function.</summary>
    public object? DensityKnots { get => Get(); set => Set(value); }

    /// <summary>Spline knot intervals of each embedding function.</summary>
    public object? EmbeddingKnots { get => Get(); set => Set(value); }

    /// <summary>First knot of the radial splines (Å; default: just below the shortest distance in the training data).</summary>
    public object? InnerRadius { get => Get(); set => Set(value); }

    /// <summary>Weight of the per-atom energy residuals.</summary>
    public object? EnergyWeight { get => Get(); set => Set(value); }

    /// <summary>Weight of the force-component residuals.</summary>
    public object? ForceWeight { get => Get(); set => Set(value); }

    /// <summary>Weight of the stress residuals.</summary>
    public object? StressWeight { get => Get(); set => Set(value); }

    /// <summary>Spline smoothness regularisation.</summary>
    public object? Smoothness { get => Get(); set => Set(value); }

    /// <summary>Info key holding a per-structure weight.</summary>
    public object? WeightKey { get => Get(); set => Set(value); }

    /// <summary>Most Levenberg–Marquardt iterations per start.</summary>
    public object? MaxIterations { get => Get(); set => Set(value); }

    /// <summary>Stop when an iteration lowers the loss by less than this fraction.</summary>
    public object? RelativeTolerance { get => Get(); set => Set(value); }

    /// <summary>Stop when max |Jᵀr| falls below this.</summary>
    public object? GradientTolerance { get => Get(); set => Set(value); }

    /// <summary>Additional starts from seeded perturbations of the initial guess.</summary>
    public object? Restarts { get => Get(); set => Set(value); }

    /// <summary>Relative size of the restart perturbations.</summary>
    public object? RestartPerturbation { get => Get(); set => Set(value); }

    /// <summary>Seed of the restart perturbations.</summary>
    public object? Seed { get => Get(); set => Set(value); }

    /// <summary>Stop after this long and keep the best potential reached.</summary>
    public object? TimeLimit { get => Get(); set => Set(value); }
}
