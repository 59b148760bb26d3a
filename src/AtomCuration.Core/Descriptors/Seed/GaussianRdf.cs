using System.Runtime.CompilerServices;
using AtomCuration.Structures;
using MathNet.Numerics;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Gaussian generalised radial distribution function of a site (matminer
/// <c>GeneralizedRadialDistributionFunction.from_preset("gaussian", width, spacing, cutoff)</c>,
/// mode GRDF; the study's values are <see cref="Default"/>: width 0.1 Å, spacing 0.1 Å, cutoff
/// 10 Å): for centres c_k = 0, spacing, … below the cutoff,
/// g_k = Σ_j exp(−((r_j − c_k)/w)²) / V_k over all neighbours r_j within the cutoff, where
/// V_k = ∫₀^cutoff 4πr² exp(−((r − c_k)/w)²) dr is the bin volume (closed form with erf).
/// </summary>
/// <remarks>
/// Neighbours are those pymatgen's <c>get_neighbors</c> returns: 1e-8 Å &lt; d ≤ cutoff + 1e-8 Å
/// (<see cref="NeighborCutoff"/>; lattices with a shell at exactly 10 Å, such as A15 with
/// a = 5 Å, need the upper end). A neighbour only feeds the bins within w·√50 of it:
/// the terms left out are below 2e−22 of a bin's peak.
/// </remarks>
internal sealed class GaussianRdf
{
    private const double Tolerance = 1e-8;

    private readonly double[] _centres;
    private readonly double[] _inverseVolumes;

    // A neighbour farther than this from a centre adds less than exp(−50) ≈ 2e−22 to that bin.
    private readonly double _reach;

    /// <summary>The study's GRDF: width 0.1 Å, spacing 0.1 Å, cutoff 10 Å (100 bins).</summary>
    public static GaussianRdf Default { get; } = new(0.1, 0.1, 10.0);

    /// <summary>A GRDF of Gaussians of <paramref name="width"/> centred every <paramref name="spacing"/> from 0 up to (not including) <paramref name="cutoff"/>.</summary>
    public GaussianRdf(double width, double spacing, double cutoff)
    {
        Width = width;
        Spacing = spacing;
        Cutoff = cutoff;
        _reach = width * Math.Sqrt(50);
        // numpy.arange(0, cutoff, spacing): ceil(cutoff / spacing) centres, robust to 10/0.1 = 100.00000000000001.
        int bins = Math.Max(1, (int)Math.Ceiling(cutoff / spacing - 1e-9));
        _centres = Enumerable.Range(0, bins).Select(k => k * spacing).ToArray();
        _inverseVolumes = _centres.Select(c => 1 / Volume(c)).ToArray();
        Labels = _centres.Select(c => FormattableString.Invariant($"Gaussian center={c:0.0##########} width={width}")).ToArray();
    }

    /// <summary>Gaussian width w (Å).</summary>
    public double Width { get; }

    /// <summary>Spacing of the centres (Å).</summary>
    public double Spacing { get; }

    /// <summary>Neighbour cutoff (Å).</summary>
    public double Cutoff { get; }

    /// <summary>Number of bins.</summary>
    public int Bins => _centres.Length;

    /// <summary>Neighbour-list cutoff: the cutoff plus pymatgen's 1e-8 Å distance tolerance.</summary>
    public double NeighborCutoff => Cutoff + Tolerance;

    /// <summary>Labels <c>Gaussian center=0.0 width=0.1</c>, ….</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Writes the site average of g over all sites of <paramref name="structure"/> to <paramref name="average"/> (length <see cref="Bins"/>).</summary>
    public void SiteAverage(Structure structure, Span<double> average)
    {
        average.Clear();
        if (structure.AtomCount == 0) return;
        // The site average needs every ordered pair once: each pair of the half list twice.
        var nl = NeighborList.BuildPooled(structure, NeighborCutoff, half: true, shifts: false);
        try
        {
            Accumulate(nl.Distances, average);
        }
        finally
        {
            nl.Release();
        }
        double factor = 2.0 / structure.AtomCount;
        for (int k = 0; k < average.Length; k++) average[k] *= factor;
    }

    /// <summary>Adds the site's g_k for neighbour distances <paramref name="distances"/> to <paramref name="sums"/>.</summary>
    /// <remarks>
    /// The centres are evenly spaced, so along one distance the Gaussians follow a two-term recurrence: with
    /// t_k = (d − c_k)/w and a = spacing/w, e^{−t²_{k+1}} = e^{−t²_k}·r_k, r_k = e^{2a·t_k − a²}, r_{k+1} = r_k·e^{−2a²}
    /// — two exponentials per neighbour instead of one per bin (the window holds ~15 bins); the product
    /// drifts from the direct value by a few ulps.
    /// </remarks>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(ReadOnlySpan<double> distances, Span<double> sums)
    {
        double a = Spacing / Width;
        double step = Math.Exp(-2 * a * a);
        foreach (double d in distances)
        {
            if (d <= Tolerance) continue; // coincident with the site
            int lo = Math.Max(0, (int)Math.Ceiling((d - _reach) / Spacing));
            int hi = Math.Min(Bins - 1, (int)Math.Floor((d + _reach) / Spacing));
            if (lo > hi) continue;
            double t = (d - _centres[lo]) / Width;
            double g = Math.Exp(-(t * t));
            double r = Math.Exp(2 * a * t - a * a);
            for (int k = lo; k <= hi; k++)
            {
                sums[k] += g * _inverseVolumes[k];
                g *= r;
                r *= step;
            }
        }
    }

    /// <summary>
    /// ∫₀^R 4πr² e^{−((r−c)/w)²} dr = πw[√π(2c² + w²)(erf((R−c)/w) + erf(c/w)) + 2w(c·g(0) − (c + R)·g(R))],
    /// g(r) = e^{−((r−c)/w)²}.
    /// </summary>
    private double Volume(double c)
    {
        double w = Width, r = Cutoff;
        double G(double x) => Math.Exp(-((x - c) / w) * ((x - c) / w));
        return Math.PI * w * (Math.Sqrt(Math.PI) * (2 * c * c + w * w)
            * (SpecialFunctions.Erf((r - c) / w) + SpecialFunctions.Erf(c / w))
            + 2 * w * (c * G(0) - (c + r) * G(r)));
    }
}
