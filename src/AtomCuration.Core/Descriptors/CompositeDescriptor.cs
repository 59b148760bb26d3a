using System.Collections.Immutable;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The fingerprint of <see cref="DescriptorOptions"/> bound to a species set: its blocks
/// concatenated in order, each multiplied by its scale. The structure vector holds, per block,
/// the aggregated rows of a per-atom block (or its own average, SOAP "inner") or the vector
/// of a global block; the per-atom matrix holds the rows of the per-atom blocks only.
/// </summary>
public sealed class CompositeDescriptor
{
    private readonly (Descriptor Descriptor, double Scale)[] _blocks;
    private readonly bool _usesSpecies;

    /// <summary>Binds <paramref name="options"/> to <paramref name="species"/>.</summary>
    public CompositeDescriptor(DescriptorOptions options, SpeciesSet species)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(species);
        if (options.Blocks.Count == 0) throw new ArgumentException("The options have no descriptor blocks.", nameof(options));
        Options = options;
        Species = species;
        _blocks = options.Blocks.Select(b => (b.Settings.Create(species), b.Scale)).ToArray();
        _usesSpecies = _blocks.Any(b => b.Descriptor.UsesSpecies);
        AttachAtoms = options.PerAtom || options.Aggregate == Aggregation.None;
        if (AttachAtoms && !_blocks.Any(b => b.Descriptor.IsLocal))
            throw new DescriptorParameterException("perAtom", "Per-atom output needs a per-atom kind (Acsf or Soap) among the kinds; the other kinds describe whole structures.");
        AtomLabels = _blocks.Where(b => b.Descriptor.IsLocal).SelectMany(b => b.Descriptor.Labels).ToArray();
        StructureLabels = _blocks.SelectMany(b => StructureLabelsOf(b.Descriptor)).ToArray();
    }

    /// <summary>The options this fingerprint was built from.</summary>
    public DescriptorOptions Options { get; }

    /// <summary>The species resolving the columns.</summary>
    public SpeciesSet Species { get; }

    /// <summary>The configured descriptor of each block.</summary>
    public IReadOnlyList<Descriptor> Descriptors => _blocks.Select(b => b.Descriptor).ToArray();

    /// <summary>Labels of the structure vector (empty when nothing is aggregated).</summary>
    public IReadOnlyList<string> StructureLabels { get; }

    /// <summary>Labels of the per-atom matrix (the per-atom blocks' columns).</summary>
    public IReadOnlyList<string> AtomLabels { get; }

    /// <summary>True when the per-atom matrix is attached (PerAtom, or Aggregate None).</summary>
    public bool AttachAtoms { get; }

    /// <summary>
    /// Computes the fingerprint of <paramref name="structure"/> and returns a copy carrying it
    /// (<see cref="Structure.Descriptor"/>, <see cref="Structure.DescriptorLabels"/>, and
    /// <see cref="Structure.AtomDescriptors"/> when per-atom output is on), with the fallbacks
    /// the blocks took (each naming the structure; empty when none was needed).
    /// </summary>
    public (Structure Output, IReadOnlyList<string> Warnings) Attach(Structure structure)
    {
        var (vector, atoms, warnings) = Compute(structure);
        var output = new Structure(structure)
        {
            Descriptor = vector is null ? null : Structure.Own(vector),
            DescriptorLabels = vector is null ? null : StructureLabels,
            AtomDescriptors = atoms,
        };
        return (output, warnings);
    }

    /// <summary>
    /// The structure vector (null when nothing is aggregated), the per-atom matrix (null unless
    /// attached) and the distinct warnings of the blocks (fallbacks such as a slab's Voronoi cell).
    /// </summary>
    public (double[]? Vector, FeatureMatrix? Atoms, IReadOnlyList<string> Warnings) Compute(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (_usesSpecies) _ = Species.IndicesOf(structure);
        OverlappingAtoms.Check(structure);
        int n = structure.AtomCount;
        var vector = StructureLabels.Count > 0 ? new double[StructureLabels.Count] : null;
        var atoms = AttachAtoms ? new double[n * AtomLabels.Count] : null;
        var context = new DescriptorContext(structure);
        int vOffset = 0, aOffset = 0;
        foreach (var (d, scale) in _blocks)
        {
            int width = d.Labels.Count;
            var vSlice = vector.AsSpan(vOffset, StructureWidth(d));
            if (d.IsLocal)
            {
                var rows = new double[n * width];
                d.ComputeAtoms(structure, rows);
                if (scale != 1.0) System.Numerics.Tensors.TensorPrimitives.Multiply(rows, scale, rows);
                if (d.OwnsAggregation && Options.Aggregate != Aggregation.None)
                {
                    d.ComputeStructure(structure, vSlice);
                    if (scale != 1.0) System.Numerics.Tensors.TensorPrimitives.Multiply(vSlice, scale, vSlice);
                }
                else
                {
                    Aggregator.Apply(Options.Aggregate, rows, n, width, vSlice);
                }
                if (atoms is not null)
                    for (int i = 0; i < n; i++)
                        rows.AsSpan(i * width, width).CopyTo(atoms.AsSpan(i * AtomLabels.Count + aOffset, width));
                aOffset += width;
            }
            else
            {
                d.ComputeStructure(context, vSlice);
                if (scale != 1.0) System.Numerics.Tensors.TensorPrimitives.Multiply(vSlice, scale, vSlice);
            }
            vOffset += vSlice.Length;
        }
        // Blocks sharing a fallback (CrystalNN and BondLength share the closed Voronoi cells) report it once.
        return (vector, atoms is null ? null : new FeatureMatrix(n, AtomLabels, atoms), context.Warnings.Distinct().ToArray());
    }

    private int StructureWidth(Descriptor d) =>
        !d.IsLocal ? d.Labels.Count
        : d.OwnsAggregation && Options.Aggregate != Aggregation.None ? d.Labels.Count
        : Aggregator.Width(Options.Aggregate, d.Labels.Count);

    private IReadOnlyList<string> StructureLabelsOf(Descriptor d) =>
        !d.IsLocal || (d.OwnsAggregation && Options.Aggregate != Aggregation.None) ? d.Labels : Aggregator.Labels(Options.Aggregate, d.Labels);
}
