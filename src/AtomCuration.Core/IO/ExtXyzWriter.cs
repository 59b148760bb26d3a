using System.Globalization;
using System.Text;
using System.Text.Json;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes extended XYZ that ASE 3.22 and <see cref="ExtXyzReader"/> read back unchanged:
/// <c>Lattice</c> (omitted for a molecule without cell), <c>Properties</c> with species, pos,
/// forces and every <see cref="AtomProperty"/>, then every Info entry in order, energy,
/// stress (9 numbers) and pbc; and, so that a frame can be traced later, its origin and what the pipeline
/// attached (<see cref="TraceInfo"/>). Reals are written in shortest round-trip form, so values
/// survive bit for bit. Info strings that would read back as something else (numbers,
/// T/F, empty) and string arrays use ASE's <c>_JSON</c> form.
/// </summary>
public sealed class ExtXyzWriter : IStructureWriter
{
    private static readonly string[] ReservedKeys = ["Lattice", "Properties", "pbc", "energy", "stress"];

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.ExtXyz;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => true;

    /// <summary>Writes one frame.</summary>
    /// <exception cref="ArgumentException">An Info entry or property cannot be represented (reserved key, newline, unsupported type).</exception>
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        var line = new StringBuilder(256);
        line.Append(structure.AtomCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var cell = structure.Cell;
        if (structure.Pbc.Any || cell.A != Vec3.Zero || cell.B != Vec3.Zero || cell.C != Vec3.Zero)
            line.Append("Lattice=\"").AppendJoin(' ', cell.ToRows().Select(FormatNumber)).Append("\" ");
        line.Append("Properties=species:S:1:pos:R:3");
        if (structure.Forces is not null) line.Append(":forces:R:3");
        foreach (var p in structure.AtomProperties)
        {
            CheckPropertyName(p.Name);
            if (p.Rows != structure.AtomCount) throw new ArgumentException($"Atom property '{p.Name}' has {p.Rows} rows for {structure.AtomCount} atoms.");
            if (p.Raw is string[] strings) Array.ForEach(strings, v => CheckAtomString(p.Name, v));
            line.Append(':').Append(p.Name).Append(':').Append("RISL"[(int)p.Type]).Append(':')
                .Append(p.Columns.ToString(CultureInfo.InvariantCulture));
        }
        var attached = TraceInfo.For(structure).Where(e => !structure.Info.ContainsKey(e.Key));
        foreach (var (key, value) in structure.Info.Concat(attached))
        {
            if (ReservedKeys.Contains(key))
                throw new ArgumentException($"Info key '{key}' is reserved in extended XYZ; it is written from the structure itself.");
            bool verbatim = key.Equals("uid", StringComparison.OrdinalIgnoreCase) && value is string; // read back unconverted
            line.Append(' ').Append(Quote(key)).Append('=').Append(verbatim ? Quote((string)value) : FormatValue(key, value));
        }
        if (structure.Energy is { } e) line.Append(" energy=").Append(FastNumberParser.FormatReal(e));
        if (structure.Stress is { } s)
            line.Append(" stress=\"").AppendJoin(' ', s.ToMatrix().Select(FastNumberParser.FormatReal)).Append('"');
        line.Append(" pbc=\"").Append(structure.Pbc.ToString()).Append("\"\n");
        text.Write(line);
        WriteAtoms(text, structure);
    }

    private static string FormatNumber(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteAtoms(TextWriter text, Structure s)
    {
        Span<char> buf = stackalloc char[32];
        var forces = s.Forces;
        for (int i = 0; i < s.AtomCount; i++)
        {
            text.Write(Elements.FromZ(s.AtomicNumbers[i]).Symbol);
            WriteVec(text, s.Positions[i], buf);
            if (forces is { } f) WriteVec(text, f[i], buf);
            foreach (var p in s.AtomProperties)
                for (int k = 0; k < p.Columns; k++)
                {
                    text.Write(' ');
                    int at = i * p.Columns + k;
                    switch (p.Raw)
                    {
                        case double[] d:
                            text.Write(FastNumberParser.FormatReal(d[at]));
                            break;
                        case long[] l:
                            l[at].TryFormat(buf, out int n, default, CultureInfo.InvariantCulture);
                            text.Write(buf[..n]);
                            break;
                        case bool[] b:
                            text.Write(b[at] ? 'T' : 'F');
                            break;
                        case string[] str:
                            text.Write(str[at]);
                            break;
                    }
                }
            text.Write('\n');
        }
    }

    private static void WriteVec(TextWriter text, Vec3 v, Span<char> buf)
    {
        for (int k = 0; k < 3; k++)
        {
            text.Write(' ');
            v[k].TryFormat(buf, out int n, "R", CultureInfo.InvariantCulture);
            text.Write(buf[..n]);
        }
    }

    private static void CheckPropertyName(string name)
    {
        if (name is "species" or "pos" or "forces")
            throw new ArgumentException($"Atom property '{name}' would clash with the column of the same name.");
        if (name.Any(c => c == ':' || char.IsWhiteSpace(c) || c is '"' or '\'' or '=' or '\\'))
            throw new ArgumentException($"Atom property name '{name}' cannot be written in a Properties key.");
    }

    private static string CheckAtomString(string name, string value) =>
        value.Length == 0 || value.Any(char.IsWhiteSpace)
            ? throw new ArgumentException($"Atom property '{name}' has the value '{value}', which is empty or has whitespace.")
            : value;

    private static string FormatValue(string key, object value) => FrozenInfo.Thaw(value) switch
    {
        string s => NeedsJson(s) ? Quote("_JSON " + JsonSerializer.Serialize(s)) : Quote(s),
        bool b => b ? "T" : "F",
        double d => FastNumberParser.FormatReal(d),
        float f => FastNumberParser.FormatReal(f),
        long or int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double[] { Length: > 1 } d => Quote(string.Join(' ', d.Select(FastNumberParser.FormatReal))),
        long[] { Length: > 1 } l => Quote(string.Join(' ', l.Select(x => x.ToString(CultureInfo.InvariantCulture)))),
        bool[] { Length: > 1 } b => Quote(string.Join(' ', b.Select(x => x ? "T" : "F"))),
        // One-element and empty arrays would read back as scalars: JSON keeps them arrays.
        double[] d => Quote("_JSON [" + string.Join(", ", d.Select(FastNumberParser.FormatReal)) + "]"),
        long[] or bool[] or string[] => Quote("_JSON " + JsonSerializer.Serialize(value)),
        int[] i => FormatValue(key, i.Select(x => (long)x).ToArray()),
        _ => throw new ArgumentException($"Info '{key}' holds a {value.GetType().Name}, which extended XYZ cannot carry."),
    };

    /// <summary>True when a plain string would read back as something else (a number, T/F, JSON, nothing).</summary>
    private static bool NeedsJson(string s)
    {
        if (s.Length == 0 || s.StartsWith("_JSON", StringComparison.Ordinal)) return true;
        if (ExtXyzKeyValues.Convert(s) is not string) return true;
        // Python's float() also takes 1_000; ASE would turn such a token into a number.
        return ExtXyzKeyValues.Tokens(s).All(t => t.Contains('_') && FastNumberParser.TryParseDouble(t.Replace("_", ""), out _));
    }

    /// <summary>Quotes a key or value when it holds anything the comment-line grammar treats specially.</summary>
    private static string Quote(string s)
    {
        if (s.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new ArgumentException($"'{s}' contains a line break, which extended XYZ cannot carry.");
        bool plain = s.Length > 0 && !s.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '{' or '}' or '[' or ']' or '=' or '\\' or ',');
        if (plain) return s;
        return "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
