using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads extended XYZ in ASE 3.22's dialect, and plain XYZ. Frames stream one at a time; a
/// bad frame is yielded as <see cref="ReadResult.Skipped"/> and reading resumes at the next
/// atom-count line. See <see cref="ExtXyzHeader"/> for how the comment line maps onto a
/// <c>Structure</c> and <see cref="ExtXyzColumns"/> for the per-atom columns.
/// </summary>
public sealed class ExtXyzReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.ExtXyz;

    /// <summary>
    /// 2 when the text starts with an atom count followed by a comment line carrying
    /// <c>Properties=</c> or <c>Lattice=</c>, or by an atom line (symbol and three numbers);
    /// otherwise 1 for names ending in <c>.xyz</c> or <c>.extxyz</c>.
    /// </summary>
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(head);
        var lines = head.Split('\n', 4);
        if (lines.Length >= 3 && long.TryParse(lines[0].Trim(), out long n) && n > 0)
        {
            if (lines[1].Contains("Properties=", StringComparison.Ordinal) || lines[1].Contains("Lattice=", StringComparison.Ordinal))
                return 2;
            var atom = lines[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (atom.Length >= 4 && AtomCuration.Structures.Elements.IsSymbol(atom[0])
                && atom.Skip(1).Take(3).All(t => FastNumberParser.TryParseDouble(t, out _)))
                return 2;
        }
        return IsExtXyzName(fileName) ? 1 : 0;
    }

    /// <summary>True for names ending in .xyz or .extxyz (any case).</summary>
    internal static bool IsExtXyzName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".xyz" or ".extxyz";

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FrameLoop.Run(source, new ExtXyzFrameParser(text, source).Next);
    }
}
