using AtomCuration.Statistics;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>
/// How well a selection's labels cover its pool's (paper 002): for the energy per atom (one value per
/// structure) and the atomic force magnitudes |F| (one per atom), the selection's range, the pool's, the share
/// of the pool's range the selection spans, the share of pool values inside the selection's range, and the
/// two-sample Kolmogorov–Smirnov distance between the distributions with its p-value
/// (<see cref="KolmogorovSmirnov"/>; exact up to 10,000 values a side as SciPy's 'auto', Kolmogorov's limit
/// beyond).
/// </summary>
/// <param name="Quantity">EnergyPerAtom (eV/atom) or ForceMagnitude (eV/Å).</param>
/// <param name="Values">Values in the selection.</param>
/// <param name="ReferenceValues">Values in the pool.</param>
/// <param name="Min">Selection minimum.</param>
/// <param name="Max">Selection maximum.</param>
/// <param name="ReferenceMin">Pool minimum.</param>
/// <param name="ReferenceMax">Pool maximum.</param>
/// <param name="RangeCovered">(selection range ∩ pool range) / pool range.</param>
/// <param name="ValuesCovered">Share of the pool's values inside the selection's range.</param>
/// <param name="KsDistance">Two-sample KS distance D.</param>
/// <param name="KsPValue">Its p-value (two-sided).</param>
public sealed record LabelCoverage(string Quantity, int Values, int ReferenceValues, double Min, double Max, double ReferenceMin, double ReferenceMax,
    double RangeCovered, double ValuesCovered, double KsDistance, double KsPValue)
{
    /// <summary>Energy and (when every structure has forces) force-magnitude coverage of <paramref name="selection"/> over <paramref name="pool"/>.</summary>
    public static List<LabelCoverage> Measure(IReadOnlyList<Structure> selection, IReadOnlyList<Structure> pool)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(pool);
        if (selection.Count == 0 || pool.Count == 0) throw new ArgumentException("Both the selection and the pool need structures.");
        var missing = selection.Concat(pool).FirstOrDefault(s => s.Energy is null);
        if (missing is not null) throw new ArgumentException($"{missing.Id} has no energy.");
        var result = new List<LabelCoverage>
        {
            Compare("EnergyPerAtom", selection.Select(s => s.Energy!.Value / s.AtomCount).ToArray(), pool.Select(s => s.Energy!.Value / s.AtomCount).ToArray()),
        };
        if (selection.Concat(pool).All(s => s.Forces is not null))
            result.Add(Compare("ForceMagnitude", selection.SelectMany(s => s.Forces!.Value.Select(f => f.Length)).ToArray(),
                pool.SelectMany(s => s.Forces!.Value.Select(f => f.Length)).ToArray()));
        return result;
    }

    private static LabelCoverage Compare(string name, double[] x, double[] reference)
    {
        double min = x.Min(), max = x.Max(), rmin = reference.Min(), rmax = reference.Max();
        double span = rmax - rmin;
        double overlap = Math.Max(0, Math.Min(max, rmax) - Math.Max(min, rmin));
        double inside = reference.Count(v => v >= min && v <= max) / (double)reference.Length;
        var ks = KolmogorovSmirnov.TwoSample(x, reference);
        return new LabelCoverage(name, x.Length, reference.Length, min, max, rmin, rmax, span > 0 ? overlap / span : 1, inside, ks.Statistic, ks.PValue);
    }
}
