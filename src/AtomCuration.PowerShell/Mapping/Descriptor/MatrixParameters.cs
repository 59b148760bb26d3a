using System.Collections;

namespace AtomCuration.PowerShell.Mapping.Descriptor;

/// <summary>The keys of a Coulomb or sine matrix section (<c>MatrixSettings</c>).</summary>
public sealed class MatrixParameters(IDictionary values) : BlockParameters(values)
{
    /// <summary>No keys yet (PowerShell completes the keys of a type it can create empty).</summary>
    public MatrixParameters() : this(Empty())
    {
    }

    /// <summary>SortedL2, Eigenspectrum or None.</summary>
    public object? Permutation { get => Get(); set => Set(value); }

    /// <summary>Atoms the matrix is padded to (default: the largest structure).</summary>
    public object? MaxAtoms { get => Get(); set => Set(value); }
}
