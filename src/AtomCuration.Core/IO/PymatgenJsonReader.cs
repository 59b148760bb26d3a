using System.Text;
using System.Text.Json;
using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads the pymatgen / mlearn training-data JSON: a list of
/// <c>{"structure": pymatgen Structure dict, "outputs": {"energy", "forces", "virial_stress"}, …}</c>.
/// The list is streamed: one element's text is cut out by a small bracket scanner and parsed
/// with <see cref="JsonDocument"/>, so at most one element is held in memory, and a damaged
/// element is skipped without losing the ones after it.
/// </summary>
/// <remarks>
/// Structure: <c>lattice.matrix</c> (rows, Å), <c>lattice.pbc</c> when present (else periodic),
/// sites with one fully occupied species each and fractional <c>abc</c> (what pymatgen's
/// <c>Structure.from_dict</c> uses) or, failing that, Cartesian <c>xyz</c>.
/// Labels: <c>energy</c> (eV, total), <c>forces</c> (eV/Å), and <c>virial_stress</c> in kB in
/// VASP's order xx yy zz xy yz zx and VASP's sign (positive = compressive). The sign is checked
/// against the mlearn data itself: in mlearn's Mo set, the elastic cell stretched along x has
/// a negative xx value and the one compressed along z a positive zz value, i.e. the values are
/// VASP's "in kB" pressures; they are converted to eV/Å³ with ASE's sign (σ = −0.1·GPa·p).
/// Every other key of an element goes to <see cref="Structure.Info"/> (numbers, strings, booleans
/// as such, arrays and objects as JSON text); mlearn's <c>group</c> is also copied to
/// <c>config_type</c> when the element has none, since that is what it means.
/// </remarks>
public sealed class PymatgenJsonReader : IStructureReader
{
    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.PymatgenJson;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('[') && head.Contains("\"structure\"", StringComparison.Ordinal))
            return 2;
        return (fileName ?? "").EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var scanner = new ElementScanner(text, source);
        bool labelled = false;
        return FrameLoop.Run(source, frame =>
        {
            if (scanner.NextElement(frame) is not { } element) return null;
            Structure structure;
            try
            {
                using var doc = JsonDocument.Parse(element.Text);
                structure = Convert(doc.RootElement);
            }
            catch (JsonException e)
            {
                throw new StructureFormatException(source, element.Line + (e.LineNumber ?? 0), frame, $"invalid JSON: {e.Message}", e);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new StructureFormatException(source, element.Line, frame, e.Message, e);
            }
            bool hasLabels = structure.Energy is not null || structure.Forces is not null;
            if (labelled && !hasLabels)
                context.Warn($"{source ?? "JSON"}, line {element.Line}, frame {frame}: no \"outputs\" (energy, forces) although the structures before it have them; it is read unlabelled");
            labelled |= hasLabels;
            return structure;
        });
    }

    private static Structure Convert(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("a list element is not a JSON object");
        var structure = Child(root, "structure", JsonValueKind.Object);
        var lattice = Child(structure, "lattice", JsonValueKind.Object);
        var m = Matrix(Child(lattice, "matrix", JsonValueKind.Array), 3, "lattice.matrix");
        var cell = new Cell(m[0], m[1], m[2]);
        var pbc = Pbc.All;
        if (lattice.TryGetProperty("pbc", out var p) && p.ValueKind == JsonValueKind.Array)
        {
            var flags = p.EnumerateArray().Select(x => x.GetBoolean()).ToArray();
            if (flags.Length != 3) throw new FormatException("lattice.pbc needs three booleans");
            pbc = new Pbc(flags[0], flags[1], flags[2]);
        }
        var sites = Child(structure, "sites", JsonValueKind.Array);
        int n = sites.GetArrayLength();
        if (n == 0) throw new FormatException("a structure with no sites");
        var numbers = new int[n];
        var positions = new Vec3[n];
        int i = 0;
        foreach (var site in sites.EnumerateArray())
        {
            numbers[i] = SiteElement(site, i);
            positions[i] = site.TryGetProperty("abc", out var abc) ? cell.ToCartesian(Vector(abc, "abc of site", i))
                : Vector(Child(site, "xyz", JsonValueKind.Array), "xyz of site", i);
            i++;
        }
        double? energy = null;
        Vec3[]? forces = null;
        Voigt? stress = null;
        if (LabelKey(root, "outputs", "the energy, forces and stress") is { } outputs)
        {
            if (outputs.ValueKind != JsonValueKind.Object) throw new FormatException($"\"outputs\" should be an object of energy, forces and virial_stress but is a {outputs.ValueKind}");
            if (LabelKey(outputs, "energy", "the energy") is { } e && e.ValueKind != JsonValueKind.Null) energy = Finite(e, "outputs.energy");
            if (LabelKey(outputs, "forces", "the forces") is { } f && f.ValueKind != JsonValueKind.Null) forces = Matrix(f, n, "outputs.forces");
            if (outputs.TryGetProperty("virial_stress", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 6)
                    throw new FormatException("outputs.virial_stress needs 6 numbers (xx yy zz xy yz zx, kB)");
                var s = v.EnumerateArray().Select((x, k) => Finite(x, "outputs.virial_stress", k)).ToArray();
                stress = KiloBar.ToStress(s[0], s[1], s[2], s[4], s[5], s[3]);
            }
        }
        return new Structure(Structure.Own(numbers), Structure.Own(positions), cell, pbc)
        {
            Energy = energy,
            Forces = forces is null ? null : Structure.Own(forces),
            Stress = stress,
            Info = Info(root),
        };
    }

    /// <summary>
    /// The value of a label key, or null when it is absent. A key that is absent but nearly present — another case, or
    /// one or two characters off ("outptus", "energ") — is a damaged key, not an unlabelled structure: an error.
    /// </summary>
    private static JsonElement? LabelKey(JsonElement parent, string key, string what)
    {
        if (parent.TryGetProperty(key, out var value)) return value;
        foreach (var p in parent.EnumerateObject())
            if (EditDistance(p.Name.ToLowerInvariant(), key) <= 2)
                throw new FormatException($"the key \"{p.Name}\" looks like a damaged \"{key}\"; {what} of this structure would be lost");
        return null;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions), for telling a damaged key from another one.</summary>
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return 3;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static Dictionary<string, object> Info(JsonElement root)
    {
        var info = new Dictionary<string, object>();
        foreach (var prop in root.EnumerateObject())
        {
            if (prop.Name is "structure" or "outputs") continue;
            object? value = prop.Value.ValueKind switch
            {
                JsonValueKind.String => prop.Value.GetString(),
                JsonValueKind.Number => prop.Value.TryGetInt64(out long l) ? (object)l : prop.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => prop.Value.GetRawText(),
            };
            if (value is not null) info[prop.Name] = value;
        }
        if (!info.ContainsKey("config_type") && info.TryGetValue("group", out var group) && group is string g) info["config_type"] = g;
        return info;
    }

    private static int SiteElement(JsonElement site, int i)
    {
        var species = Child(site, "species", JsonValueKind.Array);
        if (species.GetArrayLength() != 1) throw new FormatException($"site {i} is disordered ({species.GetArrayLength()} species); only ordered structures can be read");
        var sp = species[0];
        string symbol = Child(sp, "element", JsonValueKind.String).GetString()!;
        if (sp.TryGetProperty("occu", out var occu) && Math.Abs(occu.GetDouble() - 1) > 1e-8)
            throw new FormatException($"site {i} has occupancy {occu.GetDouble()}; only fully occupied sites can be read");
        return Elements.TryFromSymbol(symbol, out var e) ? e.Z : throw new FormatException($"site {i}: '{symbol}' is not an element");
    }

    private static JsonElement Child(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var child)) throw new FormatException($"missing \"{name}\"");
        return child.ValueKind == kind ? child : throw new FormatException($"\"{name}\" is {child.ValueKind}, expected {kind}");
    }

    private static Vec3[] Matrix(JsonElement rows, int count, string what)
    {
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != count)
            throw new FormatException($"{what} needs {count} rows of three numbers");
        var m = new Vec3[count];
        int k = 0;
        foreach (var row in rows.EnumerateArray()) m[k] = Vector(row, what, k++);
        return m;
    }

    // "what" and "index" name the value in messages; they are combined only when something is wrong.
    private static Vec3 Vector(JsonElement v, string what, int index)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 3) throw new FormatException($"{what} {index} needs three numbers");
        return new Vec3(Finite(v[0], what, index), Finite(v[1], what, index), Finite(v[2], what, index));
    }

    private static double Finite(JsonElement x, string what, int index = -1)
    {
        if (x.ValueKind == JsonValueKind.Number && x.TryGetDouble(out double d) && double.IsFinite(d)) return d;
        string name = index < 0 ? what : $"{what} {index}";
        throw new FormatException(x.ValueKind == JsonValueKind.Number ? $"{name} is not a finite number" : $"{name}: expected a number, found {x.ValueKind}");
    }

    /// <summary>
    /// Cuts the top-level list into element texts without parsing them: tracks strings,
    /// escapes and bracket depth, so memory holds one element at a time.
    /// </summary>
    private sealed class ElementScanner(TextReader text, string? source)
    {
        // Far above any DFT structure (≈ 300 characters per site with forces); stops runaway input.
        private const int MaxElementLength = 1 << 26;

        private readonly char[] _buffer = new char[1 << 16];
        private readonly StringBuilder _element = new();
        private int _pos, _len;
        private long _line = 1;
        private bool _opened, _closed;

        public (string Text, long Line)? NextElement(int frame)
        {
            if (_closed) return null;
            int c = SkipWhitespace();
            if (!_opened)
            {
                if (c == '\uFEFF') c = SkipWhitespace(true);
                if (c != '[') throw Fatal(c < 0 ? "the file is empty" : $"expected '[' (a JSON list), found '{(char)c}'", frame);
                _opened = true;
                Take();
                c = SkipWhitespace();
                if (c == ']') return Close(frame);
            }
            else
            {
                if (c == ']') return Close(frame);
                if (c != ',') throw Fatal(c < 0 ? "the file ends inside the list (no closing ']')" : $"expected ',' or ']' between list elements, found '{(char)c}'", frame);
                Take();
                c = SkipWhitespace();
            }
            if (c < 0) throw Fatal("the file ends inside the list", frame);
            long line = _line;
            _element.Clear();
            int depth = 0, chunk = _pos;
            bool inString = false, escaped = false;
            while (true)
            {
                if (_pos == _len)
                {
                    _element.Append(_buffer, chunk, _pos - chunk);
                    if (_element.Length > MaxElementLength)
                        throw Fatal($"a list element longer than {MaxElementLength} characters (unbalanced brackets?)", frame);
                    if (Peek() < 0) throw Fatal("the file ends inside a list element", frame);
                    chunk = 0;
                }
                char ch = _buffer[_pos];
                if (!inString && depth == 0 && (ch == ',' || ch == ']')) break;
                Take();
                if (inString)
                {
                    if (escaped) escaped = false;
                    else if (ch == '\\') escaped = true;
                    else if (ch == '"') inString = false;
                }
                else if (ch == '"') inString = true;
                else if (ch is '{' or '[') depth++;
                else if (ch is '}' or ']')
                {
                    if (--depth < 0) throw Fatal($"unbalanced '{ch}'", frame);
                    if (depth == 0) break;
                }
            }
            _element.Append(_buffer, chunk, _pos - chunk);
            return (_element.ToString(), line);
        }

        // The list ends here: anything after it but whitespace (two lists concatenated, trailing junk) is an error, not ignored.
        private (string Text, long Line)? Close(int frame)
        {
            _closed = true;
            Take();
            int c = SkipWhitespace();
            if (c >= 0)
                throw Fatal($"'{(char)c}' after the closing ']' of the list: only whitespace may follow (two files concatenated?)", frame);
            return null;
        }

        private FatalReadException Fatal(string problem, int frame) => new(new StructureFormatException(source, _line, frame, problem));

        private int SkipWhitespace(bool skipCurrent = false)
        {
            if (skipCurrent) Take();
            while (Peek() is var c && c >= 0 && char.IsWhiteSpace((char)c)) Take();
            return Peek();
        }

        private int Peek()
        {
            if (_pos < _len) return _buffer[_pos];
            try
            {
                _len = text.Read(_buffer, 0, _buffer.Length);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException)
            {
                throw new FatalReadException(new StructureFormatException(source, _line, null, $"the file could not be read to its end ({e.Message})", e));
            }
            _pos = 0;
            return _len > 0 ? _buffer[0] : -1;
        }

        private void Take()
        {
            if (_buffer[_pos] == '\n') _line++;
            _pos++;
        }
    }
}
