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

    [Theory]
    [InlineData("pool: a.xyz\nsleect: {}", "unknown key(s) sleect")]
    [InlineData("name: x", "pool is required")]
    [InlineData("pool: a.xyz\nread: { format: cif }", "read.format: 'cif' is not one of")]
    [InlineData("pool: a.xyz\nread: { index: '1:2:0' }", "read.index")]
    [InlineData("pool: a.xyz\nread: { formt: ExtXyz }", "unknown key(s) read.formt")]
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
        var recipe = RecipeFile.Load(RepoPaths.Combine("examples", "cu-curation.yml"));
        var log = new StringWriter();
        var report = RecipeRunner.Run(recipe, log);
        Assert.Equal(59, report.Pool.Count);
        Assert.Equal(0, report.SkippedFrames);
        var all = report.Summary.Single(g => g.Group == "all");
        Assert.Equal(6202, all.Atoms);
        Assert.Equal(8, report.Summary.Single(g => g.Group == "Vacancy").Structures);
        Assert.Contains("Vacancy", log.ToString());
    }
}
