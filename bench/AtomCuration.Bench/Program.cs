using System.Reflection;

namespace AtomCuration.Bench;

/// <summary>
/// Benchmarks (not tests): <c>dotnet run -c Release --project bench/AtomCuration.Bench -- NAME [args]</c>.
/// Each benchmark is one <see cref="IBenchmark"/>; results go to stdout and to bench/results/.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var all = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name)
            .ToList();
        if (args.Length == 0 || all.All(b => !b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)))
        {
            Console.WriteLine("usage: AtomCuration.Bench NAME [args]");
            foreach (var b in all) Console.WriteLine($"  {b.Name,-20} {b.Description}");
            return args.Length == 0 ? 0 : 2;
        }
        var bench = all.First(b => b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        return bench.Run(args[1..]);
    }
}

/// <summary>One benchmark.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}
