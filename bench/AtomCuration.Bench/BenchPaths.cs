namespace AtomCuration.Bench;

/// <summary>
/// Where the benchmarks find their files: the repository's own (examples/data, bench/results) and the
/// project's shared DFT sets and teacher potentials, which live beside the repository (../shared/data)
/// and are never copied into it — only benchmarks read them, never tests or examples.
/// </summary>
public static class BenchPaths
{
    /// <summary>The repository root: the nearest folder above the bench binary that holds AtomCuration.sln.</summary>
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "AtomCuration.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("AtomCuration.sln not found above the bench binary.");
    }

    /// <summary>
    /// A path under the shared data folder: <c>ATOMCURATION_SHARED_DATA</c> when set, else <c>shared/data</c> beside
    /// the repository (or beside its parent, for a worktree one level deeper). Throws naming the places looked in.
    /// </summary>
    public static string SharedData(params string[] relative)
    {
        var roots = Environment.GetEnvironmentVariable("ATOMCURATION_SHARED_DATA") is { Length: > 0 } env
            ? new[] { env }
            : new[] { "..", Path.Combine("..", "..") }.Select(up => Path.GetFullPath(Path.Combine(RepoRoot(), up, "shared", "data"))).ToArray();
        foreach (var root in roots)
        {
            string path = Path.Combine(root, Path.Combine(relative));
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{Path.Combine(relative)} not found under {string.Join(" or ", roots)} (set ATOMCURATION_SHARED_DATA to the shared data folder).");
    }

    /// <summary>Zhou, Johnson and Wadley's Ti EAM (eam/alloy), the teacher of the Ti-like pools.</summary>
    public static string TiZhou04() => SharedData("eam", "Ti_Zhou04.eam.alloy");
}
