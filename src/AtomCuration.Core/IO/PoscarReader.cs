using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads a VASP POSCAR/CONTCAR: comment, scale (negative = target volume in Å³, or three
/// per-axis factors), lattice rows, the VASP 5 species line (suffixes such as <c>_pv</c> or
/// <c>/hash</c> dropped) or, for VASP 4 files, <see cref="ReadOptions.Species"/> (else the
/// comment line when it lists the species, as ASE does), counts, optional
/// <c>Selective dynamics</c> (flags kept as the logical property <c>selective_dynamics</c>,
/// T = free), Direct or Cartesian coordinates. Velocities and anything after the positions
/// are ignored. The comment is kept as Info["comment"]; the cell is periodic in all directions.
/// </summary>
public sealed class PoscarReader : IStructureReader
{
    /// <summary>Name of the per-atom logical property holding selective-dynamics flags (3 per atom).</summary>
    public const string SelectiveDynamicsProperty = "selective_dynamics";

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.Poscar;

    /// <summary>1 for POSCAR*/CONTCAR*/*.vasp/*.poscar names; 2 when line 2 is one number and lines 3–5 three numbers each.</summary>
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(head);
        var lines = head.Split('\n');
        if (lines.Length >= 6 && Numbers(lines[1]) is 1 or 3 && Enumerable.Range(2, 3).All(i => Numbers(lines[i]) == 3))
            return 2;
        return IsPoscarName(fileName) ? 1 : 0;
    }

    /// <summary>True for POSCAR*, CONTCAR* (any case) and names ending in .vasp or .poscar.</summary>
    internal static bool IsPoscarName(string fileName)
    {
        string ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext is ".vasp" or ".poscar" || fileName.StartsWith("POSCAR", StringComparison.OrdinalIgnoreCase)
                                           || fileName.StartsWith("CONTCAR", StringComparison.OrdinalIgnoreCase);
    }

    private static int Numbers(string line)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return tokens.All(t => FastNumberParser.TryParseDouble(t, out _)) ? tokens.Length : -1;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return FrameLoop.Single(source, () => new PoscarParser(new LineSource(text, source), source, options).Parse());
    }
}
