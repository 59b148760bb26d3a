namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The grids a setfl/funcfl file tabulates on: F at ρ = k·Δρ (k &lt; N_ρ), radial functions
/// at r = k·Δr (k &lt; N_r). The r grid should reach the cutoff.
/// </summary>
/// <param name="RhoCount">N_ρ (≥ 5).</param>
/// <param name="RhoStep">Δρ.</param>
/// <param name="RCount">N_r (≥ 5).</param>
/// <param name="RStep">Δr (Å).</param>
public sealed record EamTableResolution(int RhoCount, double RhoStep, int RCount, double RStep)
{
    /// <summary>Grids with <paramref name="rCount"/> points up to the cutoff and <paramref name="rhoCount"/> up to <paramref name="rhoMax"/>.</summary>
    public static EamTableResolution Covering(double cutoff, double rhoMax, int rCount = 10000, int rhoCount = 10000)
    {
        if (!(cutoff > 0) || !(rhoMax > 0)) throw new ArgumentException("Cutoff and maximum density must be positive.");
        if (rCount < 5 || rhoCount < 5) throw new ArgumentException("Tables need at least 5 points.");
        return new EamTableResolution(rhoCount, rhoMax / (rhoCount - 1), rCount, cutoff / (rCount - 1));
    }

    /// <summary>Checks the grids (LAMMPS accepts an r grid ending slightly before the cutoff: values clamp there).</summary>
    public void Validate()
    {
        if (RhoCount < 5 || RCount < 5) throw new ArgumentException("Tables need at least 5 points.");
        if (!(RhoStep > 0) || !(RStep > 0)) throw new ArgumentException("Spacings must be positive.");
    }
}
