using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// One descriptor kind, configured and bound to a <see cref="SpeciesSet"/>. A local descriptor
/// fills a per-atom matrix (atoms × <see cref="Labels"/>), which the caller aggregates to a
/// structure vector; a global one fills a structure vector directly. Instances are immutable
/// and may be used from several threads at once.
/// </summary>
public abstract class Descriptor
{
    /// <summary>The kind.</summary>
    public abstract DescriptorKind Kind { get; }

    /// <summary>One label per column: per-atom columns for a local descriptor, vector entries for a global one.</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    /// <summary>True when the descriptor describes atoms (rows) rather than whole structures.</summary>
    public abstract bool IsLocal { get; }

    /// <summary>
    /// True when the columns are resolved by element, so every structure must hold only elements
    /// of the species set; false for descriptors that treat every element alike (the seed blocks).
    /// </summary>
    public virtual bool UsesSpecies => true;

    /// <summary>
    /// True when a local descriptor defines its own structure vector (SOAP's "inner" average)
    /// instead of leaving aggregation of its rows to the caller.
    /// </summary>
    public virtual bool OwnsAggregation => false;

    /// <summary>Fills <paramref name="rows"/> (row-major, atoms × Labels.Count, zeroed by the caller) for a local descriptor.</summary>
    public virtual void ComputeAtoms(Structure structure, Span<double> rows) =>
        throw new NotSupportedException($"{Kind} has no per-atom rows.");

    /// <summary>Fills <paramref name="vector"/> (Labels.Count, zeroed by the caller) for a global descriptor or one that owns its aggregation.</summary>
    public virtual void ComputeStructure(Structure structure, Span<double> vector) =>
        throw new NotSupportedException($"{Kind} has no structure vector of its own.");

    /// <summary>
    /// Like <see cref="ComputeStructure(Structure, Span{double})"/> for <paramref name="context"/>'s
    /// structure, adding every fallback taken to its warnings and sharing intermediate results with
    /// the other blocks through it. Descriptors that may fall back or share (the seed blocks)
    /// override this one; the others never warn.
    /// </summary>
    public virtual void ComputeStructure(DescriptorContext context, Span<double> vector)
    {
        ArgumentNullException.ThrowIfNull(context);
        ComputeStructure(context.Structure, vector);
    }

    /// <summary>The per-atom matrix of <paramref name="structure"/> as a new array.</summary>
    public double[] ComputeAtoms(Structure structure)
    {
        var rows = new double[structure.AtomCount * Labels.Count];
        ComputeAtoms(structure, rows);
        return rows;
    }

    /// <summary>The structure vector of <paramref name="structure"/> as a new array; fallbacks are added to <paramref name="warnings"/> when given.</summary>
    public double[] ComputeStructure(Structure structure, ICollection<string>? warnings = null)
    {
        var vector = new double[Labels.Count];
        var context = new DescriptorContext(structure);
        ComputeStructure(context, vector);
        if (warnings is not null) foreach (var w in context.Warnings) warnings.Add(w);
        return vector;
    }
}
