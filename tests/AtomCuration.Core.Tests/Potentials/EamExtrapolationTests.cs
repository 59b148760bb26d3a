using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using Xunit.Abstractions;

namespace AtomCuration.Tests.Potentials;

/// <summary>
/// Fits that extrapolate sanely (issue 13): a spline fit on a few mildly strained Pd cells,
/// tested on many more, among them compressed cells whose shortest distance lies below the
/// training set's. The teacher is the analytic Zhou–Johnson–Wadley Pd potential built in Core.
/// </summary>
public class EamExtrapolationTests(ITestOutputHelper output)
{
    private static readonly Lazy<EamPotential> Teacher = new(() => ZhouJohnsonWadley.Published("Pd"));
    private const double PdLattice = 3.89;

    /// <summary>Cells strained by up to ±<paramref name="strain"/> around a·(1 + <paramref name="compression"/>), displaced by up to <paramref name="displacement"/> Å, every fifth with a vacancy.</summary>
    internal static List<Structure> PdCells(int count, int seed, double compression, double strain, double displacement, string prefix)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(k => EamFitTestData.Label(Teacher.Value, new Structure(EamTestStructures.Fcc(["Pd"], PdLattice * (1 + compression + strain * (2 * rng.NextDouble() - 1)), 2, rng,
                0.02 + (displacement - 0.02) * rng.NextDouble(), 0.5 * strain, k % 5 == 4)) { Id = $"{prefix}{k}" }))
            .ToList();
    }

    private static readonly Lazy<(List<Structure> Train, EamFitResult Fit)> PdFit = new(() =>
    {
        var train = PdCells(12, 1, 0.0, 0.04, 0.2, "train");
        return (train, EamFitter.Fit(train, new EamFitOptions { Cutoff = 5.0, PairKnots = 10, DensityKnots = 8, EmbeddingKnots = 5, Seed = 1 }));
    });

    [Fact]
    public void ErrorsOutsideTheTrainingRangeStayWithinAFewTimesThoseInside()
    {
        var (train, fit) = PdFit.Value;
        var test = PdCells(30, 2, 0.0, 0.04, 0.2, "mild").Concat(PdCells(30, 3, -0.07, 0.03, 0.3, "compressed")).ToList();
        var report = FitErrorAnalysis.Analyze(test, fit, degree: 2);
        var outside = EamExtrapolation.Measure(fit, test, 2);
        var inRange = report.PerStructure.Where((_, k) => !outside[k].Extrapolates).ToList();
        var beyond = report.PerStructure.Where((_, k) => outside[k].PairsBelowShortest > 0).ToList();
        double Rmse(IEnumerable<double> e) => Math.Sqrt(e.Select(x => x * x).Average());
        double eIn = Rmse(inRange.Select(r => r.EnergyErrorMevPerAtom)), eOut = Rmse(beyond.Select(r => r.EnergyErrorMevPerAtom));
        double fIn = Rmse(inRange.Select(r => r.ForceRmseMevPerAngstrom!.Value)), fOut = Rmse(beyond.Select(r => r.ForceRmseMevPerAngstrom!.Value));
        // Compressed cells carry far larger forces: compare force errors relative to the forces' own size.
        double ForceScale(IEnumerable<StructureFitError> rows) =>
            1000 * Math.Sqrt(rows.SelectMany(r => test.First(s => s.Id == r.Id).Forces!.Value).Average(f => f.LengthSquared / 3));
        double relIn = fIn / ForceScale(inRange), relOut = fOut / ForceScale(beyond);
        output.WriteLine($"training: {fit}; shortest {fit.ShortestDistance:F3} Å");
        output.WriteLine($"inside  ({inRange.Count} cells): E {eIn:F2} meV/atom, F {fIn:F1} meV/Å ({relIn:P1} of the force scale)");
        output.WriteLine($"outside ({beyond.Count} cells, shortest {outside.Min(o => o.ShortestDistance):F3} Å): E {eOut:F2} meV/atom, F {fOut:F1} meV/Å ({relOut:P1} of the force scale)");
        output.WriteLine($"overall: E {report.Overall.EnergyRmse:F2} meV/atom, F {report.Overall.ForceRmse:F1} meV/Å, r<train {report.Overall.OutsideDistanceFraction:P2}, ρ outside {report.Overall.OutsideDensityFraction:P2}");
        Assert.True(inRange.Count >= 10 && beyond.Count >= 10, $"{inRange.Count} cells inside, {beyond.Count} below the shortest training distance");
        Assert.True(eOut < 5 * Math.Max(eIn, 0.5), $"energy RMSE outside {eOut:F2} vs inside {eIn:F2} meV/atom");
        Assert.True(relOut < 5 * relIn, $"relative force RMSE outside {relOut:P1} vs inside {relIn:P1}");
        Assert.True(report.Overall.OutsideDistanceFraction > 0 && report.Overall.OutsideDensityFraction > 0);
        // The training cells themselves lie inside by construction.
        Assert.All(EamExtrapolation.Measure(fit, train, 2), o => Assert.False(o.Extrapolates, $"{o.Id} counted outside its own training range"));
    }
}
