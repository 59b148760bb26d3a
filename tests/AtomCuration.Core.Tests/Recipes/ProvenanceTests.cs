using System.Security.Cryptography;
using System.Text.Json;
using AtomCuration.Options;
using AtomCuration.Recipes;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Recipes;

public class ProvenanceTests
{
    [Fact]
    public void RunningAgainFromTheProvenanceFileReproducesSelectionAndPotentialBitForBit()
    {
        string root = Directory.CreateTempSubdirectory("atomcuration-provenance-").FullName;
        try
        {
            var recipe = RecipeFile.Load(RepoPaths.Combine("examples", "cu-quick.yml")) with { Output = Path.Combine(root, "first") };
            var first = RecipeRunner.Run(recipe, new StringWriter(), new RunContext { ThrottleLimit = 2 });
            Assert.NotNull(first.ProvenancePath);
            using var doc = JsonDocument.Parse(File.ReadAllText(first.ProvenancePath!));
            var p = doc.RootElement;

            // Inputs with size and hash, software, seeds, threads, timings.
            var input = p.GetProperty("inputs")[0];
            string pool = RepoPaths.Combine("examples", "data", "Cu_SNAP_sample.extxyz.gz");
            Assert.Equal(Path.GetFullPath(pool), input.GetProperty("path").GetString());
            Assert.Equal(new FileInfo(pool).Length, input.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(pool))).ToLowerInvariant(), input.GetProperty("sha256").GetString());
            var software = p.GetProperty("software");
            Assert.Equal(RunProvenance.ModuleVersion, software.GetProperty("version").GetString());
            Assert.Matches("^([0-9a-f]{40}|unknown)$", software.GetProperty("commit").GetString()!);
            Assert.StartsWith(".NET", software.GetProperty("dotnet").GetString());
            Assert.Equal(2, p.GetProperty("threads").GetInt32());
            Assert.Equal(1, p.GetProperty("seeds").GetProperty("fit").GetInt32());
            Assert.True(p.GetProperty("timingsSeconds").GetProperty("fit").GetDouble() > 0);
            // Every fit option is written out, defaults included.
            var fit = p.GetProperty("recipe").GetProperty("fit");
            foreach (var key in OptionsBinder.Bindable(typeof(AtomCuration.Potentials.Eam.EamFitOptions)).Select(o => OptionsBinder.KeyName(o.Name)))
                Assert.True(fit.TryGetProperty(key, out _) || key is "innerRadius" or "timeLimit", $"fit.{key} missing");
            Assert.Equal(1e-7, fit.GetProperty("smoothness").GetDouble());
            Assert.Equal(2, p.GetProperty("outputs").GetArrayLength());

            // Again, from the provenance file, on another thread count, into another folder.
            var again = RecipeFile.Load(first.ProvenancePath!) with { Output = Path.Combine(root, "again") };
            var second = RecipeRunner.Run(again, new StringWriter(), new RunContext { ThrottleLimit = 1 });
            Assert.Equal(first.SelectedIndices, second.SelectedIndices);
            Assert.Equal(first.Fit!.Parameters, second.Fit!.Parameters);
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "first", "potential.eam.alloy")), File.ReadAllBytes(Path.Combine(root, "again", "potential.eam.alloy")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "first", "training.extxyz")), File.ReadAllBytes(Path.Combine(root, "again", "training.extxyz")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AProvenanceFileIsARecipeWithEveryOptionResolved()
    {
        var recipe = RecipeFile.Parse("""
            pool: a.xyz
            select: { method: KMeans, count: 4, blockWeights: { "0-2": 2 } }
            fit: { cutoff: 4.5, timeLimit: "00:02:00" }
            """, "/data");
        string json = RunProvenance.ToJson(new SortedDictionary<string, object?> { ["provenance"] = 1, ["recipe"] = recipe.ToPlain(["/data/a.xyz"]) });
        var back = RecipeFile.Parse(json, "/elsewhere");
        Assert.Equal(["/data/a.xyz"], back.Pool);
        Assert.Equal(recipe.Fit, back.Fit);
        Assert.Equal(recipe.Read.Index, back.Read.Index);
        Assert.Equal(recipe.Select!.BlockWeights, back.Select!.BlockWeights);
        Assert.Equal((recipe.Select.Method, recipe.Select.Count), (back.Select.Method, back.Select.Count));
    }
}
