using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Fitting;

/// <summary>One prediction to compare with a labelled structure.</summary>
/// <param name="Energy">Total energy (eV).</param>
/// <param name="Forces">Forces (eV/Å), one per atom.</param>
/// <param name="Stress">Stress (eV/Å³, ASE sign), when predicted.</param>
public sealed record Prediction(double Energy, IReadOnlyList<Vec3> Forces, Voigt? Stress);

/// <summary>
/// Compares predictions with DFT labels: energy RMSE/MAE per atom, force RMSE/MAE per Cartesian
/// component, stress RMSE (GPa), worst cases — overall, per value of an Info key, and per
/// structure. Structures without an energy label are an error that names them (never a NaN);
/// forces and stresses are compared where labelled. Groups are named by a <see cref="GroupKey"/> (an Info key
/// or a structure property, any case). Optionally, per-element energy offsets are fitted first
/// (<see cref="ReferenceEnergyFit"/>), since DFT and a potential rarely share an energy zero.
/// </summary>
public static class FitErrorAnalysis
{
    /// <summary>Evaluates <paramref name="potential"/> on every structure (in parallel) and compares.</summary>
    /// <param name="structures">Labelled structures.</param>
    /// <param name="potential">The potential.</param>
    /// <param name="groupBy">Info key to group by, or null.</param>
    /// <param name="worst">How many worst cases each summary lists.</param>
    /// <param name="degree">Threads; 0 = all cores.</param>
    /// <param name="cancellation">Observed between structures.</param>
    /// <param name="fitEnergyOffsets">Fit and remove per-element energy offsets before comparing.</param>
    /// <remarks>A structure the potential cannot evaluate is left out and listed in <see cref="FitErrorReport.Failures"/>.</remarks>
    /// <exception cref="ArgumentException">A structure lacks an energy label, or none could be evaluated.</exception>
    public static FitErrorReport Analyze(IReadOnlyList<Structure> structures, EamPotential potential, string? groupBy = null, int worst = 5,
        int degree = 0, CancellationToken cancellation = default, bool fitEnergyOffsets = false)
    {
        ArgumentNullException.ThrowIfNull(potential);
        return Evaluate(structures, potential, null, groupBy, worst, degree, cancellation, fitEnergyOffsets);
    }

    /// <summary>
    /// Evaluates a fit's potential on every structure and compares, reporting as well how much of
    /// each structure, and of the whole set, lies outside the fit's training range
    /// (<see cref="EamExtrapolation"/>): the OutsideDistanceFraction and OutsideDensityFraction columns.
    /// </summary>
    public static FitErrorReport Analyze(IReadOnlyList<Structure> structures, EamFitResult fit, string? groupBy = null, int worst = 5,
        int degree = 0, CancellationToken cancellation = default, bool fitEnergyOffsets = false)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Evaluate(structures, fit.Potential, fit, groupBy, worst, degree, cancellation, fitEnergyOffsets);
    }

    private static FitErrorReport Evaluate(IReadOnlyList<Structure> structures, EamPotential potential, EamFitResult? fit, string? groupBy, int worst,
        int degree, CancellationToken cancellation, bool fitEnergyOffsets)
    {
        ArgumentNullException.ThrowIfNull(structures);
        RequireLabels(structures);
        OverlappingAtoms.CheckAll(structures);
        var outcomes = EamEvaluation.Each(potential, structures, degree, cancellation).ToList();
        var evaluated = outcomes.Where(o => o.Result is not null).ToList();
        var failures = outcomes.Where(o => o.Result is null).ToList();
        if (evaluated.Count == 0 && failures.Count > 0)
            throw new ArgumentException($"The potential could evaluate none of the {failures.Count} structure(s): {failures[0].Problem}");
        var predictions = evaluated.Select(o => new Prediction(o.Result!.Energy, o.Result.Forces, o.Result.Stress)).ToList();
        var outside = fit is null ? null : evaluated.Select(o => EamExtrapolation.Measure(fit, o.Structure, o.Result!.Densities)).ToList();
        return Analyze(evaluated.Select(o => o.Structure).ToList(), predictions, groupBy, worst, fitEnergyOffsets, outside) with { Failures = failures };
    }

    /// <summary>Compares given predictions with the labels.</summary>
    /// <exception cref="ArgumentException">Counts differ, or structures lack energy labels (named).</exception>
    public static FitErrorReport Analyze(IReadOnlyList<Structure> structures, IReadOnlyList<Prediction> predictions, string? groupBy = null, int worst = 5,
        bool fitEnergyOffsets = false) =>
        Analyze(structures, predictions, groupBy, worst, fitEnergyOffsets, null);

    private static FitErrorReport Analyze(IReadOnlyList<Structure> structures, IReadOnlyList<Prediction> predictions, string? groupBy, int worst,
        bool fitEnergyOffsets, IReadOnlyList<StructureExtrapolation>? outside)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(predictions);
        if (structures.Count != predictions.Count) throw new ArgumentException($"{structures.Count} structures but {predictions.Count} predictions.");
        if (structures.Count == 0) throw new ArgumentException("No structures to compare.");
        RequireLabels(structures);
        IReadOnlyDictionary<string, double>? offsets = null;
        if (fitEnergyOffsets)
        {
            var mu = ReferenceEnergyFit.Fit(structures, predictions.Select(p => p.Energy).ToList());
            predictions = predictions.Select((p, k) => p with { Energy = p.Energy + ReferenceEnergyFit.OffsetOf(structures[k], mu) }).ToList();
            offsets = mu.ToDictionary(e => Elements.FromZ(e.Key).Symbol, e => e.Value);
        }
        var key = groupBy is null ? null : GroupKey.Parse(groupBy);
        var rows = new Row[structures.Count];
        for (int k = 0; k < rows.Length; k++) rows[k] = Compare(structures[k], predictions[k], key, outside?[k]);
        var overall = Summarise(null, rows, worst) with { EnergyOffsets = offsets };
        var groups = key is null
            ? []
            : rows.GroupBy(r => r.Record.Group!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Summarise(g.Key, g.ToArray(), worst) with { EnergyOffsets = offsets }).ToList();
        return new FitErrorReport(overall, groups, rows.Select(r => r.Record).ToList())
        {
            EnergyOffsets = offsets,
            Compared = structures,
            Predictions = predictions,
        };
    }

    /// <summary>Every labelled atom's reference and predicted force, structure by structure, for a force parity plot.</summary>
    public static IEnumerable<AtomForceError> AtomForces(FitErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (int k = 0; k < report.Compared.Count; k++)
        {
            var s = report.Compared[k];
            if (s.Forces is not { } reference) continue;
            var predicted = report.Predictions[k].Forces;
            string? group = report.PerStructure[k].Group;
            for (int i = 0; i < s.AtomCount; i++)
                yield return new AtomForceError(s.Id, group, i, Elements.FromZ(s.AtomicNumbers[i]).Symbol,
                    reference[i].X, reference[i].Y, reference[i].Z, predicted[i].X, predicted[i].Y, predicted[i].Z);
        }
    }

    private static void RequireLabels(IReadOnlyList<Structure> structures)
    {
        var missing = structures.Where(s => s.Energy is null).Select(s => s.Id).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"{missing.Count} structure(s) have no energy label: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}.");
    }

    private sealed record Row(StructureFitError Record, double ForceSq, double ForceAbs, int ForceCount, double StressSq, int StressCount,
        StructureExtrapolation? Outside);

    private static Row Compare(Structure s, Prediction p, GroupKey? groupBy, StructureExtrapolation? outside)
    {
        if (p.Forces.Count != s.AtomCount) throw new ArgumentException($"{s.Id}: {p.Forces.Count} predicted forces for {s.AtomCount} atoms.");
        double reference = s.Energy!.Value / s.AtomCount, predicted = p.Energy / s.AtomCount;
        double fSq = 0, fAbs = 0, fMax = 0;
        int fCount = 0;
        if (s.Forces is { } forces)
            for (int i = 0; i < s.AtomCount; i++)
            {
                var d = p.Forces[i] - forces[i];
                fSq += d.LengthSquared;
                fAbs += Math.Abs(d.X) + Math.Abs(d.Y) + Math.Abs(d.Z);
                fMax = Math.Max(fMax, d.Length);
                fCount += 3;
            }
        double sSq = 0;
        int sCount = 0;
        if (s.Stress is { } stress && p.Stress is { } ps)
            for (int v = 0; v < 6; v++)
            {
                double d = (ps[v] - stress[v]) * Voigt.EvPerCubicAngstromToGPa;
                sSq += d * d;
                sCount++;
            }
        // Without a grouping key the row still says what kind of structure it is (an empty Group column in a CSV says nothing).
        string? group = groupBy is null ? s.ConfigType : groupBy.GroupOf(s);
        var record = new StructureFitError(s.Id, group, s.AtomCount, reference, predicted, 1000 * (predicted - reference),
            fCount > 0 ? 1000 * Math.Sqrt(fSq / fCount) : null, fCount > 0 ? 1000 * fMax : null,
            sCount > 0 ? Math.Sqrt(sSq / sCount) : null)
        {
            OutsideDistanceFraction = outside?.OutsideDistanceFraction,
            OutsideDensityFraction = outside?.OutsideDensityFraction,
        };
        return new Row(record, fSq, fAbs, fCount, sSq, sCount, outside);
    }

    private static FitErrorSummary Summarise(string? group, Row[] rows, int worst)
    {
        double e2 = 0, e1 = 0, f2 = 0, f1 = 0, s2 = 0;
        long fCount = 0, sCount = 0, atoms = 0, pairs = 0, pairsBelow = 0, atomsOutside = 0;
        foreach (var r in rows)
        {
            if (r.Outside is { } o)
            {
                pairs += o.Pairs;
                pairsBelow += o.PairsBelowShortest;
                atomsOutside += o.AtomsOutsideDensityRange;
            }
            e2 += r.Record.EnergyErrorMevPerAtom * r.Record.EnergyErrorMevPerAtom;
            e1 += Math.Abs(r.Record.EnergyErrorMevPerAtom);
            f2 += r.ForceSq;
            f1 += r.ForceAbs;
            fCount += r.ForceCount;
            s2 += r.StressSq;
            sCount += r.StressCount;
            atoms += r.Record.AtomCount;
        }
        return new FitErrorSummary
        {
            Group = group,
            Structures = rows.Length,
            Atoms = atoms,
            EnergyRmse = Math.Sqrt(e2 / rows.Length),
            EnergyMae = e1 / rows.Length,
            ForceRmse = fCount > 0 ? 1000 * Math.Sqrt(f2 / fCount) : null,
            ForceMae = fCount > 0 ? 1000 * f1 / fCount : null,
            ForceComponents = fCount,
            StressRmse = sCount > 0 ? Math.Sqrt(s2 / sCount) : null,
            OutsideDistanceFraction = rows.Length > 0 && rows[0].Outside is not null ? (pairs > 0 ? (double)pairsBelow / pairs : 0) : null,
            OutsideDensityFraction = rows.Length > 0 && rows[0].Outside is not null ? (double)atomsOutside / atoms : null,
            WorstEnergy = rows.OrderByDescending(r => Math.Abs(r.Record.EnergyErrorMevPerAtom)).Take(worst)
                .Select(r => new WorstCase(r.Record.Id, r.Record.EnergyErrorMevPerAtom)).ToList(),
            WorstForce = rows.Where(r => r.Record.MaxForceErrorMevPerAngstrom is not null).OrderByDescending(r => r.Record.MaxForceErrorMevPerAngstrom).Take(worst)
                .Select(r => new WorstCase(r.Record.Id, r.Record.MaxForceErrorMevPerAngstrom!.Value)).ToList(),
        };
    }
}
