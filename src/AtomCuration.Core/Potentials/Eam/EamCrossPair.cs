namespace AtomCuration.Potentials.Eam;

/// <summary>How an alloy fit obtains the cross pairs φ_ab, a ≠ b.</summary>
public enum EamCrossPair
{
    /// <summary>Each cross pair is a function of its own with fitted parameters.</summary>
    Fitted,

    /// <summary>
    /// Derived from the elements' own functions by the Zhou–Johnson–Wadley rule
    /// φ_ab(r) = ½[ρ_b(r)/ρ_a(r) φ_aa(r) + ρ_a(r)/ρ_b(r) φ_bb(r)] (Zhou, Johnson, Wadley 2004,
    /// DOI 10.1103/PhysRevB.69.144113): no parameters of their own. Needs densities that stay
    /// positive over the cutoff, i.e. the ZhouJohnsonWadley form (spline densities vanish at the cutoff).
    /// </summary>
    ZhouJohnsonWadley,
}
