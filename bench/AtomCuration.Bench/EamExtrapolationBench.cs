using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.Bench;

/// <summary>
/// Issue 13's extrapolation experiment: a spline EAM fitted on 50 Pd cells labelled by Debian's
/// LAMMPS Pd_u3.eam (Foiles funcfl, GPL-2: read in place, never copied), tested on the other 550
/// and on 100 cells compressed by 4–10 %, errors split by whether a cell lies inside the training range.
/// </summary>
public sealed class EamExtrapolationBench : IBenchmark
{
    public string Name => "eam-extrapolation";
    public string Description => "spline EAM on 50 Pd cells (teacher Pd_u3.eam), errors inside vs outside the training range on 550 + 100 compressed cells";

    public int Run(string[] args)
    {
        string path = args.Length > 0 ? args[0] : "/usr/share/lammps/potentials/Pd_u3.eam";
        var teacher = EamFileReader.Read(path);
        var cells = EamBenchData.LabelledFcc(teacher, "Pd", 3.89, 600, seed: 1, displacement: 0.25, strain: 0.04);
        var compressed = EamBenchData.LabelledFcc(teacher, "Pd", 3.89 * 0.93, 100, seed: 2, displacement: 0.25, strain: 0.03);
        var train = cells.Take(50).ToList();
        var fit = EamFitter.Fit(train, new EamFitOptions { Cutoff = teacher.Cutoff, Seed = 1 });
        Console.WriteLine($"{fit}; shortest training distance {fit.ShortestDistance:F3} Å");
        var test = cells.Skip(50).Concat(compressed).ToList();
        var report = FitErrorAnalysis.Analyze(test, fit);
        var outside = EamExtrapolation.Measure(fit, test);
        void Line(string label, Func<int, bool> keep)
        {
            var rows = report.PerStructure.Where((_, k) => keep(k)).ToList();
            if (rows.Count == 0) { Console.WriteLine($"{label}: none"); return; }
            double e = Math.Sqrt(rows.Average(r => r.EnergyErrorMevPerAtom * r.EnergyErrorMevPerAtom));
            double f = Math.Sqrt(rows.Average(r => r.ForceRmseMevPerAngstrom!.Value * r.ForceRmseMevPerAngstrom!.Value));
            double median = rows.Select(r => Math.Abs(r.EnergyErrorMevPerAtom)).Order().ElementAt(rows.Count / 2);
            Console.WriteLine($"{label} ({rows.Count} cells): E RMSE {e:F2} meV/atom (median |ΔE| {median:F2}), F RMSE {f:F1} meV/Å");
        }
        Line("test, inside the training range", k => !outside[k].Extrapolates);
        Line("test, densities outside only", k => outside[k].Extrapolates && outside[k].PairsBelowShortest == 0);
        Line("test, pairs below the shortest training distance", k => outside[k].PairsBelowShortest > 0);
        Line("all 650 test cells", _ => true);
        Console.WriteLine($"outside fractions: pairs {report.Overall.OutsideDistanceFraction:P2}, atoms {report.Overall.OutsideDensityFraction:P2}");
        return 0;
    }
}
