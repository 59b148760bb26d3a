using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys every descriptor block takes; on its own, the section of a kind with fixed settings (CrystalNN, BondLength).</summary>
public class BlockParameters : ParameterMap
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public BlockParameters() : this(Empty())
    {
    }

    /// <summary>Sees <paramref name="values"/> as a block's section.</summary>
    public BlockParameters(IDictionary values) : base(values)
    {
    }

    /// <summary>Factor applied to the block's columns (default 1).</summary>
    public object? Scale { get => Get(); set => Set(value); }
}
