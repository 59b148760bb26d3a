using System.Globalization;
using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Training structures prepared once for the fit objective: species indices, the half
/// neighbour list flattened into pair arrays (i, j, r, unit vector), labels and weights.
/// </summary>
internal sealed class EamTrainingSet
{
    internal sealed record Item
    {
        public required int Count { get; init; }
        public required int[] Type { get; init; }
        public required int[] I { get; init; }
        public required int[] J { get; init; }
        public required double[] R { get; init; }
        public required Vec3[] U { get; init; }
        public required double Energy { get; init; }
        public required Vec3[]? Forces { get; init; }
        public required Voigt? Stress { get; init; }
        public required double Volume { get; init; }
        public required double Weight { get; init; }
    }

    public required IReadOnlyList<int> AtomicNumbers { get; init; }
    public required Item[] Items { get; init; }
    public required double ShortestDistance { get; init; }
    public required double TypicalNeighbourDistance { get; init; }
    public required double EnergyNorm { get; init; }
    public required double ForceNorm { get; init; }
    public required double StressNorm { get; init; }

    public int ElementCount => AtomicNumbers.Count;

    /// <summary>Prepares <paramref name="structures"/>; throws naming every structure without an energy label or with overlapping atoms.</summary>
    public static EamTrainingSet Create(IReadOnlyList<Structure> structures, EamFitOptions options, int threads, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(structures);
        if (structures.Count == 0) throw new ArgumentException("No training structures.");
        var unlabelled = structures.Where(s => s.Energy is null).Select(s => s.Id).ToList();
        if (unlabelled.Count > 0)
            throw new ArgumentException($"{unlabelled.Count} training structure(s) have no energy: {string.Join(", ", unlabelled.Take(10))}{(unlabelled.Count > 10 ? ", …" : "")}.");
        OverlappingAtoms.CheckAll(structures);
        var species = structures.SelectMany(s => s.Species).Distinct().Order().ToArray();
        var index = species.Select((z, k) => (z, k)).ToDictionary(t => t.z, t => t.k);
        var items = OrderedParallel.Map(structures, s => Prepare(s, index, options), threads, cancellation).ToArray();
        return FromItems(species, items, options);
    }

    /// <summary>
    /// The training set of the items at <paramref name="indices"/> (in that order), each item's weight
    /// multiplied by <paramref name="weightFactors"/>[k] when given. Elements absent from the subset are
    /// dropped and the species indices renumbered, so the result is what <see cref="Create"/> would
    /// build from those structures (with the weights folded in) without a second neighbour search.
    /// </summary>
    public EamTrainingSet Subset(IReadOnlyList<int> indices, IReadOnlyList<double>? weightFactors, EamFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("No training structures.");
        if (weightFactors is not null && weightFactors.Count != indices.Count)
            throw new ArgumentException($"{indices.Count} structures but {weightFactors.Count} weights.");
        var present = new bool[ElementCount];
        foreach (int k in indices)
            foreach (int t in Items[k].Type) present[t] = true;
        int kept = present.Count(b => b);
        int[]? renumber = null;
        if (kept < ElementCount)
        {
            renumber = new int[ElementCount];
            for (int a = 0, next = 0; a < ElementCount; a++) renumber[a] = present[a] ? next++ : -1;
        }
        var species = Enumerable.Range(0, ElementCount).Where(a => present[a]).Select(a => AtomicNumbers[a]).ToArray();
        var items = new Item[indices.Count];
        for (int k = 0; k < items.Length; k++)
        {
            var it = Items[indices[k]];
            double factor = weightFactors?[k] ?? 1.0;
            if (!(factor >= 0) || !double.IsFinite(factor)) throw new ArgumentException($"Weight factor {factor} is not a non-negative number.");
            items[k] = it with
            {
                Weight = it.Weight * factor,
                Type = renumber is null ? it.Type : it.Type.Select(t => renumber[t]).ToArray(),
            };
        }
        return FromItems(species, items, options);
    }

    private static EamTrainingSet FromItems(IReadOnlyList<int> species, Item[] items, EamFitOptions options)
    {
        double shortest = double.PositiveInfinity;
        var nearest = new List<double>();
        foreach (var it in items)
        {
            var near = new double[it.Count];
            Array.Fill(near, double.PositiveInfinity);
            for (int p = 0; p < it.R.Length; p++)
            {
                shortest = Math.Min(shortest, it.R[p]);
                near[it.I[p]] = Math.Min(near[it.I[p]], it.R[p]);
                near[it.J[p]] = Math.Min(near[it.J[p]], it.R[p]);
            }
            nearest.AddRange(near.Where(double.IsFinite));
        }
        if (!double.IsFinite(shortest)) throw new ArgumentException($"No atom pairs within the {options.Cutoff} Å cutoff in the training data.");
        nearest.Sort();
        double energyNorm = 0, forceNorm = 0, stressNorm = 0;
        foreach (var it in items)
        {
            energyNorm += it.Weight;
            if (it.Forces is not null) forceNorm += it.Weight * 3 * it.Count;
            if (it.Stress is not null) stressNorm += it.Weight * 6;
        }
        if (!(energyNorm > 0)) throw new ArgumentException($"Every training structure has zero weight (Info[\"{options.WeightKey}\"]).");
        return new EamTrainingSet
        {
            AtomicNumbers = species,
            Items = items,
            ShortestDistance = shortest,
            TypicalNeighbourDistance = nearest[nearest.Count / 2],
            EnergyNorm = energyNorm,
            ForceNorm = forceNorm,
            StressNorm = stressNorm,
        };
    }

    private static Item Prepare(Structure s, Dictionary<int, int> index, EamFitOptions options)
    {
        var list = NeighborListCache.Get(s, options.Cutoff, half: true); // built once per structure and cutoff, whatever the restarts
        var first = list.FirstIndices();
        var j = list.Indices.ToArray();
        var r = list.Distances.ToArray();
        var vectors = list.Vectors;
        var u = new Vec3[r.Length];
        for (int p = 0; p < r.Length; p++) u[p] = vectors[p] / r[p];
        bool periodic = s.Pbc.A && s.Pbc.B && s.Pbc.C;
        return new Item
        {
            Count = s.AtomCount,
            Type = s.AtomicNumbers.Select(z => index[z]).ToArray(),
            I = first,
            J = j,
            R = r,
            U = u,
            Energy = s.Energy!.Value,
            Forces = s.Forces?.ToArray(),
            Stress = periodic ? s.Stress : null,
            Volume = periodic ? s.Cell.Volume : 0,
            Weight = WeightOf(s, options.WeightKey),
        };
    }

    private static double WeightOf(Structure s, string key)
    {
        if (!s.Info.TryGetValue(key, out var value)) return 1.0;
        double w = value switch
        {
            IConvertible c => Convert.ToDouble(c, CultureInfo.InvariantCulture),
            _ => double.NaN,
        };
        if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"{s.Id}: Info[\"{key}\"] = {value} is not a non-negative weight.");
        return w;
    }
}
