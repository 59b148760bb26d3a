using System.Text.Json;
using AtomCuration.ActiveLearning;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Recipes;
using AtomCuration.Selection;
using AtomCuration.Structures;
using AtomCuration.Tests.Studies;

namespace AtomCuration.Tests.Recipes;

/// <summary>A recipe's <c>activeLearning</c> section: Invoke-ActiveLearning's options record, run as the cmdlet runs it.</summary>
public class ActiveLearningRecipeTests
{
    [Fact]
    public void TheSectionBindsTheCmdletsRecordRunsLikeTheCmdletAndReproducesFromProvenance()
    {
        string root = Directory.CreateTempSubdirectory("atomcuration-al-recipe-").FullName;
        try
        {
            using (var writer = StructureFileWriter.Open(Path.Combine(root, "pool.extxyz")))
            {
                foreach (var s in StudyTestData.Pool(24, 5)) writer.Write(new Structure(s) { Descriptor = null });
                writer.Complete();
            }
            var options = new ActiveLearningOptions
            {
                TargetEnergyRmse = 1e-6, Fraction = 0.2, Partition = SelectionMethod.KMeans, Clusters = 3, MaxIterations = 2, Seed = 7,
                Fit = StudyTestData.Fit, StatePath = "state.json",
            };
            // JSON is YAML: the section is the record written out as plain data, every key included.
            var document = new Dictionary<string, object?>
            {
                ["pool"] = "pool.extxyz",
                ["descriptor"] = new Dictionary<string, object?> { ["kind"] = new[] { "Rdf" }, ["parameters"] = new Dictionary<string, object?> { ["cutoff"] = 4.0, ["spacing"] = 0.5, ["partial"] = false } },
                ["activeLearning"] = OptionsBinder.ToPlain(options),
                ["output"] = "out",
            };
            File.WriteAllText(Path.Combine(root, "recipe.yml"), JsonSerializer.Serialize(document));
            var recipe = RecipeFile.Load(Path.Combine(root, "recipe.yml"));
            Assert.Equal(JsonSerializer.Serialize(OptionsBinder.ToPlain(options with { StatePath = Path.Combine(root, "state.json") })),
                JsonSerializer.Serialize(OptionsBinder.ToPlain(recipe.ActiveLearning!)));

            var report = RecipeRunner.Run(recipe, new StringWriter(), new RunContext { ThrottleLimit = 1 });
            Assert.True(File.Exists(Path.Combine(root, "state.json")));
            var direct = ActiveLearner.Run(report.Pool, recipe.ActiveLearning! with { StatePath = null }, new RunContext { ThrottleLimit = 1 });
            Assert.Equal(ActiveLearningStopReason.MaxIterations, report.ActiveLearning!.StopReason);
            Assert.Equal(direct.Iterations.Select(i => i.TestEnergyRmse), report.ActiveLearning.Iterations.Select(i => i.TestEnergyRmse));
            Assert.Equal(direct.TrainingSet.Select(s => s.Id), report.Training.Select(s => s.Id));
            Assert.Equal(direct.Fit.Parameters, report.Fit!.Parameters);

            // Again from the provenance file, without the state file, into another folder: the same potential, bit for bit.
            var again = RecipeFile.Load(report.ProvenancePath!);
            again = again with { Output = Path.Combine(root, "again"), ActiveLearning = again.ActiveLearning! with { StatePath = null } };
            RecipeRunner.Run(again, new StringWriter(), new RunContext { ThrottleLimit = 2 });
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "out", "potential.eam.alloy")), File.ReadAllBytes(Path.Combine(root, "again", "potential.eam.alloy")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, "out", "training.extxyz")), File.ReadAllBytes(Path.Combine(root, "again", "training.extxyz")));

            var searched = RecipeFile.Parse("pool: a.xyz\nactiveLearning: { seed: 1, fit: { cutoff: 4.5 }, search: { budget: 5, method: random } }", root).ActiveLearning!;
            Assert.Equal((4.5, 5, AtomCuration.Potentials.Eam.EamSearchMethod.Random), (searched.Fit.Cutoff, searched.Search!.Budget, searched.Search.Method));
            var both = Assert.Throws<RecipeException>(() => RecipeFile.Parse("pool: a.xyz\nfit: { cutoff: 5 }\nactiveLearning: { seed: 1 }", root));
            Assert.Contains("instead of select, fit and search", both.Message);
            var unknown = Assert.Throws<RecipeException>(() => RecipeFile.Parse("pool: a.xyz\nactiveLearning: { fractoin: 0.2 }", root));
            Assert.Contains("activeLearning: unknown key 'fractoin'; valid keys: targetEnergyRmse, targetForceRmse, fraction", unknown.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
