using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The parameter layout of an EAM fit — [φ_ab for a ≥ b | ρ_a | F_a | E0_a], each block one
/// <see cref="IFittableFunction"/> — and the map from a parameter vector to an
/// <see cref="EamPotential"/>. The density blocks are contiguous, which lets the objective
/// keep ∂ρᵢ/∂θ as one dense row per atom.
/// </summary>
internal sealed class EamFitModel
{
    public EamFitModel(IReadOnlyList<int> atomicNumbers, double cutoff, IFittableFunction[] pair, IFittableFunction[] density,
        IFittableFunction[] embedding, bool splineGauge)
    {
        AtomicNumbers = atomicNumbers;
        Cutoff = cutoff;
        Pair = pair;
        Density = density;
        Embedding = embedding;
        SplineGauge = splineGauge;
        int n = atomicNumbers.Count;
        PairOffset = new int[pair.Length];
        DensityOffset = new int[n];
        EmbeddingOffset = new int[n];
        EnergyOffset = new int[n];
        int o = 0;
        for (int k = 0; k < pair.Length; k++) { PairOffset[k] = o; o += pair[k].ParameterCount; }
        DensityStart = o;
        for (int a = 0; a < n; a++) { DensityOffset[a] = o; o += density[a].ParameterCount; }
        DensityLength = o - DensityStart;
        for (int a = 0; a < n; a++) { EmbeddingOffset[a] = o; o += embedding[a].ParameterCount; }
        for (int a = 0; a < n; a++) EnergyOffset[a] = o++;
        ParameterCount = o;
        MaxWindow = pair.Concat(density).Concat(embedding).Max(f => f.Window);
    }

    public IReadOnlyList<int> AtomicNumbers { get; }
    public int ElementCount => AtomicNumbers.Count;
    public double Cutoff { get; }
    public IFittableFunction[] Pair { get; }
    public IFittableFunction[] Density { get; }
    public IFittableFunction[] Embedding { get; }

    /// <summary>Whether the spline gauge conditions (F_a(0) = 0, F′_a(1) = 0, mean ρ = 1) are imposed.</summary>
    public bool SplineGauge { get; }

    public int[] PairOffset { get; }
    public int[] DensityOffset { get; }
    public int[] EmbeddingOffset { get; }
    public int[] EnergyOffset { get; }
    public int DensityStart { get; }
    public int DensityLength { get; }
    public int ParameterCount { get; }
    public int MaxWindow { get; }

    public ReadOnlySpan<double> PairParameters(ReadOnlySpan<double> theta, int pairIndex) => theta.Slice(PairOffset[pairIndex], Pair[pairIndex].ParameterCount);
    public ReadOnlySpan<double> DensityParameters(ReadOnlySpan<double> theta, int a) => theta.Slice(DensityOffset[a], Density[a].ParameterCount);
    public ReadOnlySpan<double> EmbeddingParameters(ReadOnlySpan<double> theta, int a) => theta.Slice(EmbeddingOffset[a], Embedding[a].ParameterCount);

    public string Symbol(int a) => Elements.FromZ(AtomicNumbers[a]).Symbol;

    public string[] ParameterNames()
    {
        var names = new List<string>();
        for (int a = 0; a < ElementCount; a++)
            for (int b = 0; b <= a; b++)
                names.AddRange(Enumerable.Range(0, Pair[EamPotential.PairIndex(a, b)].ParameterCount).Select(k => $"phi[{Symbol(a)}-{Symbol(b)}][{k}]"));
        for (int a = 0; a < ElementCount; a++) names.AddRange(Enumerable.Range(0, Density[a].ParameterCount).Select(k => $"rho[{Symbol(a)}][{k}]"));
        for (int a = 0; a < ElementCount; a++) names.AddRange(Enumerable.Range(0, Embedding[a].ParameterCount).Select(k => $"F[{Symbol(a)}][{k}]"));
        for (int a = 0; a < ElementCount; a++) names.Add($"E0[{Symbol(a)}]");
        return names.ToArray();
    }

    /// <summary>
    /// The potential with extrapolation guards: φ_ab is bridged onto the Ziegler–Biersack–Littmark
    /// repulsion below <paramref name="shortest"/> (<see cref="ZblCore"/>), ρ_a continues monotone
    /// and linear there (<see cref="DensityCore"/>), F_a continues linearly outside the host
    /// densities seen in training, and E0_a is folded into F_a.
    /// </summary>
    public EamPotential Build(ReadOnlySpan<double> theta, double shortest, (double Min, double Max)[] densityRange)
    {
        int n = ElementCount;
        var elements = AtomicNumbers.Select(z => EamElement.FromSymbol(Elements.FromZ(z).Symbol)).ToArray();
        var pair = new IRadialFunction[Pair.Length];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                int k = EamPotential.PairIndex(a, b);
                pair[k] = new ZblCore(Pair[k].Build(PairParameters(theta, k)), AtomicNumbers[a], AtomicNumbers[b], shortest);
            }
        var density = new IRadialFunction[n];
        var embedding = new IRadialFunction[n];
        for (int a = 0; a < n; a++)
        {
            density[a] = new DensityCore(Density[a].Build(DensityParameters(theta, a)), shortest);
            var f = new ShiftedFunction(Embedding[a].Build(EmbeddingParameters(theta, a)), theta[EnergyOffset[a]]);
            embedding[a] = new EmbeddingExtrapolation(f, densityRange[a].Min, densityRange[a].Max);
        }
        return EamPotential.Alloy(elements, Cutoff, embedding, density, pair);
    }
}
