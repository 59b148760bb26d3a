using AtomCuration.Options;
using AtomCuration.Fitting;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Potentials;

/// <summary>The EAM fitter: teacher recovery, physical extrapolation, determinism, cancellation, bad input.</summary>
public class EamFitterTests
{
    /// <summary>The teacher: the published ZJW Cu form as a setfl table (made here; no file outside the repository).</summary>
    private static readonly Lazy<EamPotential> Teacher = new(() => GeneratedEam.Table(EamFileFormat.Setfl, "Cu"));

    private static readonly Lazy<(List<Structure> Train, EamFitResult Fit)> CuFit = new(() =>
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 25, 7, 0.1, 0.03);
        return (cells, EamFitter.Fit(cells, new EamFitOptions { Cutoff = Teacher.Value.Cutoff, Seed = 1 }));
    });

    private sealed class SyncProgress(Action<RunProgress> action) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => action(value);
    }

    [Fact]
    public void RecoversTeacherOnUnseenCells()
    {
        var (_, fit) = CuFit.Value;
        var test = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 60, 8, 0.1, 0.03);
        double e2 = 0, f2 = 0;
        int nf = 0;
        foreach (var s in test)
        {
            var r = EamEvaluator.Evaluate(fit.Potential, s);
            e2 += Math.Pow((r.Energy - s.Energy!.Value) / s.AtomCount, 2);
            for (int i = 0; i < s.AtomCount; i++) { f2 += (r.Forces[i] - s.Forces!.Value[i]).LengthSquared; nf += 3; }
        }
        double eRmse = 1000 * Math.Sqrt(e2 / test.Count), fRmse = 1000 * Math.Sqrt(f2 / nf);
        Assert.True(eRmse < 2.0, $"test energy RMSE {eRmse:F3} meV/atom");
        Assert.True(fRmse < 50.0, $"test force RMSE {fRmse:F1} meV/Å");
        Assert.True(fit.EnergyRmse < 2.0 && fit.ForceRmse < 50.0, fit.ToString());
        Assert.True(fit.LossHistory[^1] < fit.LossHistory[0]);
        Assert.Equal(fit.Parameters.Count, fit.ParameterNames.Count);
        Assert.Contains("E0[Cu]", fit.ParameterNames);
    }

    [Fact]
    public void ExtrapolatesPhysicallyBeyondTheTrainingData()
    {
        var (train, fit) = CuFit.Value;
        // Cells displaced by up to 0.5 Å (training: ≤ 0.1 Å): finite, within 0.3 eV/atom of the teacher,
        // and never more stable than the best training cell.
        var far = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 20, 9, 0.5, 0.03);
        double lowest = train.Min(s => s.EnergyPerAtom!.Value);
        foreach (var s in far)
        {
            var r = EamEvaluator.Evaluate(fit.Potential, s);
            Assert.True(double.IsFinite(r.Energy) && r.Forces.All(f => f.IsFinite), $"{s.Id}: non-finite prediction");
            double error = Math.Abs(r.EnergyPerAtom - s.EnergyPerAtom!.Value);
            Assert.True(error < 0.3, $"{s.Id}: predicted {r.EnergyPerAtom:F4} eV/atom, teacher {s.EnergyPerAtom:F4} (error {error:F3})");
            Assert.True(r.EnergyPerAtom > lowest, $"{s.Id}: predicted {r.EnergyPerAtom:F4} eV/atom, below every training cell ({lowest:F4})");
        }
        // Below the shortest training distance: φ repulsive and monotone, ρ bounded.
        var phi = fit.Potential.Pair(0, 0);
        var rho = fit.Potential.Density(0, 0);
        double r0 = fit.ShortestDistance, previous = phi.Value(r0);
        for (double r = r0 - 0.05; r > 0.3; r -= 0.05)
        {
            double v = phi.Evaluate(r, out double d);
            Assert.True(v > previous && d < 0, $"φ not repulsive/monotone at {r:F2} Å");
            previous = v;
            Assert.True(Math.Abs(rho.Value(r)) < 10 * Math.Abs(rho.Value(r0)) + 1, $"ρ unbounded at {r:F2} Å");
        }
        // F stays convex just beyond the densities seen and is linear far beyond them.
        var (_, max) = fit.DensityRange["Cu"];
        var f = (EmbeddingExtrapolation)fit.Potential.Embedding(0);
        Assert.Equal(max, f.Hi);
        f.Evaluate(max, out double s0);
        f.Evaluate(max + 0.5 * f.QuadraticWidth, out double sMid);
        f.Evaluate(f.LinearBeyond + 1, out double s1);
        f.Evaluate(f.LinearBeyond + 5, out double s2);
        Assert.True(sMid >= s0 && s1 >= sMid, $"F′ not non-decreasing beyond the data: {s0}, {sMid}, {s1}");
        Assert.Equal(s1, s2, 12);
        Assert.True(fit.ShortestDistance <= train.Min(s => NeighborList.Build(s, 3).Distances.ToArray().DefaultIfEmpty(9).Min()) + 1e-12);
    }

    [Fact]
    public void FittedPotentialWrittenAsSetflIsReproducedByLammps() => Oracle.Frozen(FittedPotentialWrittenAsSetflIsReproducedByLammpsCheck);

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void FittedPotentialWrittenAsSetflIsReproducedByLammps_Live() => Oracle.Live("lammps", FittedPotentialWrittenAsSetflIsReproducedByLammpsCheck);

    private void FittedPotentialWrittenAsSetflIsReproducedByLammpsCheck()
    {
        var (train, fit) = CuFit.Value;
        string file = Path.Combine(Path.GetTempPath(), $"atomcuration-{Guid.NewGuid():N}-fit.eam.alloy");
        try
        {
            EamFileWriter.Write(fit.Potential, file, EamTableResolution.Suggest(fit.Potential));
            var cells = train.Take(3).Concat(EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 3, 10, 0.5, 0.03)).ToList();
            var lammps = LammpsEamOracle.Run("eam/alloy", file, ["Cu"], cells);
            for (int k = 0; k < cells.Count; k++)
            {
                double ours = EamEvaluator.Evaluate(fit.Potential, cells[k]).EnergyPerAtom;
                double theirs = lammps[k].Energy / cells[k].AtomCount;
                Assert.True(Math.Abs(ours - theirs) < 1e-5, $"cell {k}: in memory {ours} vs LAMMPS on the written file {theirs}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SameSeedSameResultOnAnyThreadCount()
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 10, 3, 0.1, 0.03);
        var options = new EamFitOptions { Cutoff = 5.0, MaxIterations = 6, Restarts = 1, Seed = 42, PairKnots = 8, DensityKnots = 8 };
        var one = EamFitter.Fit(cells, options, new RunContext { ThrottleLimit = 1 });
        var two = EamFitter.Fit(cells, options, new RunContext { ThrottleLimit = 2 });
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.LossHistory, two.LossHistory);
        Assert.Equal(42, one.Seed);
    }

    [Fact]
    public void CancellationReturnsTheBestSoFar()
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 10, 4, 0.1, 0.03);
        using var cts = new CancellationTokenSource();
        int reports = 0;
        var fit = EamFitter.Fit(cells, new EamFitOptions { Cutoff = 5.0, Restarts = 3 }, new RunContext
        {
            Progress = new SyncProgress(p =>
            {
                if (++reports == 2) cts.Cancel();
            }),
            Cancellation = cts.Token,
        });
        Assert.Equal(LeastSquaresStopReason.Cancelled, fit.StopReason);
        Assert.Equal(2, fit.Iterations);
        Assert.True(double.IsFinite(EamEvaluator.Evaluate(fit.Potential, cells[0]).Energy));
        Assert.True(fit.LossHistory[^1] < fit.LossHistory[0]);
    }

    [Fact]
    public void CancellationDuringARestartKeepsTheBestStartAndSaysItWasCutShort()
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 10, 4, 0.1, 0.03);
        var options = new EamFitOptions { Cutoff = 5.0, MaxIterations = 8, Restarts = 5, Seed = 7 };
        var full = EamFitter.Fit(cells, options with { Restarts = 0 });
        using var cts = new CancellationTokenSource();
        var cut = EamFitter.Fit(cells, options, new RunContext
        {
            Progress = new SyncProgress(p =>
            {
                if (p.Detail is EamFitProgress { Start: 2 }) cts.Cancel();
            }),
            Cancellation = cts.Token,
        });
        Assert.Equal(LeastSquaresStopReason.Cancelled, cut.StopReason);
        Assert.True(cut.Loss <= full.Loss);
    }

    [Fact]
    public void UnlabelledStructuresAreNamed()
    {
        var cells = EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, 3, 5, 0.1, 0.03);
        cells[1] = new Structure(cells[1]) { Energy = null };
        var ex = Assert.Throws<ArgumentException>(() => EamFitter.Fit(cells, new EamFitOptions()));
        Assert.Contains("cell1", ex.Message);
    }

    [Fact]
    public void ZhouJohnsonWadleyFormRecoversItsOwnTable()
    {
        // The teacher is a setfl table of the published Ti form, written and read back as LAMMPS would.
        var published = ZhouJohnsonWadley.Published("Ti");
        var setfl = new StringWriter();
        EamFileWriter.Write(published, setfl, EamTableResolution.Suggest(published, 2000, 2000), EamFileFormat.Setfl);
        var teacher = EamFileReader.Read(new StringReader(setfl.ToString()), EamFileFormat.Setfl, "Ti.eam.alloy");
        var rng = new Random(12);
        var cells = Enumerable.Range(0, 12)
            .Select(k => EamFitTestData.Label(teacher, EamTestStructures.Hcp(["Ti"], 2.95 * (1 + 0.02 * (rng.NextDouble() - 0.5)), 4.68, 2, rng, 0.12, 0.03)))
            .ToList();
        var fit = EamFitter.Fit(cells, new EamFitOptions { Form = EamFitForm.ZhouJohnsonWadley, Cutoff = 5.5, MaxIterations = 40 });
        Assert.Equal(EamFitForm.ZhouJohnsonWadley, fit.Form);
        Assert.True(fit.EnergyRmse < 5 && fit.ForceRmse < 100, fit.ToString());
    }

    [Fact]
    public void FitsAlloys()
    {
        var teacher = ZhouJohnsonWadley.Published("Cu", "Ni");
        var cells = EamFitTestData.FccCells(teacher, ["Cu", "Ni"], 3.58, 20, 6, 0.1, 0.03);
        var fit = EamFitter.Fit(cells, new EamFitOptions { Cutoff = 5.2, PairKnots = 8, DensityKnots = 8, MaxIterations = 40 });
        Assert.Equal(2, fit.Potential.ElementCount);
        Assert.Equal(2, fit.ReferenceEnergies.Count);
        Assert.True(fit.EnergyRmse < 5 && fit.ForceRmse < 60, fit.ToString());
    }
}
