using AtomCuration.IO;
using AtomCuration.Recipes;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Recipes;

public class RecipeTests
{
    [Fact]
    public void ParsesEveryKeyAndResolvesPathsAgainstTheRecipe()
    {
        var r = RecipeFile.Parse("""
            name: test
            pool: [a.xyz, sub/*.extxyz.gz]
            read: { format: extxyz, index: "0:10:2", outcarEnergy: SigmaZero }
            groupBy: source
            output: out
            """, "/data");
        Assert.Equal("test", r.Name);
        Assert.Equal(["a.xyz", "sub/*.extxyz.gz"], r.Pool);
        Assert.Equal(StructureFormat.ExtXyz, r.Read.Format);
        Assert.Equal(FrameSlice.Range(0, 10, 2), r.Read.Index);
        Assert.Equal(OutcarEnergy.SigmaZero, r.Read.OutcarEnergy);
        Assert.Equal("source", r.GroupBy);
        Assert.Equal("/data/out", r.Resolve(r.Output!));
    }

    [Fact]
    public void EverySectionAcceptsWhatItsCmdletAccepts()
    {
        var r = RecipeFile.Parse("""
            pool: a.lammpstrj
            read: { typeMap: { 1: cu, 2: Ni }, species: [Cu, Ni], n2p2Units: Metal }
            select: { method: KMeans, count: 4, blockWeights: { "0-9": 1, "10-11": 4 }, components: 3 }
            fit: { innerRadius: 1.8, smoothness: 1e-6, weightKey: w, timeLimit: "00:01:30", densityKnots: 7 }
            """, "/");
        Assert.Equal("Cu", r.Read.TypeMap![1]);
        Assert.Equal(["Cu", "Ni"], r.Read.Species);
        Assert.Equal(N2p2Units.Metal, r.Read.N2p2Units);
        Assert.Equal([new AtomCuration.Selection.ColumnBlock(0, 9, 1), new AtomCuration.Selection.ColumnBlock(10, 11, 4)], r.Select!.BlockWeights);
        Assert.Equal(3, r.Select.Components);
        Assert.Equal((1.8, 1e-6, "w", TimeSpan.FromSeconds(90), 7), (r.Fit!.InnerRadius, r.Fit.Smoothness, r.Fit.WeightKey, r.Fit.TimeLimit, r.Fit.DensityKnots));
    }

    [Fact]
    public void RunsTheStudyRecipeWithTheSeedFingerprint()
    {
        var recipe = RecipeFile.Load(RepoPaths.Combine("examples", "cu-seed-kmeans.yml"));
        var report = RecipeRunner.Run(recipe, new StringWriter());
        Assert.Equal(352, report.Pool[0].Descriptor!.Value.Length);
        Assert.Equal(10, report.Training.Select(t => t.Id).Distinct().Count());
        Assert.InRange(report.PoolErrors!.Overall.EnergyRmse, 0, 5);
    }

    [Fact]
    public void ParsesTheDescriptorSelectionAndFitStages()
    {
        var r = RecipeFile.Parse("""
            pool: a.xyz
            descriptor: { preset: AverageSoap, parameters: { Soap: { rcut: 4 } } }
            select: { method: Fps, fraction: 0.25, seed: 3, standardize: true, options: { start: 2 } }
            fit: { cutoff: 4.5, pairKnots: 8, maxIterations: 5 }
            """, "/");
        Assert.Equal("AverageSoap", r.Descriptor!.Preset);
        Assert.NotNull(r.Descriptor.Parameters!["Soap"]);
        Assert.Equal(AtomCuration.Selection.SelectionMethod.Fps, r.Select!.Method);
        Assert.Equal(0.25, r.Select.Fraction);
        Assert.Equal((3, true), (r.Select.Seed, r.Select.Standardize!.Value));
        Assert.Equal("2", r.Select.Options!["start"]);
        Assert.Equal((4.5, 8, 5), (r.Fit!.Cutoff, r.Fit.PairKnots, r.Fit.MaxIterations));
    }

    [Fact]
    public void SearchesTheFitSettingsWithTheSearchSectionAndRerunsFromProvenance()
    {
        string output = Directory.CreateTempSubdirectory("atomcuration-search-").FullName;
        string yaml = $$"""
            pool: {{RepoPaths.Combine("examples", "data", "Cu_SNAP_sample.extxyz.gz")}}
            read: { index: '::3' }
            fit: { maxIterations: 8, seed: 2 }
            search: { budget: 3, method: Random, space: { cutoff: [4.2, 5.0], pairKnots: [6, 9] } }
            output: {{output}}
            """;
        var recipe = RecipeFile.Parse(yaml, "/");
        Assert.Equal((3, AtomCuration.Potentials.Eam.EamSearchMethod.Random), (recipe.Search!.Budget, recipe.Search.Method));
        Assert.Equal(["Cutoff", "PairKnots"], recipe.Search.Space!.Dimensions.Select(d => d.Name));
        var log = new StringWriter();
        var report = RecipeRunner.Run(recipe, log);
        Assert.Equal(3, report.Fit!.Search!.History.Count);
        Assert.InRange(report.Fit.Search.BestSettings["Cutoff"], 4.2, 5.0);
        Assert.Contains("search: fit 3:", log.ToString());
        // The provenance file holds the search (space included) and reruns to the same potential, bit for bit.
        var again = RecipeRunner.Run(RecipeFile.Load(Path.Combine(output, "provenance.json")) with { Output = null }, new StringWriter());
        Assert.Equal(report.Fit.Search.BestSettings, again.Fit!.Search!.BestSettings);
        Assert.Equal(report.PoolErrors!.Overall.EnergyRmse, again.PoolErrors!.Overall.EnergyRmse);
    }

    [Theory]
    [InlineData("pool: a.xyz\nsearch: { budget: 3 }", "search needs fit")]
    [InlineData("pool: a.xyz\nfit: {}\nsearch: { space: { cutof: [4, 5] } }", "Cannot search 'cutof'")]
    [InlineData("pool: a.xyz\nfit: {}\nsearch: { space: { cutoff: 4 } }", "cutoff must be a range of two numbers")]
    [InlineData("pool: a.xyz\nselect: { method: KMeans, count: 3, fraction: 0.5 }", "select.count: Give at most one of Count, Fraction, Threshold")]
    [InlineData("pool: a.xyz\nselect: { method: KMeans, count: 3, standardize: maybe }", "select.standardize: expected true or false, got 'maybe'")]
    [InlineData("pool: a.xyz\nselect: { method: KMeans, blockWeights: { a-b: 1 } }", "select.blockWeights: key 'a-b' is not a column range")]
    [InlineData("pool: a.xyz\nfit: { cutoff: -1 }", "fit.cutoff: Cutoff must be in (0, ∞); got -1")]
    [InlineData("pool: a.xyz\nfit: { innerRadius: 6 }", "fit.innerRadius: InnerRadius must be below the cutoff")]
    [InlineData("pool: a.xyz\ndescriptor: {}", "descriptor.kind: No descriptor kind given; give a kind, a preset or parameters")]
    [InlineData("pool: a.xyz\nsleect: {}", "unknown key(s) sleect")]
    [InlineData("name: x", "pool is required")]
    [InlineData("pool: a.xyz\nread: { format: cif }", "read.format: 'cif' is not one of")]
    [InlineData("pool: a.xyz\nread: { index: '1:2:0' }", "read.index")]
    [InlineData("pool: a.xyz\nread: { formt: ExtXyz }", "read: unknown key 'formt'; valid keys: format, index, typeMap")]
    [InlineData("- a\n- b", "a recipe is a mapping")]
    [InlineData("pool: [a.xyz\n", "line")]
    public void RejectsBadRecipesNamingTheKey(string yaml, string expected)
    {
        var e = Assert.Throws<RecipeException>(() => RecipeFile.Parse(yaml, "/"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RunsTheBundledRecipe()
    {
        string output = Directory.CreateTempSubdirectory("atomcuration-recipe-").FullName;
        var recipe = RecipeFile.Load(RepoPaths.Combine("examples", "cu-curation.yml")) with { Output = output };
        var log = new StringWriter();
        var report = RecipeRunner.Run(recipe, log);
        Assert.Equal(59, report.Pool.Count);
        Assert.Equal(0, report.SkippedFrames);
        var all = report.Summary.Single(g => g.Group == "all");
        Assert.Equal(6202, all.Atoms);
        Assert.Equal(8, report.Summary.Single(g => g.Group == "Vacancy").Structures);
        Assert.Contains("Vacancy", log.ToString());
        // Average SOAP + k-means picks 20 distinct structures; the spline EAM fitted on them
        // describes the whole pool within a few meV/atom.
        Assert.Equal(20, report.Training.Count);
        Assert.Equal(20, report.Training.Select(t => t.Id).Distinct().Count());
        Assert.NotNull(report.Fit);
        Assert.Equal(20, report.Fit!.Structures);
        Assert.InRange(report.PoolErrors!.Overall.EnergyRmse, 0, 5);
        Assert.InRange(report.PoolErrors!.Overall.ForceRmse!.Value, 0, 100);
        Assert.Contains("held out (39 structures not selected)", log.ToString());
        Assert.True(File.Exists(Path.Combine(output, "potential.eam.alloy")));
        Assert.Equal(20, AtomCuration.IO.StructureIO.Read(Path.Combine(output, "training.extxyz")).Count(r => r.Structure is not null));
        Directory.Delete(output, recursive: true);
    }
}
