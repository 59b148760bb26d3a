using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of an ACSF section (<c>AcsfSettings</c>).</summary>
public sealed class AcsfParameters(IDictionary values) : BlockParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public AcsfParameters() : this(Empty())
    {
    }

    /// <summary>Cutoff radius (Å).</summary>
    public object? Cutoff { get => Get(); set => Set(value); }

    /// <summary>Standard or Modified (Gastegger) form.</summary>
    public object? Form { get => Get(); set => Set(value); }

    /// <summary>G2 functions as a list of (eta, Rs).</summary>
    public object? G2 { get => Get(); set => Set(value); }

    /// <summary>G2 eta grid (with g2Rs).</summary>
    public object? G2Eta { get => Get(); set => Set(value); }

    /// <summary>G2 Rs grid (Å).</summary>
    public object? G2Rs { get => Get(); set => Set(value); }

    /// <summary>G4 functions as a list of (eta, zeta, lambda).</summary>
    public object? G4 { get => Get(); set => Set(value); }

    /// <summary>G4 eta grid.</summary>
    public object? G4Eta { get => Get(); set => Set(value); }

    /// <summary>G4 zeta grid.</summary>
    public object? G4Zeta { get => Get(); set => Set(value); }

    /// <summary>G4 lambda grid (±1).</summary>
    public object? G4Lambda { get => Get(); set => Set(value); }

    /// <summary>G5 functions as a list of (eta, zeta, lambda).</summary>
    public object? G5 { get => Get(); set => Set(value); }

    /// <summary>G5 eta grid.</summary>
    public object? G5Eta { get => Get(); set => Set(value); }

    /// <summary>G5 zeta grid.</summary>
    public object? G5Zeta { get => Get(); set => Set(value); }

    /// <summary>G5 lambda grid (±1).</summary>
    public object? G5Lambda { get => Get(); set => Set(value); }

    /// <summary>Angular shift θs of the modified form (degrees).</summary>
    public object? ThetaS { get => Get(); set => Set(value); }

    /// <summary>How neighbour pairs are counted in angular terms (Once, Twice).</summary>
    public object? AngularPairs { get => Get(); set => Set(value); }
}
