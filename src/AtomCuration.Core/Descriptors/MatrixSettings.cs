using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>How a Coulomb or sine matrix is made independent of atom order.</summary>
public enum MatrixPermutation
{
    /// <summary>Rows and columns sorted by row L2 norm, largest first (ties keep input order); the flattened matrix (DScribe's default).</summary>
    SortedL2,

    /// <summary>The eigenvalues, sorted by absolute value, largest first: a vector of MaxAtoms entries.</summary>
    Eigenspectrum,

    /// <summary>The matrix in input order, flattened (not permutation invariant).</summary>
    None,
}

/// <summary>
/// Parameters of the Coulomb matrix and the sine matrix. The vector has a fixed length set by
/// <see cref="MaxAtoms"/> (smaller structures are zero-padded, larger ones rejected): streaming
/// needs it up front, since the largest structure is not known until the stream ends;
/// <see cref="DescriptorCalculator.AttachAll"/> fills it from an in-memory list (two passes).
/// </summary>
public sealed record MatrixSettings : IPaddedSettings
{
    /// <summary>Settings for <paramref name="kind"/> (CoulombMatrix or SineMatrix).</summary>
    public MatrixSettings(DescriptorKind kind)
    {
        if (kind is not (DescriptorKind.CoulombMatrix or DescriptorKind.SineMatrix))
            throw new ArgumentException($"{kind} is not a matrix descriptor.", nameof(kind));
        Kind = kind;
    }

    /// <inheritdoc />
    public DescriptorKind Kind { get; }

    /// <summary>Ordering / reduction of the matrix.</summary>
    public MatrixPermutation Permutation { get; init; } = MatrixPermutation.SortedL2;

    /// <inheritdoc />
    [OptionRange(1, 5000)]
    public int? MaxAtoms { get; init; }

    /// <inheritdoc />
    public IPaddedSettings WithMaxAtoms(int maxAtoms) => this with { MaxAtoms = maxAtoms };

    /// <inheritdoc />
    /// <remarks>Not validated here: padded to a pool's largest structure (<see cref="WithMaxAtoms"/>), MaxAtoms may exceed what a user may ask for.</remarks>
    public Descriptor Create(SpeciesSet species) => Kind == DescriptorKind.CoulombMatrix
        ? new CoulombMatrixDescriptor(this)
        : new SineMatrixDescriptor(this);

    /// <summary>Checks the range of <see cref="MaxAtoms"/>.</summary>
    public void Validate() => OptionRanges.Validate(this);
}
