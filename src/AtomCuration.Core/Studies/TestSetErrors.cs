using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Studies;

/// <summary>
/// A potential's errors on prepared test structures (no neighbour search: the pairs were flattened once per
/// study): energy RMSE, MAE, max and R² per atom, force RMSE, MAE and R² per Cartesian component and the
/// largest single-atom |ΔF|, stress RMSE (GPa) where labelled, and energy/force RMSE per group. Sums run in
/// test-set order, so the figures do not depend on threads.
/// </summary>
internal static class TestSetErrors
{
    internal sealed record Figures(int Structures, double EnergyRmse, double EnergyMae, double EnergyMax, double EnergyR2,
        double ForceRmse, double ForceMae, double ForceMax, double ForceR2, double? StressRmse, IReadOnlyList<StudyGroupError> Groups);

    public static Figures Measure(EamPotential potential, EamTrainingSet data, IReadOnlyList<int> test, string[]? groups)
    {
        var map = EamPreparedEvaluator.SpeciesMap(potential, data);
        var work = new EamPreparedEvaluator.Workspace();
        int m = test.Count;
        var eErr = new double[m];
        var eRef = new double[m];
        var fSq = new double[m];
        var fCount = new int[m];
        double fAbs = 0, fMax = 0, sSq = 0, fRefSum = 0, fRefSq = 0;
        int sCount = 0;
        for (int q = 0; q < m; q++)
        {
            var it = data.Items[test[q]];
            foreach (int t in it.Type)
                if (map[t] < 0)
                    throw new ArgumentException($"Test structure {test[q]} holds {Elements.FromZ(data.AtomicNumbers[t]).Symbol}, which no selected structure had: the potential cannot describe it.");
            double energy = EamPreparedEvaluator.Evaluate(potential, it, map, work, out var virial);
            eRef[q] = it.Energy / it.Count;
            eErr[q] = (energy - it.Energy) / it.Count;
            if (it.Forces is { } f)
            {
                double sq = 0;
                for (int i = 0; i < it.Count; i++)
                {
                    var d = work.Forces[i] - f[i];
                    sq += d.LengthSquared;
                    fAbs += Math.Abs(d.X) + Math.Abs(d.Y) + Math.Abs(d.Z);
                    fMax = Math.Max(fMax, d.Length);
                    fRefSum += f[i].X + f[i].Y + f[i].Z;
                    fRefSq += f[i].LengthSquared;
                }
                fSq[q] = sq;
                fCount[q] = 3 * it.Count;
            }
            if (it.Stress is { } stress && it.Volume > 0)
            {
                var predicted = (-1.0 / it.Volume) * virial;
                for (int v = 0; v < 6; v++)
                {
                    double d = (predicted[v] - stress[v]) * Voigt.EvPerCubicAngstromToGPa;
                    sSq += d * d;
                    sCount++;
                }
            }
        }
        double e2 = 0, e1 = 0, eMax = 0, f2 = 0;
        long fc = 0;
        for (int q = 0; q < m; q++)
        {
            e2 += eErr[q] * eErr[q];
            e1 += Math.Abs(eErr[q]);
            eMax = Math.Max(eMax, Math.Abs(eErr[q]));
            f2 += fSq[q];
            fc += fCount[q];
        }
        double eMean = eRef.Average(), eTot = 0;
        foreach (var e in eRef) eTot += (e - eMean) * (e - eMean);
        double fTot = fc > 0 ? fRefSq - fRefSum * fRefSum / fc : 0;
        var groupErrors = new List<StudyGroupError>();
        if (groups is not null)
            foreach (var g in test.Select((s, q) => (Group: groups[s], q)).GroupBy(t => t.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                double ge = 0, gf = 0;
                long gc = 0;
                int count = 0;
                foreach (var (_, q) in g)
                {
                    ge += eErr[q] * eErr[q];
                    gf += fSq[q];
                    gc += fCount[q];
                    count++;
                }
                groupErrors.Add(new StudyGroupError(g.Key, count, 1000 * Math.Sqrt(ge / count), gc > 0 ? 1000 * Math.Sqrt(gf / gc) : double.NaN));
            }
        return new Figures(m,
            1000 * Math.Sqrt(e2 / m), 1000 * e1 / m, 1000 * eMax, eTot > 0 ? 1 - e2 / eTot : double.NaN,
            fc > 0 ? 1000 * Math.Sqrt(f2 / fc) : double.NaN, fc > 0 ? 1000 * fAbs / fc : double.NaN, fc > 0 ? 1000 * fMax : double.NaN,
            fTot > 0 ? 1 - f2 / fTot : double.NaN,
            sCount > 0 ? Math.Sqrt(sSq / sCount) : null, groupErrors);
    }
}
