namespace AtomCuration.Potentials.Eam;

/// <summary>Functional form the fitter optimises.</summary>
public enum EamFitForm
{
    /// <summary>Cubic B-splines on uniform knots: φ_ab(r), ρ_a(r) vanishing with zero slope at the cutoff, F_a(ρ) free.</summary>
    Spline,

    /// <summary>The analytic Zhou–Johnson–Wadley (2004) functions, started from the published parameters.</summary>
    ZhouJohnsonWadley,
}
