using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// What a selection configured by a <see cref="SelectionOptions"/> reads from each structure, checked
/// before any work so the error names the structure and the Get-Descriptor call that is missing.
/// </summary>
public static class DescriptorRequirement
{
    /// <summary>True when the method reads <see cref="Structure.Descriptor"/> (descriptor-space methods; Spectral with δ &gt; 0; any method excluding near-duplicates).</summary>
    public static bool NeedsStructureDescriptor(SelectionOptions options) => options switch
    {
        { DuplicateTolerance: not null } => true, // near-duplicates are found among structure descriptors
        RandomOptions or LocalEnvironmentBankOptions or EntropyOptions or FpsOptions { AtomKernel: not null } or AgglomerativeOptions { AtomKernel: not null } => false,
        SpectralOptions s => s.Delta > 0,
        null => throw new ArgumentNullException(nameof(options)),
        _ => true,
    };

    /// <summary>True when the method reads <see cref="Structure.AtomDescriptors"/> (LocalEnvironmentBank, Entropy; Spectral with δ &lt; 1).</summary>
    public static bool NeedsAtomDescriptors(SelectionOptions options) => options switch
    {
        LocalEnvironmentBankOptions or EntropyOptions or FpsOptions { AtomKernel: not null } or AgglomerativeOptions { AtomKernel: not null } => true,
        SpectralOptions s => s.Delta < 1,
        null => throw new ArgumentNullException(nameof(options)),
        _ => false,
    };

    /// <summary>
    /// Null when <paramref name="structure"/> (input number <paramref name="index"/>, 0-based) carries what
    /// <paramref name="options"/>' method reads; otherwise a message naming the structure, the method and the
    /// Get-Descriptor call to add upstream.
    /// </summary>
    public static string? Missing(Structure structure, int index, SelectionOptions options) =>
        Missing(structure, index, NeedsStructureDescriptor(options), NeedsAtomDescriptors(options), Selector.MethodOf(options).ToString());

    /// <summary>
    /// Null when <paramref name="structure"/> carries the structure descriptor and/or per-atom descriptors a
    /// <paramref name="reader"/> (method or cmdlet name, for the message) needs; otherwise the message.
    /// </summary>
    public static string? Missing(Structure structure, int index, bool structureDescriptor, bool atomDescriptors, string reader)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (atomDescriptors && structure.AtomDescriptors is null)
            return $"Structure '{structure.Id}' (input {index}) has no per-atom descriptors, which {reader} reads: " +
                   "add 'Get-Descriptor -PerAtom' upstream (e.g. 'Get-Descriptor -Preset LocalEnvironment').";
        if (structureDescriptor && structure.Descriptor is null)
            return $"Structure '{structure.Id}' (input {index}) has no descriptor, which {reader} reads: " +
                   "add 'Get-Descriptor' upstream (e.g. 'Get-Descriptor -Preset AverageSoap').";
        return null;
    }

    /// <summary>
    /// Null when the descriptor of <paramref name="structure"/> has the labelled column blocks that <paramref name="options"/>'
    /// preprocessing weights (<see cref="PreprocessOptions.LabelBlockWeights"/>, e.g. preset KMeansStudy); otherwise a message
    /// naming the structure and the descriptor the blocks need.
    /// </summary>
    public static string? MissingBlocks(Structure structure, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Preprocess.LabelBlockWeights.Count == 0 || structure.Descriptor is null) return null;
        var problem = options.Preprocess.ResolveLabelBlocks(structure.DescriptorLabels ?? []).Problem;
        return problem is null ? null : $"Structure '{structure.Id}': {problem}";
    }
}
