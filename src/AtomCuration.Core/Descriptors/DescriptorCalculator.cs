using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The one call a cmdlet makes: structures in, the same structures out (same order) with the
/// fingerprint of <see cref="DescriptorOptions"/> attached, computed in parallel over structures
/// with bounded memory (<see cref="OrderedParallel"/>).
/// </summary>
public static partial class DescriptorCalculator
{
    /// <summary>
    /// Like <see cref="Attach"/>, but a structure that cannot be described yields an outcome
    /// carrying the error instead of ending the stream (what a cmdlet wants).
    /// </summary>
    public static IEnumerable<DescriptorOutcome> TryAttach(IEnumerable<Structure> source, DescriptorOptions options,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return AttachIterator(source, options, cancellation);
    }

    /// <summary>
    /// Streams <paramref name="source"/> back with descriptors attached; the first structure that
    /// cannot be described throws its error, and each fallback a block took (a slab's Voronoi cell
    /// for the seed blocks) is handed to <paramref name="warn"/> with its structure, in input order
    /// (when <paramref name="warn"/> is null such a structure throws instead: no fallback passes silently). The species set is
    /// <see cref="DescriptorOptions.Species"/> or, when that is empty, the elements of the first
    /// structure. Matrix kinds (Coulomb, sine) need <c>maxAtoms</c> here; see <see cref="AttachAll"/>.
    /// </summary>
    public static IEnumerable<Structure> Attach(IEnumerable<Structure> source, DescriptorOptions options,
        CancellationToken cancellation = default, Action<Structure, string>? warn = null)
    {
        return TryAttach(source, options, cancellation).Select(o => Unwrap(o, warn));
    }

    /// <summary>
    /// Two-pass form for an in-memory list: fills a missing <c>maxAtoms</c> of matrix kinds with the
    /// largest structure's atom count (zero padding "to the largest structure"), then attaches.
    /// </summary>
    public static IReadOnlyList<Structure> AttachAll(IReadOnlyList<Structure> structures, DescriptorOptions options,
        CancellationToken cancellation = default, Action<Structure, string>? warn = null)
    {
        return Attach(structures, PadToLargest(structures, options), cancellation, warn).ToList();
    }

    /// <summary>The fingerprint for a known species set (no inference), e.g. to compute one structure at a time.</summary>
    public static CompositeDescriptor Bind(DescriptorOptions options, SpeciesSet species) => new(options, species);

    private static IEnumerable<DescriptorOutcome> AttachIterator(IEnumerable<Structure> source, DescriptorOptions options,
        CancellationToken cancellation)
    {
        using var e = source.GetEnumerator();
        if (!e.MoveNext()) yield break;
        var species = options.Species is { Count: > 0 } sp ? SpeciesSet.FromSymbols(sp) : SpeciesSet.FromStructure(e.Current);
        var composite = new CompositeDescriptor(options, species);
        foreach (var outcome in OrderedParallel.Map(Rest(e), s => Describe(composite, s), options.ThrottleLimit, cancellation))
            yield return outcome;
    }

    /// <summary>Describes one structure, turning a bad-input error into a failed outcome.</summary>
    internal static DescriptorOutcome Describe(CompositeDescriptor composite, Structure s)
    {
        try
        {
            var (output, warnings) = composite.Attach(s);
            return new DescriptorOutcome(s, output, null) { Warnings = warnings };
        }
        catch (ArgumentException e)
        {
            return new DescriptorOutcome(s, null, e);
        }
    }

    private static Structure Unwrap(DescriptorOutcome o, Action<Structure, string>? warn)
    {
        if (o.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(o.Error);
        if (o.Warnings.Count > 0 && warn is null)
            throw new InvalidOperationException($"{string.Join(" ", o.Warnings)} Pass a warning handler to accept fallbacks.");
        foreach (var w in o.Warnings) warn!(o.Input, w);
        return o.Output!;
    }

    private static IEnumerable<Structure> Rest(IEnumerator<Structure> e)
    {
        do yield return e.Current;
        while (e.MoveNext());
    }
}
