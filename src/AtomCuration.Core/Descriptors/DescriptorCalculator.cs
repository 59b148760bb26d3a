using AtomCuration.Common;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The one call a cmdlet makes: structures in, the same structures out (same order) with the
/// fingerprint of <see cref="DescriptorOptions"/> attached, computed in parallel over structures
/// with bounded memory (<see cref="OrderedParallel"/>). Threads, cancellation and the warnings of fallbacks
/// travel in the <see cref="RunContext"/>, as for every other stage.
/// </summary>
public static partial class DescriptorCalculator
{
    /// <summary>
    /// Like <see cref="Attach"/>, but a structure that cannot be described yields an outcome
    /// carrying the error instead of ending the stream (what a cmdlet wants).
    /// </summary>
    public static IEnumerable<DescriptorOutcome> TryAttach(IEnumerable<Structure> source, DescriptorOptions options,
        RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return AttachIterator(source, options, context ?? RunContext.Default);
    }

    /// <summary>
    /// Streams <paramref name="source"/> back with descriptors attached; the first structure that
    /// cannot be described throws its error, and each fallback a block took (a slab's Voronoi cell
    /// for the seed blocks) goes to the context's warnings as "id: message", in input order (when the
    /// context takes no warnings such a structure throws instead: no fallback passes silently). The species set is
    /// <see cref="DescriptorOptions.Species"/> or, when that is empty, the elements of the first
    /// structure. Matrix kinds (Coulomb, sine) need <c>maxAtoms</c> here; see <see cref="AttachAll"/>.
    /// </summary>
    public static IEnumerable<Structure> Attach(IEnumerable<Structure> source, DescriptorOptions options, RunContext? context = null)
    {
        return TryAttach(source, options, context).Select(o => Unwrap(o, context));
    }

    /// <summary>
    /// Two-pass form for an in-memory list (<see cref="ForPool"/>: species of the whole list, matrix kinds
    /// padded to its largest structure), then attaches.
    /// </summary>
    public static IReadOnlyList<Structure> AttachAll(IReadOnlyList<Structure> structures, DescriptorOptions options, RunContext? context = null)
    {
        return Attach(structures, ForPool(structures, options), context).ToList();
    }

    /// <summary>The fingerprint for a known species set (no inference), e.g. to compute one structure at a time.</summary>
    public static CompositeDescriptor Bind(DescriptorOptions options, SpeciesSet species) => new(options, species);

    private static IEnumerable<DescriptorOutcome> AttachIterator(IEnumerable<Structure> source, DescriptorOptions options,
        RunContext context)
    {
        using var e = source.GetEnumerator();
        if (!e.MoveNext()) yield break;
        var species = options.Species is { Count: > 0 } sp ? SpeciesSet.FromSymbols(sp) : SpeciesSet.FromStructure(e.Current);
        var composite = new CompositeDescriptor(options, species);
        foreach (var outcome in OrderedParallel.Map(Rest(e), s => Describe(composite, s), context.ThrottleLimit, context.Cancellation))
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

    private static Structure Unwrap(DescriptorOutcome o, RunContext? context)
    {
        if (o.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(o.Error);
        if (o.Warnings.Count > 0 && context?.Warning is null)
            throw new InvalidOperationException($"{string.Join(" ", o.Warnings)} Pass a run context with a warning handler to accept fallbacks.");
        foreach (var w in o.Warnings) context!.Warn($"{o.Input.Id}: {w}");
        return o.Output!;
    }

    private static IEnumerable<Structure> Rest(IEnumerator<Structure> e)
    {
        do yield return e.Current;
        while (e.MoveNext());
    }
}
