namespace AtomCuration.Tests.Support;

/// <summary>Locates the repository (the folder holding AtomCuration.sln) from a test assembly.</summary>
public static class RepoPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = Find();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AtomCuration.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AtomCuration.sln not found above the test assembly.");
    }
}
