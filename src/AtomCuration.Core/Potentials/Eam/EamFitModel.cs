using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The parameter layout of an EAM fit — [φ_ab for a ≥ b | ρ | F_a | E0_a], each block one
/// <see cref="IFittableFunction"/> — and the map from a parameter vector to an
/// <see cref="EamPotential"/>. The density blocks are ρ_b per element (eam/alloy) or, in the
/// Finnis–Sinclair form, ρ_ab for every host a and source b (eam/fs), at [a·n + b]. They are
/// contiguous, which lets the objective keep ∂ρᵢ/∂θ as one dense row per atom. With the
/// Zhou–Johnson–Wadley cross-pair rule the cross pairs φ_ab, a ≠ b, have no block (null in
/// <see cref="Pair"/>): they are functions of the φ_aa, φ_bb, ρ_a, ρ_b blocks
/// (<see cref="ZjwCrossPairTerms"/>).
/// </summary>
internal sealed class EamFitModel
{
    public EamFitModel(IReadOnlyList<int> atomicNumbers, double cutoff, IFittableFunction?[] pair, IFittableFunction[] density,
        IFittableFunction[] embedding, bool splineGauge, bool finnisSinclair = false)
    {
        AtomicNumbers = atomicNumbers;
        Cutoff = cutoff;
        Pair = pair;
        Density = density;
        Embedding = embedding;
        SplineGauge = splineGauge;
        FinnisSinclair = finnisSinclair;
        int n = atomicNumbers.Count;
        if (density.Length != (finnisSinclair ? n * n : n)) throw new ArgumentException($"{density.Length} density functions for {n} elements.", nameof(density));
        PairOffset = new int[pair.Length];
        DensityOffset = new int[density.Length];
        EmbeddingOffset = new int[n];
        EnergyOffset = new int[n];
        int o = 0;
        for (int k = 0; k < pair.Length; k++) { PairOffset[k] = o; o += pair[k]?.ParameterCount ?? 0; }
        DensityStart = o;
        for (int d = 0; d < density.Length; d++) { DensityOffset[d] = o; o += density[d].ParameterCount; }
        DensityLength = o - DensityStart;
        for (int a = 0; a < n; a++) { EmbeddingOffset[a] = o; o += embedding[a].ParameterCount; }
        for (int a = 0; a < n; a++) EnergyOffset[a] = o++;
        ParameterCount = o;
        MaxWindow = pair.OfType<IFittableFunction>().Concat(density).Concat(embedding).Max(f => f.Window);
    }

    public IReadOnlyList<int> AtomicNumbers { get; }
    public int ElementCount => AtomicNumbers.Count;
    public double Cutoff { get; }
    /// <summary>φ_ab in setfl order; null for a cross pair derived by the Zhou–Johnson–Wadley rule.</summary>
    public IFittableFunction?[] Pair { get; }

    /// <summary>Density functions, indexed by <see cref="DensityIndex"/>.</summary>
    public IFittableFunction[] Density { get; }
    public IFittableFunction[] Embedding { get; }

    /// <summary>Whether the spline gauge conditions (F_a(0) = 0, F′_a(1) = 0, mean ρ = 1) are imposed.</summary>
    public bool SplineGauge { get; }

    /// <summary>Whether the densities depend on the host's species too (eam/fs).</summary>
    public bool FinnisSinclair { get; }

    /// <summary>Number of density-scaling gauges: one per host species in the Finnis–Sinclair form, else one.</summary>
    public int DensityGauges => FinnisSinclair ? ElementCount : 1;

    /// <summary>Block of the density at a host of species <paramref name="host"/> due to a neighbour of species <paramref name="source"/>.</summary>
    public int DensityIndex(int host, int source) => FinnisSinclair ? host * ElementCount + source : source;

    /// <summary>Whether pair <paramref name="pairIndex"/> is derived (Zhou–Johnson–Wadley rule) rather than fitted.</summary>
    public bool IsDerived(int pairIndex) => Pair[pairIndex] is null;

    public int[] PairOffset { get; }
    public int[] DensityOffset { get; }
    public int[] EmbeddingOffset { get; }
    public int[] EnergyOffset { get; }
    public int DensityStart { get; }
    public int DensityLength { get; }
    public int ParameterCount { get; }
    public int MaxWindow { get; }

    public ReadOnlySpan<double> PairParameters(ReadOnlySpan<double> theta, int pairIndex) => theta.Slice(PairOffset[pairIndex], Pair[pairIndex]!.ParameterCount);
    public ReadOnlySpan<double> DensityParameters(ReadOnlySpan<double> theta, int d) => theta.Slice(DensityOffset[d], Density[d].ParameterCount);
    public ReadOnlySpan<double> EmbeddingParameters(ReadOnlySpan<double> theta, int a) => theta.Slice(EmbeddingOffset[a], Embedding[a].ParameterCount);

    public string Symbol(int a) => Elements.FromZ(AtomicNumbers[a]).Symbol;

    public string[] ParameterNames()
    {
        var names = new List<string>();
        for (int a = 0; a < ElementCount; a++)
            for (int b = 0; b <= a; b++)
                names.AddRange(Enumerable.Range(0, Pair[EamPotential.PairIndex(a, b)]?.ParameterCount ?? 0).Select(k => $"phi[{Symbol(a)}-{Symbol(b)}][{k}]"));
        if (FinnisSinclair)
            for (int a = 0; a < ElementCount; a++)
                for (int b = 0; b < ElementCount; b++)
                    names.AddRange(Enumerable.Range(0, Density[DensityIndex(a, b)].ParameterCount).Select(k => $"rho[{Symbol(a)}<-{Symbol(b)}][{k}]"));
        else
            for (int a = 0; a < ElementCount; a++) names.AddRange(Enumerable.Range(0, Density[a].ParameterCount).Select(k => $"rho[{Symbol(a)}][{k}]"));
        for (int a = 0; a < ElementCount; a++) names.AddRange(Enumerable.Range(0, Embedding[a].ParameterCount).Select(k => $"F[{Symbol(a)}][{k}]"));
        for (int a = 0; a < ElementCount; a++) names.Add($"E0[{Symbol(a)}]");
        return names.ToArray();
    }

    /// <summary>
    /// The potential (eam/fs in the Finnis–Sinclair form) with extrapolation guards: φ_ab is bridged onto the Ziegler–Biersack–Littmark
    /// repulsion below <paramref name="shortest"/> (<see cref="ZblCore"/>), ρ_a continues monotone
    /// and linear there (<see cref="DensityCore"/>), F_a continues linearly outside the host
    /// densities seen in training, and E0_a is folded into F_a.
    /// </summary>
    public EamPotential Build(ReadOnlySpan<double> theta, double shortest, (double Min, double Max)[] densityRange)
    {
        int n = ElementCount;
        var elements = AtomicNumbers.Select(z => EamElement.FromSymbol(Elements.FromZ(z).Symbol)).ToArray();
        var rawDensity = new IRadialFunction[Density.Length];
        for (int d = 0; d < Density.Length; d++) rawDensity[d] = Density[d].Build(DensityParameters(theta, d));
        var pair = new IRadialFunction[Pair.Length];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                int k = EamPotential.PairIndex(a, b);
                IRadialFunction raw = IsDerived(k)
                    ? new ZjwCrossPair(Pair[EamPotential.PairIndex(a, a)]!.Build(PairParameters(theta, EamPotential.PairIndex(a, a))),
                        Pair[EamPotential.PairIndex(b, b)]!.Build(PairParameters(theta, EamPotential.PairIndex(b, b))), rawDensity[a], rawDensity[b])
                    : Pair[k]!.Build(PairParameters(theta, k));
                pair[k] = new ZblCore(raw, AtomicNumbers[a], AtomicNumbers[b], shortest);
            }
        var embedding = new IRadialFunction[n];
        for (int a = 0; a < n; a++)
        {
            var f = new ShiftedFunction(Embedding[a].Build(EmbeddingParameters(theta, a)), theta[EnergyOffset[a]]);
            embedding[a] = new EmbeddingExtrapolation(f, densityRange[a].Min, densityRange[a].Max);
        }
        if (!FinnisSinclair)
            return EamPotential.Alloy(elements, Cutoff, embedding, rawDensity.Select(d => (IRadialFunction)new DensityCore(d, shortest)).ToArray(), pair);
        var density = new IRadialFunction[n, n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) density[a, b] = new DensityCore(rawDensity[DensityIndex(a, b)], shortest);
        return EamPotential.FinnisSinclair(elements, Cutoff, embedding, density, pair);
    }
}
