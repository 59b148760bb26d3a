using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>
/// The type of <c>New-EntropyConfiguration -DescriptorParameters</c>: the keys of the two descriptors it takes
/// (<c>-Descriptor Bispectrum</c> or <c>Acsf</c>), given flat, for Tab (see <see cref="ParameterMap"/>). The hashtable is
/// kept as given and bound onto the chosen kind's settings record, which refuses the other kind's keys by name.
/// </summary>
public sealed class EntropyDescriptorParameters : ParameterMap
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public EntropyDescriptorParameters() : base(Empty())
    {
    }

    /// <summary>Keys given as a hashtable (kept as given).</summary>
    public EntropyDescriptorParameters(IDictionary values) : base(values)
    {
    }

    /// <inheritdoc cref="AcsfParameters.Cutoff"/>
    public object? Cutoff { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.Form"/>
    public object? Form { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G2"/>
    public object? G2 { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G2Eta"/>
    public object? G2Eta { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G2Rs"/>
    public object? G2Rs { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G4"/>
    public object? G4 { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G4Eta"/>
    public object? G4Eta { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G4Zeta"/>
    public object? G4Zeta { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G4Lambda"/>
    public object? G4Lambda { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G5"/>
    public object? G5 { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G5Eta"/>
    public object? G5Eta { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G5Zeta"/>
    public object? G5Zeta { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.G5Lambda"/>
    public object? G5Lambda { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.ThetaS"/>
    public object? ThetaS { get => Get(); set => Set(value); }

    /// <inheritdoc cref="AcsfParameters.AngularPairs"/>
    public object? AngularPairs { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.TwoJMax"/>
    public object? TwoJMax { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.RCutFac"/>
    public object? RCutFac { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.RFac0"/>
    public object? RFac0 { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.RMin0"/>
    public object? RMin0 { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.SwitchFlag"/>
    public object? SwitchFlag { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.BZeroFlag"/>
    public object? BZeroFlag { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.QuadraticFlag"/>
    public object? QuadraticFlag { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.BNormFlag"/>
    public object? BNormFlag { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.WSelfAllFlag"/>
    public object? WSelfAllFlag { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.Radius"/>
    public object? Radius { get => Get(); set => Set(value); }

    /// <inheritdoc cref="BispectrumParameters.Weight"/>
    public object? Weight { get => Get(); set => Set(value); }
}
