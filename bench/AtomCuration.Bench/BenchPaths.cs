namespace AtomCuration.Bench;

/// <summary>Where the benchmarks find the repository's own files (examples/data, bench/results).</summary>
public static class BenchPaths
{
    /// <summary>The repository root: the nearest folder above the bench binary that holds AtomCuration.sln.</summary>
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AtomCuration.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("AtomCuration.sln not found above the bench binary.");
    }
}
