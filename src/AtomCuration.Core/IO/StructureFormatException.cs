namespace AtomCuration.IO;

/// <summary>
/// A structure file is malformed. Names the file, the line (1-based) or frame (0-based)
/// where reading failed, and what was expected there.
/// </summary>
public sealed class StructureFormatException : Exception
{
    /// <summary>Creates the exception; the message is composed from the location and the problem.</summary>
    public StructureFormatException(string? file, long? line, int? frame, string problem, Exception? inner = null)
        : base(Compose(file, line, frame, problem), inner)
    {
        File = file;
        Line = line;
        Frame = frame;
        Problem = problem;
    }

    /// <summary>The file, when known.</summary>
    public string? File { get; }

    /// <summary>1-based line number, when known.</summary>
    public long? Line { get; }

    /// <summary>0-based frame index, when known.</summary>
    public int? Frame { get; }

    /// <summary>What was wrong (without the location).</summary>
    public string Problem { get; }

    private static string Compose(string? file, long? line, int? frame, string problem)
    {
        var where = new List<string>();
        if (file is not null) where.Add(file);
        if (line is not null) where.Add($"line {line}");
        if (frame is not null) where.Add($"frame {frame}");
        return where.Count == 0 ? problem : $"{string.Join(", ", where)}: {problem}";
    }
}
