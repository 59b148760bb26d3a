using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>Whole-pool helpers: matrix kinds padded to the largest structure.</summary>
public static partial class DescriptorCalculator
{
    /// <summary>
    /// True when <paramref name="options"/> can only be computed once the whole pool is known: a matrix
    /// kind (Coulomb, sine) without <c>maxAtoms</c> pads to the largest structure, so a streaming
    /// caller must collect everything and use <see cref="TryAttachAll"/>.
    /// </summary>
    public static bool NeedsWholePool(DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Blocks.Any(b => b.Settings is IPaddedSettings { MaxAtoms: null });
    }

    /// <summary>
    /// The outcome-yielding twin of <see cref="AttachAll"/>: pads matrix kinds to the largest structure
    /// of <paramref name="structures"/>, then attaches; a structure that cannot be described yields an
    /// outcome carrying its error instead of ending the stream.
    /// </summary>
    public static IEnumerable<DescriptorOutcome> TryAttachAll(IReadOnlyList<Structure> structures, DescriptorOptions options,
        CancellationToken cancellation = default) =>
        TryAttach(structures, PadToLargest(structures, options), cancellation);

    private static DescriptorOptions PadToLargest(IReadOnlyList<Structure> structures, DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(options);
        int largest = structures.Count == 0 ? 1 : structures.Max(s => s.AtomCount);
        return options with
        {
            Blocks = options.Blocks.Select(b => b.Settings is IPaddedSettings p && p.MaxAtoms is null
                ? b with { Settings = p.WithMaxAtoms(largest) }
                : b).ToArray(),
        };
    }
}
