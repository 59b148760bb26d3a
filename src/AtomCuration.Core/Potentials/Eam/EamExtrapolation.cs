using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>How much of one structure lies outside the range a fit was trained on.</summary>
/// <param name="Id">Structure id.</param>
/// <param name="Pairs">Atom pairs within the cutoff (each pair once).</param>
/// <param name="PairsBelowShortest">Pairs closer than the shortest training distance (where φ is the ZBL bridge, ρ the linear core).</param>
/// <param name="Atoms">Atoms.</param>
/// <param name="AtomsOutsideDensityRange">Atoms whose host density lies outside the range seen for their element in training (where F is linear).</param>
/// <param name="ShortestDistance">The structure's shortest pair distance (Å), or +∞ when it has no pair within the cutoff.</param>
public sealed record StructureExtrapolation(string Id, long Pairs, long PairsBelowShortest, int Atoms, int AtomsOutsideDensityRange, double ShortestDistance)
{
    /// <summary>Fraction of pairs below the shortest training distance (0 when there are no pairs).</summary>
    public double OutsideDistanceFraction => Pairs > 0 ? (double)PairsBelowShortest / Pairs : 0;

    /// <summary>Fraction of atoms outside the fitted density range.</summary>
    public double OutsideDensityFraction => Atoms > 0 ? (double)AtomsOutsideDensityRange / Atoms : 0;

    /// <summary>Whether anything in the structure lies outside the training range.</summary>
    public bool Extrapolates => PairsBelowShortest > 0 || AtomsOutsideDensityRange > 0;
}

/// <summary>
/// Where a fitted potential is used outside the data it saw: pair distances below the shortest
/// training distance (<see cref="EamFitResult.ShortestDistance"/>) and host densities outside
/// the per-element range seen in training (<see cref="EamFitResult.DensityRange"/>). There the
/// fit follows its extrapolation guards (ZBL bridge, linear ρ core, linear F) instead of data,
/// so a test or production set with large fractions here deserves more training data.
/// </summary>
public static class EamExtrapolation
{
    /// <summary>Measures every structure (evaluating the fitted potential for the host densities).</summary>
    /// <param name="fit">The fit whose training range applies.</param>
    /// <param name="structures">Structures to check (labels not needed).</param>
    /// <param name="degree">Threads; 0 = all cores.</param>
    /// <param name="cancellation">Observed between structures.</param>
    public static IReadOnlyList<StructureExtrapolation> Measure(EamFitResult fit, IReadOnlyList<Structure> structures, int degree = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(structures);
        var results = EamEvaluator.EvaluateMany(fit.Potential, structures, degree, cancellation).ToList();
        return structures.Select((s, k) => Measure(fit, s, results[k].Densities)).ToList();
    }

    /// <summary>Measures one structure given its host densities under the fitted potential (<see cref="EamResult.Densities"/>).</summary>
    public static StructureExtrapolation Measure(EamFitResult fit, Structure structure, IReadOnlyList<double> densities)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(densities);
        if (densities.Count != structure.AtomCount) throw new ArgumentException($"{structure.Id}: {densities.Count} densities for {structure.AtomCount} atoms.");
        var list = NeighborList.Build(structure, fit.Potential.Cutoff, half: true);
        long below = 0;
        double shortest = double.PositiveInfinity;
        foreach (double r in list.Distances)
        {
            if (r < fit.ShortestDistance) below++;
            if (r < shortest) shortest = r;
        }
        int outside = 0;
        for (int i = 0; i < structure.AtomCount; i++)
        {
            string symbol = Elements.FromZ(structure.AtomicNumbers[i]).Symbol;
            if (!fit.DensityRange.TryGetValue(symbol, out var range)) throw new ArgumentException($"{structure.Id}: the fit has no density range for {symbol}.");
            // The fit's range and these densities are sums of the same terms in different orders: a few ulps apart.
            double slack = 1e-9 * Math.Max(1, Math.Abs(range.Max));
            if (densities[i] < range.Min - slack || densities[i] > range.Max + slack) outside++;
        }
        return new StructureExtrapolation(structure.Id, list.PairCount, below, structure.AtomCount, outside, shortest);
    }
}
