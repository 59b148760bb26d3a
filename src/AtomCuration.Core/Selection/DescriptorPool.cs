using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// Glue between the pipeline's structures and the matrix algorithms: stacks
/// <see cref="Structure.Descriptor"/> into a pool matrix, and fetches per-atom descriptors,
/// failing with a message that names the structure and the missing Get-Descriptor step.
/// </summary>
public static class DescriptorPool
{
    /// <summary>The N × d matrix of structure descriptors (row i = structure i).</summary>
    /// <exception cref="InvalidOperationException">A structure has no descriptor, lengths differ, or a value is not finite (each named).</exception>
    public static FeatureMatrix FromStructures(IReadOnlyList<Structure> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0) return Matrices.Create(0, 0, []);
        int d = Require(pool[0], 0).Length;
        var values = new double[pool.Count * d];
        for (int i = 0; i < pool.Count; i++)
        {
            var desc = Require(pool[i], i);
            if (desc.Length != d)
                throw new InvalidOperationException(
                    $"Structure '{pool[i].Id}' (index {i}) has a descriptor of length {desc.Length}, but '{pool[0].Id}' has {d}: " +
                    "run the same Get-Descriptor call on the whole pool.");
            FiniteDescriptors.Require(pool[i], i, desc.AsSpan());
            desc.AsSpan().CopyTo(values.AsSpan(i * d, d));
        }
        var labels = pool[0].DescriptorLabels is { Count: var n } l && n == d ? l : Matrices.Create(0, d, []).Labels;
        return new FeatureMatrix(pool.Count, labels, values);
    }

    /// <summary>The per-atom descriptor matrix of <paramref name="structure"/> (atoms × features).</summary>
    /// <exception cref="InvalidOperationException">The structure has no per-atom descriptors, or one is not finite (named).</exception>
    public static FeatureMatrix AtomDescriptorsOf(Structure structure, int index)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var atoms = structure.AtomDescriptors ?? throw new InvalidOperationException(
            $"Structure '{structure.Id}' (index {index}) has no per-atom descriptors (AtomDescriptors): " +
            "run Get-Descriptor with a per-atom descriptor before this step.");
        FiniteDescriptors.Require(atoms, atom => $"Structure '{structure.Id}' (index {index}), atom {atom},");
        return atoms;
    }

    private static System.Collections.Immutable.ImmutableArray<double> Require(Structure s, int i) =>
        s.Descriptor ?? throw new InvalidOperationException(
            $"Structure '{s.Id}' (index {i}) has no descriptor: run Get-Descriptor on the pool before Select-Configuration.");
}
