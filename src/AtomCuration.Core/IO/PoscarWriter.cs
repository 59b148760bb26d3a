using System.Globalization;
using System.Text;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes a VASP 5 POSCAR: the comment (Info["comment"] or the formula), scale 1, the cell,
/// species and counts in runs of consecutive atoms (so the atom order is kept), Selective
/// dynamics when the structure carries <see cref="PoscarReader.SelectiveDynamicsProperty"/>,
/// and Cartesian positions in shortest round-trip form. One structure per file; the format
/// has no periodicity flags, labels or other properties, so those are not written.
/// </summary>
public sealed class PoscarWriter : IStructureWriter
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.Poscar;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => false;

    /// <summary>Writes the structure.</summary>
    /// <exception cref="ArgumentException">The structure has no full-rank cell.</exception>
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        if (!structure.Cell.IsFullRank)
            throw new ArgumentException($"{structure.Id} has no full 3D cell; POSCAR needs one.");
        string comment = structure.GetInfo("comment") is string c && c.AsSpan().IndexOfAny('\n', '\r') < 0 && c.Trim().Length > 0
            ? c.Trim() : structure.Formula;
        var sb = new StringBuilder();
        sb.Append(comment).Append('\n').Append("1.0\n");
        for (int i = 0; i < 3; i++) AppendVec(sb.Append("  "), structure.Cell[i]).Append('\n');
        var runs = new List<(int Z, int Count)>();
        foreach (int z in structure.AtomicNumbers)
        {
            if (runs.Count > 0 && runs[^1].Z == z) runs[^1] = (z, runs[^1].Count + 1);
            else runs.Add((z, 1));
        }
        sb.AppendJoin(' ', runs.Select(r => Elements.FromZ(r.Z).Symbol)).Append('\n');
        sb.AppendJoin(' ', runs.Select(r => r.Count.ToString(CultureInfo.InvariantCulture))).Append('\n');
        var flags = structure.AtomProperties.FirstOrDefault(p =>
            p.Name == PoscarReader.SelectiveDynamicsProperty && p.Type == AtomPropertyType.Logical && p.Columns == 3)?.Raw as bool[];
        if (flags is not null) sb.Append("Selective dynamics\n");
        sb.Append("Cartesian\n");
        for (int a = 0; a < structure.AtomCount; a++)
        {
            AppendVec(sb.Append("  "), structure.Positions[a]);
            if (flags is not null)
                for (int k = 0; k < 3; k++) sb.Append(' ').Append(flags[3 * a + k] ? 'T' : 'F');
            sb.Append('\n');
        }
        text.Write(sb);
    }

    private static StringBuilder AppendVec(StringBuilder sb, Vec3 v) =>
        sb.Append(FastNumberParser.FormatReal(v.X)).Append(' ').Append(FastNumberParser.FormatReal(v.Y)).Append(' ').Append(FastNumberParser.FormatReal(v.Z));
}
