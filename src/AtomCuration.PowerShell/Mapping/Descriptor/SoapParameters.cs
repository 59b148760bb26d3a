using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of a SOAP section (<c>SoapSettings</c>, DScribe 2.1 names).</summary>
public sealed class SoapParameters(IDictionary values) : BlockParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public SoapParameters() : this(Empty())
    {
    }

    /// <summary>Cutoff radius (Å).</summary>
    public object? RCut { get => Get(); set => Set(value); }

    /// <summary>Radial basis functions.</summary>
    public object? NMax { get => Get(); set => Set(value); }

    /// <summary>Largest spherical-harmonic degree.</summary>
    public object? LMax { get => Get(); set => Set(value); }

    /// <summary>Gaussian width (Å).</summary>
    public object? Sigma { get => Get(); set => Set(value); }

    /// <summary>Radial basis (Gto, Polynomial).</summary>
    public object? Rbf { get => Get(); set => Set(value); }

    /// <summary>DScribe's crossover: false keeps same-species blocks only.</summary>
    public object? Crossover { get => Get(); set => Set(value); }

    /// <summary>Which species blocks are kept (Off, Crossover, Mu1Nu1, Mu2).</summary>
    public object? Compression { get => Get(); set => Set(value); }

    /// <summary>Per-species weights, e.g. @{ Ti = 1; O = 0.5 }.</summary>
    public object? SpeciesWeighting { get => Get(); set => Set(value); }

    /// <summary>Radial weighting of the neighbour density (a hashtable: function, r0, c, d, m, w0, threshold).</summary>
    public SoapWeightingParameters? Weighting { get => Section(d => new SoapWeightingParameters(d)); set => Set(value); }

    /// <summary>Averaging over atoms (Outer, Inner).</summary>
    public object? Average { get => Get(); set => Set(value); }

    /// <summary>Normalisation (None, L2).</summary>
    public object? Normalization { get => Get(); set => Set(value); }
}
