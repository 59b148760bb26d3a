namespace AtomCuration.Potentials.Eam;

/// <summary>
/// An embedded-atom-method potential for one or more elements:
/// E = Σᵢ F_{aᵢ}(ρᵢ) + ½ Σᵢ Σ_{j≠i} φ_{aᵢaⱼ}(r_ij), with ρᵢ = Σ_{j≠i} ρ_{aᵢ←aⱼ}(r_ij),
/// all pairs closer than <see cref="Cutoff"/>. In the eam/alloy (setfl) form the density an
/// atom contributes depends on its own species only; in the Finnis–Sinclair (eam/fs) form
/// it also depends on the host's species. A funcfl (single-element eam) file is read into
/// the same model. Immutable and thread-safe.
/// </summary>
public sealed class EamPotential
{
    private readonly IRadialFunction[] _embedding;
    private readonly IRadialFunction[] _density; // [host * n + source]
    private readonly IRadialFunction[] _pair;    // [a * n + b], symmetric
    private readonly Dictionary<int, int> _indexOfZ;

    private EamPotential(IReadOnlyList<EamElement> elements, double cutoff, IRadialFunction[] embedding,
        IRadialFunction[] density, IRadialFunction[] pair, bool finnisSinclair)
    {
        if (!(cutoff > 0) || !double.IsFinite(cutoff)) throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "The cutoff must be positive.");
        Elements = elements.ToArray();
        _indexOfZ = new Dictionary<int, int>();
        for (int a = 0; a < Elements.Count; a++)
            if (!_indexOfZ.TryAdd(Elements[a].AtomicNumber, a))
                throw new ArgumentException($"Element {Elements[a].Symbol} appears twice.", nameof(elements));
        Cutoff = cutoff;
        _embedding = embedding;
        _density = density;
        _pair = pair;
        IsFinnisSinclair = finnisSinclair;
        foreach (var f in embedding.Concat(density).Concat(pair)) ArgumentNullException.ThrowIfNull(f);
    }

    /// <summary>An eam/alloy potential: one embedding and one density function per element, pair functions for a ≤ b.</summary>
    /// <param name="elements">The species, in file order.</param>
    /// <param name="cutoff">Interaction cutoff (Å).</param>
    /// <param name="embedding">F_a(ρ) per element.</param>
    /// <param name="density">ρ_a(r) per element: the density an atom of species a contributes.</param>
    /// <param name="pair">φ_ab(r) in setfl order (0,0), (1,0), (1,1), (2,0), … (lower triangle by rows).</param>
    public static EamPotential Alloy(IReadOnlyList<EamElement> elements, double cutoff, IReadOnlyList<IRadialFunction> embedding,
        IReadOnlyList<IRadialFunction> density, IReadOnlyList<IRadialFunction> pair)
    {
        int n = Check(elements, embedding, pair);
        if (density.Count != n) throw new ArgumentException($"{density.Count} density functions for {n} elements.", nameof(density));
        var full = new IRadialFunction[n * n];
        for (int host = 0; host < n; host++)
            for (int source = 0; source < n; source++) full[host * n + source] = density[source];
        return new EamPotential(elements, cutoff, embedding.ToArray(), full, ExpandPairs(n, pair), false);
    }

    /// <summary>A Finnis–Sinclair (eam/fs) potential: densities ρ_{host←source}(r) for every ordered pair.</summary>
    /// <param name="elements">The species, in file order.</param>
    /// <param name="cutoff">Interaction cutoff (Å).</param>
    /// <param name="embedding">F_a(ρ) per element.</param>
    /// <param name="density">ρ_{host←source}(r), indexed [host, source].</param>
    /// <param name="pair">φ_ab(r) in setfl order (lower triangle by rows).</param>
    public static EamPotential FinnisSinclair(IReadOnlyList<EamElement> elements, double cutoff, IReadOnlyList<IRadialFunction> embedding,
        IRadialFunction[,] density, IReadOnlyList<IRadialFunction> pair)
    {
        int n = Check(elements, embedding, pair);
        ArgumentNullException.ThrowIfNull(density);
        if (density.GetLength(0) != n || density.GetLength(1) != n)
            throw new ArgumentException($"The density matrix must be {n}×{n}.", nameof(density));
        var full = new IRadialFunction[n * n];
        for (int host = 0; host < n; host++)
            for (int source = 0; source < n; source++) full[host * n + source] = density[host, source];
        return new EamPotential(elements, cutoff, embedding.ToArray(), full, ExpandPairs(n, pair), true);
    }

    /// <summary>The species, in file order.</summary>
    public IReadOnlyList<EamElement> Elements { get; }

    /// <summary>Interaction cutoff (Å).</summary>
    public double Cutoff { get; }

    /// <summary>True for the Finnis–Sinclair form (host-dependent densities).</summary>
    public bool IsFinnisSinclair { get; }

    /// <summary>Number of species.</summary>
    public int ElementCount => Elements.Count;

    /// <summary>F_a(ρ).</summary>
    public IRadialFunction Embedding(int a) => _embedding[a];

    /// <summary>Density at a host of species <paramref name="host"/> due to a neighbour of species <paramref name="source"/>.</summary>
    public IRadialFunction Density(int host, int source) => _density[host * Elements.Count + source];

    /// <summary>φ_ab(r) (symmetric).</summary>
    public IRadialFunction Pair(int a, int b) => _pair[a * Elements.Count + b];

    /// <summary>Index of the element with atomic number <paramref name="z"/>, or −1.</summary>
    public int IndexOf(int z) => _indexOfZ.TryGetValue(z, out int a) ? a : -1;

    /// <summary>Index of setfl pair (a, b) in the lower-triangle order (0,0), (1,0), (1,1), (2,0), ….</summary>
    public static int PairIndex(int a, int b)
    {
        if (a < b) (a, b) = (b, a);
        return a * (a + 1) / 2 + b;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"EAM {(IsFinnisSinclair ? "fs" : "alloy")} {string.Join(" ", Elements.Select(e => e.Symbol))}, cutoff {Cutoff:G6} Å";

    private static int Check(IReadOnlyList<EamElement> elements, IReadOnlyList<IRadialFunction> embedding, IReadOnlyList<IRadialFunction> pair)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(pair);
        int n = elements.Count;
        if (n == 0) throw new ArgumentException("A potential needs at least one element.", nameof(elements));
        if (embedding.Count != n) throw new ArgumentException($"{embedding.Count} embedding functions for {n} elements.", nameof(embedding));
        if (pair.Count != n * (n + 1) / 2) throw new ArgumentException($"{pair.Count} pair functions for {n} elements (need {n * (n + 1) / 2}).", nameof(pair));
        return n;
    }

    private static IRadialFunction[] ExpandPairs(int n, IReadOnlyList<IRadialFunction> pair)
    {
        var full = new IRadialFunction[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) full[a * n + b] = pair[PairIndex(a, b)];
        return full;
    }
}
