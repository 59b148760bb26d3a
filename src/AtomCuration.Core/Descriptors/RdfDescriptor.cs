using System.Runtime.CompilerServices;
using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Gaussian-smoothed partial radial distribution functions, one structure vector per structure.
/// Every ordered pair (i, j ≠ i, periodic images included) contributes a normalised Gaussian
/// of width σ centred on its distance; bin k ∈ [kΔ, (k+1)Δ) holds the Gaussian's exact integral
/// over the bin (erf), divided by the shell volume V_k = 4π/3((k+1)³ − k³)Δ³:
/// g_ab[k] = n_ab[k] / (N_a ρ_b V_k) with n_ab the b-neighbours of the a atoms and ρ_b = N_b / V,
/// so that Σ_k ρ_b V_k g_ab[k] over a shell is its coordination number and cells of any size
/// (or supercells) compare directly. Without a periodic cell there is no volume: ρ_b is taken
/// as N_b / 1 Å³ there (g is then a neighbour density per Å³). Partial blocks are ordered by
/// element pair (Z_a ≤ Z_b); labels read <c>rdf[Ti-Ti](r=2.55)</c> with r the bin centre.
/// </summary>
public sealed class RdfDescriptor : Descriptor
{
    private readonly SpeciesSet _species;
    private readonly int _bins;
    private readonly double _spacing, _width, _reach;
    private readonly double[] _shellVolumes;

    /// <summary>Configures the RDF for <paramref name="species"/>.</summary>
    public RdfDescriptor(RdfSettings settings, SpeciesSet species)
    {
        Settings = settings;
        _species = species;
        _bins = settings.Bins;
        _spacing = settings.Spacing;
        _width = settings.Width;
        _reach = 7 * _width; // Gaussian mass beyond 7σ is below 3e−12
        _shellVolumes = Enumerable.Range(0, _bins)
            .Select(k => 4 * Math.PI / 3 * (Math.Pow(k + 1, 3) - Math.Pow(k, 3)) * Math.Pow(_spacing, 3)).ToArray();
        var centres = Enumerable.Range(0, _bins).Select(k => LabelFormat.Number(Math.Round((k + 0.5) * _spacing, 10))).ToArray();
        Labels = settings.Partial
            ? (from a in Enumerable.Range(0, species.Count)
               from b in Enumerable.Range(a, species.Count - a)
               from r in centres
               select $"rdf{LabelFormat.Elements(species.Symbols[a], species.Symbols[b])}(r={r})").ToArray()
            : centres.Select(r => $"rdf(r={r})").ToArray();
    }

    /// <summary>The settings.</summary>
    public RdfSettings Settings { get; }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.Rdf;

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <inheritdoc />
    // Per pair and bin: optimised at first call (a fresh pwsh otherwise runs the first pool in tier-0 code and OSR).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void ComputeStructure(Structure structure, Span<double> vector)
    {
        if (vector.Length != Labels.Count) throw new ArgumentException("Vector has the wrong length.", nameof(vector));
        vector.Clear();
        var species = _species.IndicesOf(structure);
        // A half list holds every pair (i, j, S) once, the search choosing the end: n_ab counts each unlike pair
        // once (b around a), while like pairs and the total RDF count both ends, so they get weight 2.
        var nl = NeighborList.BuildWithoutShifts(structure, _bins * _spacing + _reach, half: true);
        bool partial = Settings.Partial;
        var edges = new double[_bins + 1];
        for (int i = 0; i < structure.AtomCount; i++)
        {
            var idx = nl.IndicesOf(i);
            var dist = nl.DistancesOf(i);
            for (int p = 0; p < idx.Length; p++)
            {
                int a = species[i], b = species[idx[p]];
                int block = partial ? _species.PairIndex(a, b) : 0;
                Smear(dist[p], partial && a != b ? 1 : 2, vector.Slice(block * _bins, _bins), edges);
            }
        }
        var counts = new int[_species.Count];
        foreach (int s in species) counts[s]++;
        double volume = structure.Pbc.Any && structure.Cell.IsFullRank ? structure.Cell.Volume : 1.0;
        for (int a = 0; a < (partial ? _species.Count : 1); a++)
        for (int b = a; b < (partial ? _species.Count : 1); b++)
        {
            double na = partial ? counts[a] : structure.AtomCount, nb = partial ? counts[b] : structure.AtomCount;
            var block = vector.Slice((partial ? _species.PairIndex(a, b) : 0) * _bins, _bins);
            double norm = na * nb / volume;
            for (int k = 0; k < _bins; k++) block[k] = norm == 0 ? 0 : block[k] / (norm * _shellVolumes[k]);
        }
    }

    /// <summary>Adds <paramref name="weight"/> times the bin integrals of a unit Gaussian at <paramref name="d"/> to <paramref name="bins"/>.</summary>
    // Per pair and bin: optimised at first call (a fresh pwsh otherwise runs the first pool in tier-0 code and OSR).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Smear(double d, double weight, Span<double> bins, double[] edges)
    {
        int lo = Math.Max(0, (int)Math.Floor((d - _reach) / _spacing));
        int hi = Math.Min(_bins - 1, (int)Math.Floor((d + _reach) / _spacing));
        if (lo > hi) return;
        double scale = 1 / (_width * Math.Sqrt(2));
        for (int k = lo; k <= hi + 1; k++) edges[k] = ErrorFunction.Erf((k * _spacing - d) * scale);
        for (int k = lo; k <= hi; k++) bins[k] += 0.5 * weight * (edges[k + 1] - edges[k]);
    }
}
