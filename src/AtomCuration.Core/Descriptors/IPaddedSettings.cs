namespace AtomCuration.Descriptors;

/// <summary>Settings of a kind whose vector length depends on the largest structure (Coulomb and sine matrices).</summary>
public interface IPaddedSettings : IDescriptorSettings
{
    /// <summary>Atoms the matrix is zero-padded to; null until known.</summary>
    int? MaxAtoms { get; }

    /// <summary>A copy padded to <paramref name="maxAtoms"/>.</summary>
    IPaddedSettings WithMaxAtoms(int maxAtoms);
}
