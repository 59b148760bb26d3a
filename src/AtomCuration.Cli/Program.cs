using AtomCuration.IO;
using AtomCuration.Recipes;

namespace AtomCuration.Cli;

/// <summary>
/// The command-line host for machines without PowerShell: <c>atomcuration run recipe.yml</c>
/// runs a curation recipe exactly as the module's cmdlets would. All logic is in Core.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != "run")
        {
            Console.Error.WriteLine("usage: atomcuration run RECIPE.yml");
            return 2;
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
            Console.WriteLine($"# {recipe.Name}");
            RecipeRunner.Run(recipe, Console.Out, cancel.Token);
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
}
