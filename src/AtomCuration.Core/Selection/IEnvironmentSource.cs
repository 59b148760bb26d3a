using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>One structure as the local-environment bank visits it.</summary>
/// <param name="Index">The structure's position in its pool (what a selection reports).</param>
/// <param name="AtomicNumbers">The atoms' atomic numbers.</param>
/// <param name="Environments">The atoms' environment descriptors, one row per atom.</param>
internal readonly record struct EnvironmentVisit(int Index, ReadOnlyMemory<int> AtomicNumbers, FeatureMatrix Environments);

/// <summary>
/// The structures a <see cref="LocalEnvironmentBank"/> runs over: the pool in memory, or a per-atom descriptor
/// store read in passes (Storage.StoreEnvironments) — one algorithm, whichever holds the environments.
/// </summary>
internal interface IEnvironmentSource
{
    /// <summary>Number of structures.</summary>
    int Count { get; }

    /// <summary>The distinct atomic numbers of all atoms, in order of first appearance.</summary>
    IReadOnlyList<int> Elements { get; }

    /// <summary>Min–max scaling over every environment.</summary>
    ColumnScaling MinMax();

    /// <summary>The structures in <paramref name="order"/> (a permutation of 0…Count−1).</summary>
    IEnumerable<EnvironmentVisit> Visit(int[] order, CancellationToken cancellation);
}
