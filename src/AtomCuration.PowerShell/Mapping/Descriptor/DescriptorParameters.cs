using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>
/// The type of <c>Get-Descriptor -Parameters</c>: a hashtable or the path of a YAML file of the same shape, which
/// PowerShell converts by the constructors. Its properties are the keys a user may type, so Tab completes them:
/// the header (<c>kinds</c>, <c>species</c>, <c>aggregate</c>, <c>perAtom</c>), one section per kind (nested keys
/// complete too), and, since a single kind's keys may be given flat (<c>-Kind Soap -Parameters @{ nmax = 8 }</c>), the
/// keys of every kind. The mapping is bound by Core (<c>DescriptorOptions.Create</c>), which refuses unknown keys
/// and values out of range with its own messages.
/// </summary>
public sealed class DescriptorParameters : ParameterMap
{
    /// <summary>No parameters yet (PowerShell completes the keys of a type it can create empty; a hashtable converts by the next constructor).</summary>
    public DescriptorParameters() : base(Empty())
    {
    }

    /// <summary>Parameters given as a hashtable (kept as given).</summary>
    public DescriptorParameters(IDictionary values) : base(values)
    {
    }

    /// <summary>Parameters in a YAML file; a relative path is resolved against PowerShell's location by the cmdlet.</summary>
    public DescriptorParameters(string path) : base(null) => File = path;

    /// <summary>The YAML file holding the parameters, or null when they are given as a hashtable.</summary>
    public string? File { get; }

    /// <summary>What Core's binder takes: the file's path, else the mapping.</summary>
    public object? ToBindable() => File ?? (object?)ToDictionary();

    /// <summary>Block order, e.g. 'Acsf', 'Soap' (optional with -Kind or a single section).</summary>
    public object? Kinds { get => Get(); set => Set(value); }

    /// <summary>Elements resolving the columns (default: those of the whole input).</summary>
    public object? Species { get => Get(); set => Set(value); }

    /// <summary>How per-atom rows become the structure vector (Mean, Stats, Sum, None).</summary>
    public object? Aggregate { get => Get(); set => Set(value); }

    /// <summary>Also attach the per-atom matrix.</summary>
    public object? PerAtom { get => Get(); set => Set(value); }

    /// <summary>The ACSF section.</summary>
    public AcsfParameters? Acsf { get => Section(d => new AcsfParameters(d)); set => Set(value); }

    /// <summary>The SOAP section.</summary>
    public SoapParameters? Soap { get => Section(d => new SoapParameters(d)); set => Set(value); }

    /// <summary>The RDF section.</summary>
    public RdfParameters? Rdf { get => Section(d => new RdfParameters(d)); set => Set(value); }

    /// <summary>The Coulomb matrix section.</summary>
    public MatrixParameters? CoulombMatrix { get => Section(d => new MatrixParameters(d)); set => Set(value); }

    /// <summary>The sine matrix section.</summary>
    public MatrixParameters? SineMatrix { get => Section(d => new MatrixParameters(d)); set => Set(value); }

    /// <summary>The CrystalNN block (fixed settings; scale only) section.</summary>
    public BlockParameters? CrystalNN { get => Section(d => new BlockParameters(d)); set => Set(value); }

    /// <summary>The bond-length block (fixed settings; scale only) section.</summary>
    public BlockParameters? BondLength { get => Section(d => new BlockParameters(d)); set => Set(value); }

    /// <summary>The GRDF section.</summary>
    public GrdfParameters? Grdf { get => Section(d => new GrdfParameters(d)); set => Set(value); }

    /// <summary>The bispectrum section.</summary>
    public BispectrumParameters? Bispectrum { get => Section(d => new BispectrumParameters(d)); set => Set(value); }

    /// <summary>With a single kind: the factor applied to its block.</summary>
    public object? Scale { get => Get(); set => Set(value); }

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

    /// <inheritdoc cref="SoapParameters.RCut"/>
    public object? RCut { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.NMax"/>
    public object? NMax { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.LMax"/>
    public object? LMax { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Sigma"/>
    public object? Sigma { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Rbf"/>
    public object? Rbf { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Crossover"/>
    public object? Crossover { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Compression"/>
    public object? Compression { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.SpeciesWeighting"/>
    public object? SpeciesWeighting { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Weighting"/>
    public SoapWeightingParameters? Weighting { get => Section(d => new SoapWeightingParameters(d)); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Average"/>
    public object? Average { get => Get(); set => Set(value); }

    /// <inheritdoc cref="SoapParameters.Normalization"/>
    public object? Normalization { get => Get(); set => Set(value); }

    /// <inheritdoc cref="GrdfParameters.Spacing"/>
    public object? Spacing { get => Get(); set => Set(value); }

    /// <inheritdoc cref="GrdfParameters.Width"/>
    public object? Width { get => Get(); set => Set(value); }

    /// <inheritdoc cref="RdfParameters.Partial"/>
    public object? Partial { get => Get(); set => Set(value); }

    /// <inheritdoc cref="MatrixParameters.Permutation"/>
    public object? Permutation { get => Get(); set => Set(value); }

    /// <inheritdoc cref="MatrixParameters.MaxAtoms"/>
    public object? MaxAtoms { get => Get(); set => Set(value); }

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
