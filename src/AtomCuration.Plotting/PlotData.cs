using AtomCuration.Embedding;
using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Plotting;

/// <summary>Per-structure and per-atom quantities a distribution plot can show.</summary>
public enum StructureQuantity
{
    /// <summary>Energy per atom (eV/atom), one value per structure.</summary>
    EnergyPerAtom,
    /// <summary>|F_i| (eV/Å), one value per atom.</summary>
    ForceMagnitude,
    /// <summary>Distance from each atom to its nearest neighbour, periodic images included (Å).</summary>
    NearestDistance,
    /// <summary>One column of the structure descriptor (descriptor units), one value per structure.</summary>
    DescriptorColumn,
}

/// <summary>Computes what the plots show from structures and potentials (Core does the science).</summary>
public static class PlotData
{
    /// <summary>Axis label (with unit) and unit of a quantity; <paramref name="column"/> names the descriptor column.</summary>
    public static (string Label, string? Unit) Describe(StructureQuantity quantity, string? column = null) => quantity switch
    {
        StructureQuantity.EnergyPerAtom => ("Energy per atom (eV/atom)", "eV/atom"),
        StructureQuantity.ForceMagnitude => ("Force magnitude |F| (eV/Å)", "eV/Å"),
        StructureQuantity.NearestDistance => ("Nearest-neighbour distance (Å)", "Å"),
        StructureQuantity.DescriptorColumn => ($"Descriptor {column ?? "column"} (descriptor units)", "descriptor unit"),
        _ => throw new ArgumentOutOfRangeException(nameof(quantity)),
    };

    /// <summary>
    /// The values of <paramref name="quantity"/> for one structure; <paramref name="column"/> is the descriptor
    /// column index for <see cref="StructureQuantity.DescriptorColumn"/>. Missing labels give no values.
    /// </summary>
    public static IEnumerable<double> Values(Structure s, StructureQuantity quantity, int column = 0)
    {
        ArgumentNullException.ThrowIfNull(s);
        switch (quantity)
        {
            case StructureQuantity.EnergyPerAtom:
                if (s.EnergyPerAtom is { } e) yield return e;
                break;
            case StructureQuantity.ForceMagnitude:
                if (s.Forces is { } f) foreach (var v in f) yield return v.Length;
                break;
            case StructureQuantity.NearestDistance:
                foreach (double d in NearestDistances(s)) yield return d;
                break;
            case StructureQuantity.DescriptorColumn:
                if (s.Descriptor is not { } desc)
                    throw new InvalidOperationException($"Structure '{s.Id}' has no descriptor: run Get-Descriptor first.");
                if (column < 0 || column >= desc.Length)
                    throw new ArgumentOutOfRangeException(nameof(column), $"Structure '{s.Id}' has {desc.Length} descriptor columns; column {column} does not exist.");
                yield return desc[column];
                break;
        }
    }

    /// <summary>Each atom's nearest-neighbour distance (Å); the search radius doubles from 4 Å until every atom has a neighbour (at most 64 Å).</summary>
    public static double[] NearestDistances(Structure s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var result = new double[s.AtomCount];
        if (s.AtomCount == 0) return result;
        for (double cutoff = 4; ; cutoff *= 2)
        {
            var list = NeighborList.Build(s, cutoff);
            var offsets = list.Offsets;
            var dist = list.Distances;
            bool all = true;
            for (int i = 0; i < s.AtomCount; i++)
            {
                double best = double.PositiveInfinity;
                for (int k = offsets[i]; k < offsets[i + 1]; k++) if (dist[k] < best) best = dist[k];
                result[i] = best;
                all &= double.IsFinite(best);
            }
            if (all || cutoff >= 64) return result;
        }
    }

    /// <summary>Explained-variance ratio of every principal component of the structure descriptors (NumPy/scikit-learn convention, ddof = 1).</summary>
    public static double[] ExplainedVarianceRatio(IReadOnlyList<Structure> pool) =>
        Pca.Fit(DescriptorPool.FromStructures(pool)).AllExplainedVarianceRatio;

    /// <summary>
    /// Runs the local-environment bank (<see cref="LocalEnvironmentBank"/>, min–max scaled per-atom descriptors, pool order)
    /// once per threshold and counts the bank's environments and the structures that added one.
    /// </summary>
    public static IReadOnlyList<BankScanPoint> BankScan(IReadOnlyList<Structure> pool, IReadOnlyList<double> thresholds, int threads = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(thresholds);
        for (int i = 0; i < pool.Count; i++)
            if (pool[i].AtomDescriptors is null)
                throw new InvalidOperationException($"Structure '{pool[i].Id}' (index {i}) has no per-atom descriptors: run Get-Descriptor -PerAtom first.");
        var scaling = ColumnScaling.MinMax(pool.Select(s => s.AtomDescriptors!));
        var points = new List<BankScanPoint>();
        foreach (double t in thresholds.Distinct().Order())
        {
            if (!(t > 0) || !double.IsFinite(t)) throw new ArgumentOutOfRangeException(nameof(thresholds), t, "Thresholds must be positive.");
            var bank = new LocalEnvironmentBank(_ => t, scaling, threads);
            int selected = 0;
            for (int i = 0; i < pool.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (bank.Offer(pool[i], i) > 0) selected++;
            }
            points.Add(new BankScanPoint(t, bank.EnvironmentCount, selected));
        }
        return points;
    }

    /// <summary>
    /// Reference against predicted values of <paramref name="quantity"/> for every labelled structure, evaluating
    /// <paramref name="potential"/> (Core's <see cref="EamEvaluation"/>; a structure it cannot describe throws naming it): energy per atom (eV/atom), every force
    /// component (eV/Å), the six stress components (GPa). <paramref name="group"/> labels each structure.
    /// </summary>
    public static IReadOnlyList<ParityPoint> Parity(IReadOnlyList<Structure> structures, EamPotential potential, ParityQuantity quantity,
        Func<Structure, string?> group, int threads = 0, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(group);
        var points = new List<ParityPoint>();
        foreach (var outcome in EamEvaluation.Each(potential, structures, threads, cancellation))
        {
            var s = outcome.Structure;
            var r = outcome.Result ?? throw new ArgumentException(outcome.Problem);
            AddParity(points, s, r.EnergyPerAtom, r.Forces, r.Stress, quantity, group(s));
        }
        if (points.Count == 0)
            throw new ArgumentException($"No structure carries a {quantity.ToString().ToLowerInvariant()} label to compare with.");
        return points;
    }

    /// <summary>
    /// The same comparison from the predictions a <see cref="FitErrorAnalysis"/> already made (no second evaluation);
    /// empty when no compared structure carries the label.
    /// </summary>
    public static IReadOnlyList<ParityPoint> Parity(FitErrorReport report, ParityQuantity quantity, Func<Structure, string?> group)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(group);
        var points = new List<ParityPoint>();
        for (int k = 0; k < report.Compared.Count; k++)
        {
            var s = report.Compared[k];
            var p = report.Predictions[k];
            AddParity(points, s, report.PerStructure[k].PredictedEnergyEvPerAtom, p.Forces, p.Stress, quantity, group(s));
        }
        return points;
    }

    private static void AddParity(List<ParityPoint> points, Structure s, double predictedEnergyPerAtom, IReadOnlyList<Vec3> forces, Voigt? stress,
        ParityQuantity quantity, string? g)
    {
        switch (quantity)
        {
            case ParityQuantity.Energy:
                if (s.Energy is { } e) points.Add(new ParityPoint(e / s.AtomCount, predictedEnergyPerAtom, g));
                break;
            case ParityQuantity.Force:
                if (s.Forces is { } f)
                    for (int a = 0; a < s.AtomCount; a++)
                    {
                        points.Add(new ParityPoint(f[a].X, forces[a].X, g));
                        points.Add(new ParityPoint(f[a].Y, forces[a].Y, g));
                        points.Add(new ParityPoint(f[a].Z, forces[a].Z, g));
                    }
                break;
            case ParityQuantity.Stress:
                if (s.Stress is { } st && stress is { } ps)
                    for (int v = 0; v < 6; v++)
                        points.Add(new ParityPoint(st[v] * Voigt.EvPerCubicAngstromToGPa, ps[v] * Voigt.EvPerCubicAngstromToGPa, g));
                break;
        }
    }

    /// <summary>Pair distances within the potential's cutoff (each pair once) and every atom's host density ρ̄_i under the potential.</summary>
    public static EamDataCoverage Coverage(IReadOnlyList<Structure> structures, EamPotential potential, int threads = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(potential);
        var distances = new List<double>();
        foreach (var s in structures)
        {
            cancellation.ThrowIfCancellationRequested();
            var list = NeighborList.Build(s, potential.Cutoff, half: true);
            foreach (double d in list.Distances) distances.Add(d);
        }
        var densities = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var outcome in EamEvaluation.Each(potential, structures, threads, cancellation))
        {
            var s = outcome.Structure;
            var r = outcome.Result ?? throw new ArgumentException(outcome.Problem);
            for (int a = 0; a < s.AtomCount; a++)
            {
                string symbol = Elements.FromZ(s.AtomicNumbers[a]).Symbol;
                if (!densities.TryGetValue(symbol, out var l)) densities[symbol] = l = [];
                l.Add(r.Densities[a]);
            }
        }
        return new EamDataCoverage(distances, densities.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
