using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Recipes;

namespace AtomCuration.Cli;

/// <summary>
/// The command-line host for machines without PowerShell: <c>atomcuration run recipe.yml</c>
/// runs a curation recipe exactly as Invoke-CurationRecipe would (a provenance.json of an earlier
/// run is a recipe too). All logic is in Core.
/// </summary>
public static class Program
{
    /// <summary>Entry point: <c>run RECIPE [--threads N] [--output DIR]</c>.</summary>
    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "run" || args.Length % 2 != 0)
            return Usage();
        int threads = Environment.ProcessorCount;
        string? output = null;
        for (int i = 2; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--threads" when int.TryParse(args[i + 1], out int t) && t is >= 1 and <= 1024:
                    threads = t;
                    break;
                case "--output":
                    output = Path.GetFullPath(args[i + 1]);
                    break;
                default:
                    return Usage();
            }
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            var recipe = RecipeFile.Load(args[1]);
            if (output is not null) recipe = recipe with { Output = output };
            Console.WriteLine($"# {recipe.Name}");
            RecipeRunner.Run(recipe, Console.Out, new RunContext { Cancellation = cancel.Token, ThrottleLimit = threads });
            return 0;
        }
        catch (Exception e) when (e is RecipeException or StructureFormatException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: atomcuration run RECIPE.yml|provenance.json [--threads N] [--output DIR]");
        return 2;
    }
}
