using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The elements a descriptor resolves its columns by, sorted by atomic number so that the
/// column order never depends on the order atoms appear in a file. It comes from the options
/// (<c>Species = ["Ti", "O"]</c>) or, when none are given, from every structure of a pool held
/// in memory (<see cref="DescriptorCalculator.ForPool"/>) or the first structure of an enumerable;
/// a structure with an element outside the set is rejected (its columns would not exist).
/// </summary>
public sealed class SpeciesSet
{
    private readonly int[] _index;

    private SpeciesSet(IEnumerable<int> atomicNumbers)
    {
        AtomicNumbers = atomicNumbers.Distinct().Order().ToArray();
        if (AtomicNumbers.Count == 0) throw new ArgumentException("A species set needs at least one element.");
        Symbols = AtomicNumbers.Select(z => Elements.FromZ(z).Symbol).ToArray();
        _index = new int[Elements.MaxZ + 1];
        Array.Fill(_index, -1);
        for (int k = 0; k < AtomicNumbers.Count; k++) _index[AtomicNumbers[k]] = k;
    }

    /// <summary>The set of the given chemical symbols; throws <see cref="DescriptorParameterException"/> on an unknown symbol.</summary>
    public static SpeciesSet FromSymbols(IEnumerable<string> symbols) =>
        new(symbols.Select(s => Elements.TryFromSymbol(s, out var e)
            ? e.Z
            : throw new DescriptorParameterException("species", $"Parameter 'species': '{s}' is not a chemical symbol (H … Pu).")));

    /// <summary>The set of the given atomic numbers.</summary>
    public static SpeciesSet FromAtomicNumbers(IEnumerable<int> atomicNumbers) => new(atomicNumbers);

    /// <summary>The elements present in <paramref name="structure"/>.</summary>
    public static SpeciesSet FromStructure(Structure structure) => new(structure.AtomicNumbers);

    /// <summary>Atomic numbers, ascending.</summary>
    public IReadOnlyList<int> AtomicNumbers { get; }

    /// <summary>Chemical symbols in the same order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Number of elements.</summary>
    public int Count => AtomicNumbers.Count;

    /// <summary>Position of element <paramref name="z"/> in the set, or −1.</summary>
    public int IndexOf(int z) => z >= 0 && z < _index.Length ? _index[z] : -1;

    /// <summary>The species index of every atom; throws when an atom's element is not in the set.</summary>
    public int[] IndicesOf(Structure structure)
    {
        var result = new int[structure.AtomCount];
        for (int i = 0; i < result.Length; i++)
        {
            int k = IndexOf(structure.AtomicNumbers[i]);
            if (k < 0)
                throw new ArgumentException(
                    $"{structure.Id} contains {Elements.FromZ(structure.AtomicNumbers[i]).Symbol}, which is not among the descriptor species " +
                    $"[{string.Join(", ", Symbols)}]; give the species explicitly (Get-Descriptor -Species, or parameter 'species').");
            result[i] = k;
        }
        return result;
    }

    /// <summary>Index of the unordered pair (a, b), a ≤ b, in the order (0,0), (0,1), …, (0,S−1), (1,1), …</summary>
    public int PairIndex(int a, int b)
    {
        if (a > b) (a, b) = (b, a);
        return a * Count - a * (a - 1) / 2 + (b - a);
    }

    /// <summary>Number of unordered pairs, S(S+1)/2.</summary>
    public int PairCount => Count * (Count + 1) / 2;
}
