using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Parameters of the Zhou–Johnson–Wadley EAM form (X. W. Zhou, R. A. Johnson, H. N. G. Wadley,
/// "Misfit-energy-increasing dislocations in vapor-deposited CoFe/NiFe multilayers",
/// Phys. Rev. B 69, 144113 (2004), Table III), named as in the paper:
/// <list type="bullet">
/// <item>φ(r) = A e^{−α(r/rₑ−1)} / (1 + (r/rₑ−κ)²⁰) − B e^{−β(r/rₑ−1)} / (1 + (r/rₑ−λ)²⁰)</item>
/// <item>ρ(r) = fₑ e^{−β(r/rₑ−1)} / (1 + (r/rₑ−λ)²⁰)</item>
/// <item>F(ρ) = Σᵢ F_{ni} (ρ/ρₙ − 1)ⁱ for ρ &lt; ρₙ = 0.85 ρₑ; Σᵢ Fᵢ (ρ/ρₑ − 1)ⁱ for ρₙ ≤ ρ &lt; ρ₀ = 1.15 ρₑ
/// (F₃ below ρₑ, F₃⁺ above, as the authors' generator uses); Fₑ [1 − η ln(ρ/ρₛ)] (ρ/ρₛ)^η above.</item>
/// </list>
/// </summary>
public sealed record ZhouJohnsonWadleyParameters(
    string Symbol, double Re, double Fe, double RhoE, double RhoS, double Alpha, double Beta, double A, double B,
    double Kappa, double Lambda, double Fn0, double Fn1, double Fn2, double Fn3, double F0, double F1, double F2,
    double F3, double Eta, double FEmbedding, double F3Above, double LowerRhoRatio = 0.85, double UpperRhoRatio = 1.15)
{
    /// <summary>Nearest-neighbour distance rₑ as an fcc lattice constant √2·rₑ (the generator's reference lattice).</summary>
    public double FccLatticeConstant => Math.Sqrt(2) * Re;

    /// <summary>The cutoff the authors' table generator uses: √10/2 times the fcc lattice constant (between 3rd and 4th fcc shells).</summary>
    public double DefaultCutoff => Math.Sqrt(10) / 2 * FccLatticeConstant;

    /// <summary>
    /// The published parameter sets (PRB 69, 144113, Table III; F₃⁺, the low/high density ratios
    /// as distributed with the authors' generator in LAMMPS's tools/eam_database), keyed by symbol:
    /// Cu Ag Au Ni Pd Pt Al Pb Fe Mo Ta W Mg Co Ti Zr.
    /// </summary>
    public static IReadOnlyDictionary<string, ZhouJohnsonWadleyParameters> Published { get; } = ZhouJohnsonWadleyTable.Build();

    /// <summary>The published parameters of element <paramref name="z"/>, or Cu's where the paper has none: a fit's starting shape.</summary>
    internal static ZhouJohnsonWadleyParameters StartingShapeFor(int z) =>
        Published.TryGetValue(Elements.FromZ(z).Symbol, out var p) ? p : Published["Cu"];
}
