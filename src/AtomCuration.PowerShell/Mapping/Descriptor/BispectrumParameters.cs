using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of a bispectrum section (<c>BispectrumSettings</c>, LAMMPS compute sna/atom names).</summary>
public sealed class BispectrumParameters(IDictionary values) : BlockParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public BispectrumParameters() : this(Empty())
    {
    }

    /// <summary>Twice the largest angular momentum j.</summary>
    public object? TwoJMax { get => Get(); set => Set(value); }

    /// <summary>Scale of the pair cutoff radii.</summary>
    public object? RCutFac { get => Get(); set => Set(value); }

    /// <summary>Angular mapping parameter r_fac0.</summary>
    public object? RFac0 { get => Get(); set => Set(value); }

    /// <summary>Inner distance parameter r_min0 (Å).</summary>
    public object? RMin0 { get => Get(); set => Set(value); }

    /// <summary>Smooth switching function.</summary>
    public object? SwitchFlag { get => Get(); set => Set(value); }

    /// <summary>Subtract the bispectrum of an isolated atom.</summary>
    public object? BZeroFlag { get => Get(); set => Set(value); }

    /// <summary>Add the quadratic products of the components.</summary>
    public object? QuadraticFlag { get => Get(); set => Set(value); }

    /// <summary>Divide B_{j1j2j} by 2j + 1.</summary>
    public object? BNormFlag { get => Get(); set => Set(value); }

    /// <summary>LAMMPS' wselfallflag (accepted; no effect without chemflag).</summary>
    public object? WSelfAllFlag { get => Get(); set => Set(value); }

    /// <summary>Per-element cutoff radius, e.g. @{ Ta = 0.5 }.</summary>
    public object? Radius { get => Get(); set => Set(value); }

    /// <summary>Per-element neighbour weight, e.g. @{ Ta = 1 }.</summary>
    public object? Weight { get => Get(); set => Set(value); }
}
