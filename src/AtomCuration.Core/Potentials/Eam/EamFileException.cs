namespace AtomCuration.Potentials.Eam;

/// <summary>A malformed setfl/funcfl/eam-fs file: names the file, the line and what was expected.</summary>
public sealed class EamFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EamFileException(string path, int line, string message)
        : base($"{path}:{line}: {message}")
    {
        FilePath = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number where the problem was found.</summary>
    public int Line { get; }
}
