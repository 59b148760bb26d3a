namespace AtomCuration.Descriptors;

/// <summary>One block of a composite fingerprint: a configured kind and the factor its columns are multiplied by.</summary>
/// <param name="Settings">The kind and its validated parameters.</param>
/// <param name="Scale">Multiplies every column of the block (per-atom rows and structure vector), to balance blocks in a distance.</param>
public sealed record DescriptorBlock(IDescriptorSettings Settings, double Scale = 1.0)
{
    /// <summary>The kind of the block.</summary>
    public DescriptorKind Kind => Settings.Kind;
}
