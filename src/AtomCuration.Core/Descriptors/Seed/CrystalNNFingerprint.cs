using AtomCuration.Geometry;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// The 62 per-site values of the seed study's CrystalNN fingerprint (matminer
/// <c>CrystalNNFingerprint.from_preset("ops")</c> with atomic mass as chemical property):
/// for CN = 1…24 the CrystalNN weight w_CN, each followed by w_CN × the CN's order parameters
/// (evaluated on the CN highest-weight neighbours; an undefined parameter counts 0), then the
/// local mass difference Σ_CN w_CN Σ_nb (m_nb − m_site)/CN / Σ_CN w_CN over CN ≤ 24 with w_CN ≠ 0.
/// </summary>
internal static class CrystalNNFingerprint
{
    /// <summary>Largest coordination number with its own entries.</summary>
    public const int MaxCn = 24;

    [ThreadStatic] private static NeighborAngles? t_angles;

    /// <summary>Values per site.</summary>
    public static int Length { get; } = SiteLabels().Count;

    /// <summary>matminer's labels: <c>wt CN_1</c>, <c>sgl_bd CN_1</c>, …, <c>mass local diff</c>.</summary>
    public static IReadOnlyList<string> SiteLabels()
    {
        var labels = new List<string>();
        for (int cn = 1; cn <= MaxCn; cn++)
        {
            labels.Add($"wt CN_{cn}");
            foreach (var op in OrderParameterCatalog.ByCn[cn]) labels.Add($"{op.Name} CN_{cn}");
        }
        labels.Add("mass local diff");
        return labels;
    }

    /// <summary>
    /// Writes the site's values into <paramref name="output"/> (length <see cref="Length"/>).
    /// Returns false when no CN in 1…24 has weight, so the mass difference is undefined (written as 0).
    /// </summary>
    public static bool Evaluate(Structure s, VoronoiCell cell, Span<double> output)
    {
        var angles = t_angles ??= new NeighborAngles();
        var result = CrystalNN.Evaluate(cell);
        var nb = result.Neighbors;
        int count = Math.Min(nb.Length, MaxCn);
        Span<Vec3> dirs = stackalloc Vec3[count];
        Span<double> dist = stackalloc double[count];
        for (int k = 0; k < count; k++)
        {
            dist[k] = nb[k].Distance;
            dirs[k] = nb[k].Vector / nb[k].Distance;
        }
        angles.Set(dirs);
        double massSite = Elements.FromZ(s.AtomicNumbers[cell.Site]).Mass;
        double delta = 0, sumWeight = 0;
        int o = 0;
        for (int cn = 1; cn <= MaxCn; cn++)
        {
            double wt = cn < result.CnWeights.Length ? result.CnWeights[cn] : 0;
            output[o++] = wt;
            if (wt != 0)
            {
                sumWeight += wt;
                for (int k = 0; k < cn; k++)
                    delta += wt * (Elements.FromZ(s.AtomicNumbers[nb[k].Neighbor]).Mass - massSite) / cn;
            }
            foreach (var op in OrderParameterCatalog.ByCn[cn])
                output[o++] = wt == 0 ? 0 : wt * (op.Evaluate(angles, cn, dist) ?? 0);
        }
        output[o] = sumWeight > 0 ? delta / sumWeight : 0;
        return sumWeight > 0;
    }
}
