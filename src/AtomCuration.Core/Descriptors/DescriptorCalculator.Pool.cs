using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>Whole-pool helpers: species of the whole pool, matrix kinds padded to the largest structure.</summary>
public static partial class DescriptorCalculator
{
    /// <summary>
    /// True when <paramref name="options"/> can only be computed once the whole pool is known: a matrix
    /// kind (Coulomb, sine) without <c>maxAtoms</c> pads to the largest structure, and columns that depend
    /// on the species need them given (<see cref="NeedsSpecies"/>) or inferred from every structure; a
    /// streaming caller then collects everything and uses <see cref="TryAttachAll"/>.
    /// </summary>
    public static bool NeedsWholePool(DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Blocks.Any(b => b.Settings is IPaddedSettings { MaxAtoms: null }) || NeedsSpecies(options);
    }

    /// <summary>True when some block's columns depend on the species and the options do not name them.</summary>
    public static bool NeedsSpecies(DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Species is not { Count: > 0 } && options.Blocks.Any(b => b.Settings.UsesSpecies);
    }

    /// <summary>
    /// The outcome-yielding twin of <see cref="AttachAll"/>: completes the options from the whole pool
    /// (<see cref="ForPool"/>), then attaches; a structure that cannot be described yields an outcome
    /// carrying its error instead of ending the stream.
    /// </summary>
    public static IEnumerable<DescriptorOutcome> TryAttachAll(IReadOnlyList<Structure> structures, DescriptorOptions options,
        RunContext? context = null) =>
        TryAttach(structures, ForPool(structures, options), context);

    /// <summary>
    /// <paramref name="options"/> completed from the whole pool, for a caller that holds it: without
    /// <see cref="DescriptorOptions.Species"/>, the elements of every structure (so a mixed pool — Cu
    /// sample and Ta set — gets one column layout for all, not the first structure's); matrix kinds
    /// (Coulomb, sine) without <c>maxAtoms</c> padded to the largest structure.
    /// </summary>
    public static DescriptorOptions ForPool(IReadOnlyList<Structure> structures, DescriptorOptions options)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(options);
        int largest = structures.Count == 0 ? 1 : structures.Max(s => s.AtomCount);
        return options with
        {
            Species = options.Species is { Count: > 0 } || structures.Count == 0
                ? options.Species
                : SpeciesSet.FromAtomicNumbers(structures.SelectMany(s => s.AtomicNumbers.ToArray())).Symbols,
            Blocks = options.Blocks.Select(b => b.Settings is IPaddedSettings p && p.MaxAtoms is null
                ? b with { Settings = p.WithMaxAtoms(largest) }
                : b).ToArray(),
        };
    }
}
