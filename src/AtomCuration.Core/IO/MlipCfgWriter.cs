using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes MLIP <c>.cfg</c> configurations (see <see cref="MlipCfgFormat"/> for the format and the stress sign).
/// Types are numbered from 0 in the order elements first appear in the file, so every configuration of a
/// file uses one numbering; each configuration lists it in its <c>Feature atom_types</c> line. Info entries
/// with a single-line text or number value become further <c>Feature</c> lines (config_type and the like).
/// </summary>
public sealed class MlipCfgWriter : IStructureWriter
{
    private readonly List<int> _typeOrder = [];

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.MlipCfg;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => true;

    /// <summary>A writer with its own type numbering for one file.</summary>
    public IStructureWriter ForFile() => new MlipCfgWriter();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The structure is periodic along a later axis but not an earlier one (MLIP lists periodic vectors first).</exception>
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        var pbc = structure.Pbc;
        if ((pbc.C && !pbc.B) || (pbc.B && !pbc.A))
            throw new ArgumentException($"{structure.Id}: periodic along {pbc}; MLIP's Supercell lists the periodic vectors first (T T F, not F T T).");
        foreach (int z in structure.AtomicNumbers)
            if (!_typeOrder.Contains(z)) _typeOrder.Add(z);
        var inv = CultureInfo.InvariantCulture;
        text.Write("BEGIN_CFG\n Size\n    ");
        text.Write(structure.AtomCount.ToString(inv));
        text.Write('\n');
        int periodic = pbc.C ? 3 : pbc.B ? 2 : pbc.A ? 1 : 0;
        if (periodic > 0)
        {
            text.Write(" Supercell\n");
            for (int k = 0; k < periodic; k++)
            {
                text.Write("   ");
                WriteVec(text, structure.Cell[k]);
                text.Write('\n');
            }
        }
        var forces = structure.Forces;
        text.Write(forces is null
            ? " AtomData:  id type       cartes_x      cartes_y      cartes_z\n"
            : " AtomData:  id type       cartes_x      cartes_y      cartes_z           fx          fy          fz\n");
        for (int i = 0; i < structure.AtomCount; i++)
        {
            text.Write("    ");
            text.Write((i + 1).ToString(inv));
            text.Write(' ');
            text.Write(_typeOrder.IndexOf(structure.AtomicNumbers[i]).ToString(inv));
            WriteVec(text, structure.Positions[i]);
            if (forces is { } f) WriteVec(text, f[i]);
            text.Write('\n');
        }
        if (structure.Energy is { } e)
        {
            text.Write(" Energy\n    ");
            text.Write(FastNumberParser.FormatReal(e));
            text.Write('\n');
        }
        if (structure.Stress is { } s && periodic == 3)
        {
            double volume = structure.Cell.Volume;
            text.Write(" PlusStress:  xx          yy          zz          yz          xz          xy\n   ");
            foreach (double c in new[] { s.Xx, s.Yy, s.Zz, s.Yz, s.Xz, s.Xy })
            {
                text.Write(' ');
                double virial = -c * volume;
                text.Write(FastNumberParser.FormatReal(virial == 0 ? 0 : virial)); // no "-0" 
            }
            text.Write('\n');
        }
        text.Write(" Feature   ");
        text.Write(MlipCfgFormat.AtomTypesFeature);
        foreach (int z in _typeOrder)
        {
            text.Write(' ');
            text.Write(Elements.FromZ(z).Symbol);
        }
        text.Write('\n');
        foreach (var (key, value) in structure.Info)
            if (FeatureValue(value) is { } feature && key != MlipCfgFormat.AtomTypesFeature && !key.Any(char.IsWhiteSpace))
            {
                text.Write(" Feature   ");
                text.Write(key);
                text.Write(' ');
                text.Write(feature);
                text.Write('\n');
            }
        text.Write("END_CFG\n\n");
    }

    private static string? FeatureValue(object value) => value switch
    {
        string s when s.Length > 0 && s.AsSpan().IndexOfAny('\n', '\r') < 0 => s,
        double d => FastNumberParser.FormatReal(d),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture),
        bool b => b ? "T" : "F",
        _ => null,
    };

    private static void WriteVec(TextWriter text, Vec3 v)
    {
        for (int k = 0; k < 3; k++)
        {
            text.Write(' ');
            text.Write(FastNumberParser.FormatReal(v[k]));
        }
    }
}
