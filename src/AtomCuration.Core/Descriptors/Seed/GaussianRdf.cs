using MathNet.Numerics;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Gaussian generalised radial distribution function of a site (matminer
/// <c>GeneralizedRadialDistributionFunction.from_preset("gaussian", width=0.1, spacing=0.1,
/// cutoff=10)</c>, mode GRDF): for centres c_k = 0, 0.1, …, 9.9 Å,
/// g_k = Σ_j exp(−((r_j − c_k)/w)²) / V_k over all neighbours r_j within the cutoff, where
/// V_k = ∫₀^cutoff 4πr² exp(−((r − c_k)/w)²) dr is the bin volume (closed form with erf).
/// </summary>
/// <remarks>
/// Neighbours are those pymatgen's <c>get_neighbors</c> returns: 1e-8 Å &lt; d ≤ cutoff + 1e-8 Å
/// (<see cref="NeighborCutoff"/>; lattices with a shell at exactly 10 Å, such as A15 with
/// a = 5 Å, need the upper end). A neighbour only feeds the bins within 0.1·√50 Å of it:
/// the terms left out are below 2e−22.
/// </remarks>
internal static class GaussianRdf
{
    /// <summary>Number of bins.</summary>
    public const int Bins = 100;

    /// <summary>Gaussian width w (Å).</summary>
    public const double Width = 0.1;

    /// <summary>Spacing of the centres (Å).</summary>
    public const double Spacing = 0.1;

    /// <summary>Neighbour cutoff (Å).</summary>
    public const double Cutoff = 10.0;

    /// <summary>Neighbour-list cutoff: the cutoff plus pymatgen's 1e-8 Å distance tolerance.</summary>
    public const double NeighborCutoff = Cutoff + Tolerance;

    private const double Tolerance = 1e-8;

    // A neighbour farther than this from a centre adds less than exp(−50) ≈ 2e−22 to that bin.
    private const double Reach = Width * 7.0710678118654755;

    private static readonly double[] Centres = Enumerable.Range(0, Bins).Select(k => k * Spacing).ToArray();
    private static readonly double[] InverseVolumes = Centres.Select(c => 1 / Volume(c)).ToArray();

    /// <summary>Labels <c>Gaussian center=0.0 width=0.1</c>, ….</summary>
    public static IReadOnlyList<string> Labels { get; } =
        Centres.Select(c => FormattableString.Invariant($"Gaussian center={c:0.0} width={Width}")).ToArray();

    /// <summary>Adds the site's g_k for neighbour distances <paramref name="distances"/> to <paramref name="sums"/>.</summary>
    public static void Accumulate(ReadOnlySpan<double> distances, Span<double> sums)
    {
        foreach (double d in distances)
        {
            if (d <= Tolerance) continue; // coincident with the site
            int lo = Math.Max(0, (int)Math.Ceiling((d - Reach) / Spacing));
            int hi = Math.Min(Bins - 1, (int)Math.Floor((d + Reach) / Spacing));
            for (int k = lo; k <= hi; k++)
            {
                double t = (d - Centres[k]) / Width;
                sums[k] += Math.Exp(-(t * t)) * InverseVolumes[k];
            }
        }
    }

    /// <summary>
    /// ∫₀^R 4πr² e^{−((r−c)/w)²} dr = πw[√π(2c² + w²)(erf((R−c)/w) + erf(c/w)) + 2w(c·g(0) − (c + R)·g(R))],
    /// g(r) = e^{−((r−c)/w)²}.
    /// </summary>
    private static double Volume(double c)
    {
        double G(double r) => Math.Exp(-((r - c) / Width) * ((r - c) / Width));
        return Math.PI * Width * (Math.Sqrt(Math.PI) * (2 * c * c + Width * Width)
            * (SpecialFunctions.Erf((Cutoff - c) / Width) + SpecialFunctions.Erf(c / Width))
            + 2 * Width * (c * G(0) - (c + Cutoff) * G(Cutoff)));
    }
}
