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

    /// <summary>
    /// Grids for writing <paramref name="potential"/>: the r grid ends at the cutoff; the ρ grid
    /// ends where the embedding functions turn linear (LAMMPS continues F linearly beyond its
    /// last point, so a fitted potential is then reproduced at any density), at the end of a
    /// table, at 2ρₑ (at least 100) for the ZJW form, and otherwise at 1.5× the density of a
    /// strongly compressed close-packed crystal (12 neighbours at 0.35 × cutoff).
    /// </summary>
    public static EamTableResolution Suggest(EamPotential potential, int rCount = 10000, int rhoCount = 10000)
    {
        ArgumentNullException.ThrowIfNull(potential);
        double rhoMax = 0;
        for (int a = 0; a < potential.ElementCount; a++)
        {
            double top = EmbeddingTop(potential.Embedding(a));
            if (!double.IsFinite(top) || top <= 0)
                for (int b = 0; b < potential.ElementCount; b++)
                    top = Math.Max(top, 1.5 * 12 * Math.Abs(potential.Density(a, b).Value(0.35 * potential.Cutoff)));
            rhoMax = Math.Max(rhoMax, top);
        }
        return Covering(potential.Cutoff, rhoMax > 0 ? rhoMax : 1.0, rCount, rhoCount);
    }

    private static double EmbeddingTop(IRadialFunction f) => f switch
    {
        EmbeddingExtrapolation l when double.IsFinite(l.Hi) => l.LinearBeyond + 0.05 * Math.Abs(l.LinearBeyond),
        EmbeddingExtrapolation l => EmbeddingTop(l.Inner),
        ShiftedFunction s => EmbeddingTop(s.Inner),
        TabulatedFunction t => t.LinearBeyond ?? t.End,
        ZjwEmbedding z => Math.Max(2 * z.Parameters.RhoE, 100),
        CubicBSpline c => c.Hi,
        _ => double.NaN,
    };

    /// <summary>Checks the grids (LAMMPS accepts an r grid ending slightly before the cutoff: values clamp there).</summary>
    public void Validate()
    {
        if (RhoCount < 5 || RCount < 5) throw new ArgumentException("Tables need at least 5 points.");
        if (!(RhoStep > 0) || !(RStep > 0)) throw new ArgumentException("Spacings must be positive.");
    }
}
