using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads a LAMMPS data file (one structure) in the <c>atomic</c> (<c>id type x y z</c>) or
/// <c>charge</c> (<c>id type q x y z</c>) atom style, each optionally followed by three image
/// flags. The style is taken from the <c>Atoms # style</c> comment, or else from the column count.
/// Species: <see cref="ReadOptions.TypeMap"/> when given, otherwise the element whose standard
/// mass is nearest to the type's entry in <c>Masses</c> (within 0.5 amu and unambiguous).
/// </summary>
/// <remarks>
/// The box is <c>xlo xhi</c>, <c>ylo yhi</c>, <c>zlo zhi</c> and the optional tilts
/// <c>xy xz yz</c>; the cell rows are (xhi−xlo, 0, 0), (xy, yhi−ylo, 0), (xz, yz, zhi−zlo) and
/// positions are kept as written (absolute coordinates). The file has no boundary information,
/// so the structure is periodic along all three axes. Atoms are sorted by id. Charges become the
/// per-atom property <c>initial_charges</c> and image flags <c>travel</c> (ASE's names);
/// velocities, bonds and other sections are skipped.
/// </remarks>
public sealed class LammpsDataReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.LammpsData;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Contains(" atoms", StringComparison.Ordinal) && head.Contains("xlo xhi", StringComparison.Ordinal)) return 2;
        string name = fileName ?? "";
        return name.EndsWith(".data", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("input.data", StringComparison.OrdinalIgnoreCase) ||
               name.EndsWith(".lmp", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return FrameLoop.Single(source, () => Parse(new LineSource(text, source), options.TypeMap));
    }

    private sealed record AtomRow(long Id, int Type, double Charge, Vec3 Position, (int, int, int)? Image);

    private static string HeaderKeyword(ReadOnlySpan<char> line)
    {
        var words = new List<string>(3);
        while (Tokens.Next(ref line, out var t))
            if (words.Count > 0 || !FastNumberParser.TryParseDouble(t, out _)) words.Add(t.ToString());
        return string.Join(' ', words);
    }

    private static Structure Parse(LineSource lines, IReadOnlyDictionary<int, string>? typeMap)
    {
        lines.Require("the title line", 0);
        long atoms = -1, types = -1;
        Span<double> box = [0, 0, 0, 0, 0, 0, 0, 0, 0];
        bool haveX = false, haveY = false, haveZ = false;
        string? section = null;
        while (lines.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (line.IsWhiteSpace()) continue;
            if (!StartsWithNumber(line)) { section = raw; break; }
            var rest = line;
            // The keyword is whatever follows the numbers, compared word by word (tabs or several spaces between words are fine).
            switch (HeaderKeyword(line))
            {
                case "atom types": types = Count(ref rest, lines, "atom types"); break;
                case "atoms": atoms = Count(ref rest, lines, "atoms"); break;
                case "xlo xhi": Tokens.Doubles(ref rest, box[0..2], lines, 0, "xlo xhi"); haveX = true; break;
                case "ylo yhi": Tokens.Doubles(ref rest, box[2..4], lines, 0, "ylo yhi"); haveY = true; break;
                case "zlo zhi": Tokens.Doubles(ref rest, box[4..6], lines, 0, "zlo zhi"); haveZ = true; break;
                case "xy xz yz": Tokens.Doubles(ref rest, box[6..9], lines, 0, "xy xz yz"); break;
            }
            // other header counts (bonds, angles, extra …) do not matter here
        }
        if (atoms < 1) throw lines.Error("the header has no positive 'atoms' count", 0);
        if (!haveX || !haveY || !haveZ) throw lines.Error("the header lacks one of 'xlo xhi', 'ylo yhi', 'zlo zhi'", 0);

        var masses = new Dictionary<int, double>();
        List<AtomRow>? rows = null;
        while (section is not null)
        {
            string keyword = StripComment(section).Trim().ToString();
            string? next;
            if (keyword == "Masses") next = ReadMasses(lines, masses);
            else if (keyword == "Atoms") next = ReadAtoms(lines, section, atoms, out rows);
            else next = SkipSection(lines);
            section = next;
        }
        if (rows is null) throw lines.Error("no Atoms section", 0);

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        var numbers = new int[rows.Count];
        var zOfType = new Dictionary<int, int>();
        for (int i = 0; i < rows.Count; i++)
        {
            int t = rows[i].Type;
            if (types > 0 && (t < 1 || t > types)) throw lines.Error($"atom {rows[i].Id} has type {t}, outside 1…{types}", 0);
            if (!zOfType.TryGetValue(t, out int z)) zOfType[t] = z = ZOfType(t, typeMap, masses, lines);
            numbers[i] = z;
        }
        var cell = new Cell(new Vec3(box[1] - box[0], 0, 0), new Vec3(box[6], box[3] - box[2], 0), new Vec3(box[7], box[8], box[5] - box[4]));
        var properties = new List<AtomProperty>();
        if (rows.Any(r => !double.IsNaN(r.Charge)))
            properties.Add(new AtomProperty("initial_charges", AtomPropertyType.Real, 1, rows.Select(r => r.Charge).ToArray()));
        if (rows.All(r => r.Image is not null))
            properties.Add(new AtomProperty("travel", AtomPropertyType.Integer, 3,
                rows.SelectMany(r => new long[] { r.Image!.Value.Item1, r.Image.Value.Item2, r.Image.Value.Item3 }).ToArray()));
        return new Structure(Structure.Own(numbers), Structure.Own(rows.Select(r => r.Position).ToArray()), cell, Pbc.All)
        {
            AtomProperties = properties,
        };
    }

    private static int ZOfType(int type, IReadOnlyDictionary<int, string>? typeMap, Dictionary<int, double> masses, LineSource lines)
    {
        if (typeMap is not null)
            return SpeciesNames.FromTypeMap(typeMap, type, out int z) is { } problem ? throw lines.Error(problem, 0) : z;
        if (!masses.TryGetValue(type, out double mass))
            throw lines.Error($"no type map and no mass for atom type {type}: the element is unknown", 0);
        return (SpeciesNames.FromMass(mass)
            ?? throw lines.Error($"the mass {mass} of atom type {type} matches no element unambiguously; give a type map", 0)).Z;
    }

    private static string? ReadMasses(LineSource lines, Dictionary<int, double> masses)
    {
        Span<double> m = stackalloc double[1];
        while (lines.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (line.IsWhiteSpace()) continue;
            if (!StartsWithNumber(line)) return raw;
            Tokens.Next(ref line, out var t);
            int type = (int)Math.Clamp(Tokens.Long(t, lines, 0, "an atom type"), 0, int.MaxValue);
            Tokens.Doubles(ref line, m, lines, 0, "a mass");
            if (m[0] <= 0) throw lines.Error($"mass {m[0]} of type {type} is not positive", 0);
            masses[type] = m[0];
        }
        return null;
    }

    private static string? ReadAtoms(LineSource lines, string header, long count, out List<AtomRow> rows)
    {
        int hash = header.IndexOf('#');
        string? style = hash < 0 ? null : header[(hash + 1)..].Trim();
        if (style is not (null or "" or "atomic" or "charge"))
            throw lines.Error($"atom style '{style}' is not supported (atomic or charge)", 0);
        rows = new List<AtomRow>((int)Math.Min(count, 1 << 20));
        Span<double> v = stackalloc double[4];
        Span<long> n = stackalloc long[3];
        string? next = null;
        while (lines.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (line.IsWhiteSpace()) continue;
            if (!StartsWithNumber(line)) { next = raw; break; }
            int columns = Tokens.Count(line);
            bool charge = style switch
            {
                "charge" => true,
                "atomic" => false,
                _ => columns is 6 or 9 ? true : columns is 5 or 8 ? false
                    : throw lines.Error($"{columns} columns: expected 5 or 8 (atomic) or 6 or 9 (charge)", 0),
            };
            int expected = charge ? 6 : 5;
            if (columns != expected && columns != expected + 3)
                throw lines.Error($"{columns} columns in an Atoms line of style {(charge ? "charge" : "atomic")}: expected {expected} or {expected + 3}", 0);
            Tokens.Next(ref line, out var t);
            long id = Tokens.Long(t, lines, 0, "the atom id");
            Tokens.Next(ref line, out t);
            int type = (int)Math.Clamp(Tokens.Long(t, lines, 0, "the atom type"), int.MinValue, int.MaxValue);
            Tokens.Doubles(ref line, v[..(charge ? 4 : 3)], lines, 0, "charge and position");
            double q = charge ? v[0] : double.NaN;
            int o = charge ? 1 : 0;
            (int, int, int)? image = null;
            if (columns == expected + 3)
            {
                for (int k = 0; k < 3; k++)
                {
                    Tokens.Next(ref line, out t);
                    n[k] = Math.Clamp(Tokens.Long(t, lines, 0, "an image flag"), int.MinValue, int.MaxValue);
                }
                image = ((int)n[0], (int)n[1], (int)n[2]);
            }
            rows.Add(new AtomRow(id, type, q, new Vec3(v[o], v[o + 1], v[o + 2]), image));
        }
        if (rows.Count != count) throw lines.Error($"{rows.Count} atoms in the Atoms section, the header says {count}", 0);
        return next;
    }

    // Skips a section's numeric lines; returns the next keyword line or null at the end.
    private static string? SkipSection(LineSource lines)
    {
        while (lines.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (!line.IsWhiteSpace() && !StartsWithNumber(line)) return raw;
        }
        return null;
    }

    private static long Count(ref ReadOnlySpan<char> rest, LineSource lines, string what)
    {
        Tokens.Next(ref rest, out var t);
        long n = Tokens.Long(t, lines, 0, what);
        return n >= 0 ? n : throw lines.Error($"negative count of {what}", 0);
    }

    private static ReadOnlySpan<char> StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash < 0 ? line.AsSpan() : line.AsSpan(0, hash)).TrimEnd();
    }

    private static bool StartsWithNumber(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        return line.Length > 0 && (char.IsAsciiDigit(line[0]) || line[0] is '-' or '+' or '.');
    }
}
