using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Potentials;

/// <summary>Binary alloy fits: Finnis–Sinclair (eam/fs) densities and the Zhou–Johnson–Wadley cross-pair rule.</summary>
public class EamAlloyFitTests
{
    private static readonly string[] NiCu = ["Ni", "Cu"];

    /// <summary>c·ρ(s·r): a density scaled in size and range.</summary>
    private sealed class Scaled(IRadialFunction f, double factor, double stretch) : IRadialFunction
    {
        public double Evaluate(double r, out double derivative)
        {
            double v = f.Evaluate(stretch * r, out derivative);
            derivative *= factor * stretch;
            return factor * v;
        }
    }

    /// <summary>
    /// A teacher only eam/fs can express: the published ZJW Ni–Cu functions with host-dependent densities,
    /// ρ_{Ni←Cu}(r) = 0.6ρ_Cu(0.9r) and ρ_{Cu←Ni}(r) = 1.5ρ_Ni(1.1r) (built here; no file outside the repository).
    /// </summary>
    private static readonly Lazy<EamPotential> FsTeacher = new(() =>
    {
        var alloy = ZhouJohnsonWadley.Published(NiCu);
        var density = new IRadialFunction[2, 2];
        density[0, 0] = alloy.Density(0, 0);
        density[1, 1] = alloy.Density(1, 1);
        density[0, 1] = new Scaled(alloy.Density(0, 1), 0.6, 0.9);
        density[1, 0] = new Scaled(alloy.Density(1, 0), 1.5, 1.1);
        return EamPotential.FinnisSinclair(alloy.Elements, alloy.Cutoff, [alloy.Embedding(0), alloy.Embedding(1)], density,
            [alloy.Pair(0, 0), alloy.Pair(1, 0), alloy.Pair(1, 1)]);
    });

    private static EamFitOptions SplineOptions(bool finnisSinclair) => new()
    {
        FinnisSinclair = finnisSinclair, Cutoff = 5.2, PairKnots = 8, DensityKnots = 8, MaxIterations = 40,
    };

    private static readonly Lazy<(List<Structure> Train, EamFitResult Fit)> FsFit = new(() =>
    {
        var cells = EamFitTestData.FccCells(FsTeacher.Value, NiCu, 3.58, 20, 6, 0.1, 0.03);
        return (cells, EamFitter.Fit(cells, SplineOptions(finnisSinclair: true)));
    });

    /// <summary>Energy (meV/atom) and force (meV/Å) RMSE of a potential on labelled cells.</summary>
    private static (double Energy, double Force) Errors(EamPotential potential, IEnumerable<Structure> cells)
    {
        double e2 = 0, f2 = 0;
        int ne = 0, nf = 0;
        foreach (var s in cells)
        {
            var r = EamEvaluator.Evaluate(potential, s);
            e2 += Math.Pow((r.Energy - s.Energy!.Value) / s.AtomCount, 2);
            ne++;
            for (int i = 0; i < s.AtomCount; i++) { f2 += (r.Forces[i] - s.Forces!.Value[i]).LengthSquared; nf += 3; }
        }
        return (1000 * Math.Sqrt(e2 / ne), 1000 * Math.Sqrt(f2 / nf));
    }

    [Fact]
    public void FinnisSinclairFitRecoversHostDependentDensities()
    {
        var (train, fit) = FsFit.Value;
        Assert.True(fit.Potential.IsFinnisSinclair);
        Assert.Contains("rho[Cu<-Ni][0]", fit.ParameterNames);
        var test = EamFitTestData.FccCells(FsTeacher.Value, NiCu, 3.58, 30, 16, 0.1, 0.03);
        var (e, f) = Errors(fit.Potential, test);
        Assert.True(e < 3 && f < 60, $"eam/fs fit on unseen cells: {e:F2} meV/atom, {f:F1} meV/Å ({fit})");
        // Within one host, ρ_{host←Cu}/ρ_{host←Ni} is free of the density-scaling gauge: it must follow the teacher's,
        // which differs between the hosts (an eam/alloy fit has one ratio for both).
        var p = fit.Potential;
        var t = FsTeacher.Value;
        foreach (int host in new[] { 0, 1 })
            foreach (double r in new[] { 2.45, 2.55 })
            {
                double fitted = p.Density(host, 1).Value(r) / p.Density(host, 0).Value(r);
                double teacher = t.Density(host, 1).Value(r) / t.Density(host, 0).Value(r);
                Assert.True(Math.Abs(fitted / teacher - 1) < 0.05, $"host {p.Elements[host].Symbol}, r {r} Å: ρ(Cu)/ρ(Ni) fitted {fitted:F4}, teacher {teacher:F4}");
            }
    }

    [Fact]
    public void FinnisSinclairFitWrittenAsEamFsIsReproducedByLammps() => Oracle.Frozen(() => WrittenFileMatchesLammps(FsFit.Value.Fit, FsFit.Value.Train));

    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void FinnisSinclairFitWrittenAsEamFsIsReproducedByLammps_Live() =>
        Oracle.Live("lammps", () => WrittenFileMatchesLammps(FsFit.Value.Fit, FsFit.Value.Train));

    /// <summary>The teacher is Debian lammps-data's Cu–Ni eam/alloy file (Onat and Durukanoglu 2014); live only, the file is not in the repository.</summary>
    [SkippableFact]
    [Trait("Oracle", "lammps")]
    public void FinnisSinclairFitOfDebianCuNiTeacher_Live() => Oracle.Live("lammps, lammps-data", () =>
    {
        var teacher = EamFileReader.Read(Path.Combine(Oracle.LammpsPotentials, "CuNi.eam.alloy"));
        var train = EamFitTestData.FccCells(teacher, NiCu, 3.56, 20, 21, 0.1, 0.03);
        var fit = EamFitter.Fit(train, SplineOptions(finnisSinclair: true) with { Cutoff = 5.5 });
        var (e, f) = Errors(fit.Potential, EamFitTestData.FccCells(teacher, NiCu, 3.56, 30, 22, 0.1, 0.03));
        Assert.True(e < 3 && f < 60, $"eam/fs fit of CuNi.eam.alloy on unseen cells: {e:F2} meV/atom, {f:F1} meV/Å ({fit})");
        WrittenFileMatchesLammps(fit, train);
    });

    private static void WrittenFileMatchesLammps(EamFitResult fit, List<Structure> train)
    {
        var dir = Directory.CreateTempSubdirectory("atomcuration-eamfs-");
        try
        {
            string file = Path.Combine(dir.FullName, "fit.eam.fs");
            EamFileWriter.Write(fit.Potential, file, EamTableResolution.Suggest(fit.Potential));
            var written = EamFileReader.Read(file);
            Assert.True(written.IsFinnisSinclair);
            var cells = train.Take(3).Concat(EamFitTestData.FccCells(FsTeacher.Value, NiCu, 3.58, 3, 10, 0.4, 0.03)).ToList();
            var lammps = LammpsEamOracle.Run("eam/fs", file, NiCu, cells);
            // Energies: the fitted potential in memory against LAMMPS on its table; forces: our evaluator on the same table.
            for (int k = 0; k < cells.Count; k++)
            {
                double inMemory = EamEvaluator.Evaluate(fit.Potential, cells[k]).EnergyPerAtom;
                Assert.True(Math.Abs(inMemory - lammps[k].Energy / cells[k].AtomCount) < 1e-5,
                    $"cell {k}: in memory {inMemory} vs LAMMPS on the written file {lammps[k].Energy / cells[k].AtomCount} eV/atom");
                var ours = EamEvaluator.Evaluate(written, cells[k]);
                for (int i = 0; i < cells[k].AtomCount; i++)
                {
                    var d = ours.Forces[i] - lammps[k].Forces[i];
                    Assert.True(Math.Max(Math.Abs(d.X), Math.Max(Math.Abs(d.Y), Math.Abs(d.Z))) < 1e-5,
                        $"cell {k} atom {i}: force {ours.Forces[i]} vs LAMMPS {lammps[k].Forces[i]}");
                }
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void ZhouJohnsonWadleyCrossPairRuleRecoversThePublishedAlloy()
    {
        // The published Ni–Cu potential uses the rule, so the rule-constrained fit can reach it with fewer parameters.
        var teacher = ZhouJohnsonWadley.Published(NiCu);
        var train = EamFitTestData.FccCells(teacher, NiCu, 3.58, 16, 31, 0.1, 0.03);
        var options = new EamFitOptions { Form = EamFitForm.ZhouJohnsonWadley, CrossPair = EamCrossPair.ZhouJohnsonWadley, Cutoff = 5.2, MaxIterations = 40 };
        var fit = EamFitter.Fit(train, options);
        Assert.DoesNotContain(fit.ParameterNames, n => n.StartsWith("phi[Cu-Ni]", StringComparison.Ordinal));
        var free = EamFitter.Fit(train, options with { CrossPair = EamCrossPair.Fitted, MaxIterations = 0 });
        Assert.True(fit.Parameters.Count < free.Parameters.Count);
        // The emitted cross pair is the rule applied to the emitted own pairs and densities.
        var p = fit.Potential;
        var rule = new ZjwCrossPair(p.Pair(0, 0), p.Pair(1, 1), p.Density(0, 0), p.Density(1, 1));
        foreach (double r in new[] { 2.7, 3.0, 3.6, 4.5 }) Assert.Equal(rule.Value(r), p.Pair(1, 0).Value(r), 10);
        var (e, f) = Errors(p, EamFitTestData.FccCells(teacher, NiCu, 3.58, 30, 32, 0.1, 0.03));
        Assert.True(e < 3 && f < 60, $"rule-constrained fit on unseen cells: {e:F2} meV/atom, {f:F1} meV/Å ({fit})");
    }

    [Theory]
    [InlineData(EamFitForm.Spline, false)]
    [InlineData(EamFitForm.ZhouJohnsonWadley, true)]
    public void CrossPairRuleNeedsPositiveElementDensities(EamFitForm form, bool finnisSinclair)
    {
        var options = new EamFitOptions { Form = form, FinnisSinclair = finnisSinclair, CrossPair = EamCrossPair.ZhouJohnsonWadley };
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(nameof(EamFitOptions.CrossPair), ex.ParamName);
    }
}
