namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The analytic Zhou–Johnson–Wadley (PRB 69, 144113, 2004) functions and potentials built from
/// them; see <see cref="ZhouJohnsonWadleyParameters"/> for the formulas.
/// </summary>
public static class ZhouJohnsonWadley
{
    /// <summary>A potential for the given elements (alloy cross pairs by the paper's rule
    /// φ_ab = ½[ρ_b/ρ_a φ_aa + ρ_a/ρ_b φ_bb]).</summary>
    /// <param name="parameters">One parameter set per element.</param>
    /// <param name="cutoff">Cutoff (Å); by default the authors' √10/2·√2·rₑ of the largest element.</param>
    public static EamPotential Potential(IReadOnlyList<ZhouJohnsonWadleyParameters> parameters, double? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int n = parameters.Count;
        var elements = parameters.Select(p => EamElement.FromSymbol(p.Symbol, p.FccLatticeConstant, "fcc")).ToArray();
        var density = parameters.Select(p => (IRadialFunction)new ZjwDensity(p)).ToArray();
        var pair = new IRadialFunction[n * (n + 1) / 2];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
                pair[EamPotential.PairIndex(a, b)] = a == b
                    ? new ZjwPair(parameters[a])
                    : new ZjwCrossPair(new ZjwPair(parameters[a]), new ZjwPair(parameters[b]), density[a], density[b]);
        return EamPotential.Alloy(elements, cutoff ?? parameters.Max(p => p.DefaultCutoff),
            parameters.Select(p => (IRadialFunction)new ZjwEmbedding(p)).ToArray(), density, pair);
    }

    /// <summary>A potential from the published parameters of the given symbols.</summary>
    public static EamPotential Published(params string[] symbols) =>
        Potential(symbols.Select(s => ZhouJohnsonWadleyParameters.Published.TryGetValue(s, out var p)
            ? p : throw new ArgumentException($"No published Zhou–Johnson–Wadley parameters for {s}.")).ToArray());
}
