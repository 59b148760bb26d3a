using System.Text.Json;
using AtomCuration.Structures;
using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>
/// Reads FitSNAP's JSON training files (Rohskopf et al., "FitSNAP: Atomistic machine learning with
/// LAMMPS", J. Open Source Softw. 8, 5118 (2023), doi:10.21105/joss.05118): optional <c>#</c> comment
/// lines, then <c>{"Dataset": {"Data": [{…}], "…Style": …}}</c>, each element of <c>Data</c> a frame.
/// </summary>
/// <remarks>
/// A configuration holds <c>AtomTypes</c> (element symbols), <c>Positions</c> (Å), <c>Lattice</c>
/// (rows, Å; FitSNAP's cells are periodic), <c>Energy</c> (eV), <c>Forces</c> (eV/Å) and <c>Stress</c>,
/// a 3×3 matrix in <c>StressStyle</c> units (<c>bar</c>, <c>kbar</c> or <c>kB</c>) with the pressure
/// sign — positive when compressed, as the 3.7 Å fcc Ta cell of FitSNAP's Ta example shows
/// (+1.56·10⁶ bar) — converted here to eV/Å³ with ASE's sign. Styles other than Å, eV, eV/Å and
/// chemical symbols are refused. Other keys of a configuration become Info entries (numbers,
/// strings, booleans; arrays and objects as JSON text); <c>Dataset.Label</c> becomes <c>Info["label"]</c>.
/// </remarks>
public sealed class FitSnapJsonReader : IStructureReader
{
    private static readonly string[] Known = ["AtomTypes", "Positions", "Lattice", "Energy", "Forces", "Stress", "NumAtoms"];

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.FitSnapJson;

    /// <inheritdoc />
    public int Sniff(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Contains("\"Dataset\"", StringComparison.Ordinal) && head.Contains("\"Data\"", StringComparison.Ordinal)) return 2;
        return 0; // a plain .json name is pymatgen's claim
    }

    /// <inheritdoc />
    public IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        JsonElement[] data;
        Styles styles;
        try
        {
            (data, styles) = Parse(text, source);
        }
        catch (StructureFormatException e)
        {
            return [ReadResult.Fatal(e)];
        }
        return FrameLoop.Run(source, frame => frame < data.Length ? Build(data[frame], styles, source, frame) : null);
    }

    private sealed record Styles(double StressToEvPerA3, string? Label);

    private static (JsonElement[] Data, Styles Styles) Parse(TextReader text, string? source)
    {
        string all;
        try
        {
            all = text.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.DecoderFallbackException)
        {
            throw new StructureFormatException(source, null, null, $"the file could not be read to its end ({e.Message})", e);
        }
        int start = 0;
        while (start < all.Length)
        {
            int eol = all.IndexOf('\n', start);
            string line = (eol < 0 ? all[start..] : all[start..eol]).Trim();
            if (line.Length > 0 && line[0] != '#') break;
            start = eol < 0 ? all.Length : eol + 1;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(all.AsMemory(start));
        }
        catch (JsonException e)
        {
            throw new StructureFormatException(source, e.LineNumber is { } l ? l + 1 : null, null, $"not valid JSON: {e.Message}", e);
        }
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Dataset", out var dataset) || dataset.ValueKind != JsonValueKind.Object
            || !dataset.TryGetProperty("Data", out var data) || data.ValueKind != JsonValueKind.Array)
            throw new StructureFormatException(source, null, null, "expected {\"Dataset\": {\"Data\": [ … ]}}");
        Require(dataset, "PositionsStyle", source, "angstrom");
        Require(dataset, "LatticeStyle", source, "angstrom");
        Require(dataset, "EnergyStyle", source, "electronvolt");
        Require(dataset, "ForcesStyle", source, "electronvoltperangstrom");
        Require(dataset, "AtomTypeStyle", source, "chemicalsymbol");
        string stress = dataset.TryGetProperty("StressStyle", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "bar";
        double barPer = stress.ToLowerInvariant() switch
        {
            "bar" => 1,
            "kbar" or "kb" => 1000,
            _ => throw new StructureFormatException(source, null, null, $"StressStyle '{stress}' is not bar, kbar or kB"),
        };
        string? label = dataset.TryGetProperty("Label", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        return (data.EnumerateArray().ToArray(), new Styles(-barPer / FitSnapJsonWriter.BarPerEvPerCubicAngstrom, label));
    }

    private static void Require(JsonElement dataset, string key, string? source, string expected)
    {
        if (dataset.TryGetProperty(key, out var v) && !(v.ValueKind == JsonValueKind.String && v.GetString() == expected))
            throw new StructureFormatException(source, null, null, $"{key} is {v}; only '{expected}' is read");
    }

    private static Structure Build(JsonElement c, Styles styles, string? source, int frame)
    {
        StructureFormatException Bad(string problem) => new(source, null, frame, problem);
        if (c.ValueKind != JsonValueKind.Object) throw Bad("a Data entry that is not an object");
        var types = Property(c, "AtomTypes", Bad).EnumerateArray()
            .Select(t => t.ValueKind == JsonValueKind.String && Elements.TryFromSymbol(t.GetString()!, out var e) ? e.Z
                : throw Bad($"AtomTypes holds {t}, not an element symbol")).ToArray();
        var positions = Vectors(Property(c, "Positions", Bad), "Positions", Bad);
        if (positions.Length != types.Length) throw Bad($"{types.Length} AtomTypes but {positions.Length} Positions");
        if (c.TryGetProperty("NumAtoms", out var n) && n.TryGetInt32(out int count) && count != types.Length)
            throw Bad($"NumAtoms is {count} but {types.Length} atoms are listed");
        var lattice = Vectors(Property(c, "Lattice", Bad), "Lattice", Bad);
        if (lattice.Length != 3) throw Bad($"Lattice has {lattice.Length} rows, expected 3");
        double? energy = c.TryGetProperty("Energy", out var e) ? Number(e, "Energy", Bad) : null;
        Vec3[]? forces = c.TryGetProperty("Forces", out var f) ? Vectors(f, "Forces", Bad) : null;
        if (forces is not null && forces.Length != types.Length) throw Bad($"{forces.Length} Forces for {types.Length} atoms");
        Voigt? stress = null;
        if (c.TryGetProperty("Stress", out var st))
        {
            var m = Vectors(st, "Stress", Bad);
            if (m.Length != 3) throw Bad("Stress must be a 3×3 matrix");
            double k = styles.StressToEvPerA3;
            // The symmetric part, as the Voigt form keeps it.
            stress = new Voigt(k * m[0].X, k * m[1].Y, k * m[2].Z, k * (m[1].Z + m[2].Y) / 2, k * (m[0].Z + m[2].X) / 2, k * (m[0].Y + m[1].X) / 2);
        }
        var info = new Dictionary<string, object>();
        if (styles.Label is { } label) info["label"] = label;
        foreach (var p in c.EnumerateObject())
            if (!Known.Contains(p.Name)) info[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Number => p.Value.TryGetInt64(out long i) ? i : p.Value.GetDouble(),
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => p.Value.GetRawText(),
            };
        return new Structure(Structure.Own(types), Structure.Own(positions), new Cell(lattice[0], lattice[1], lattice[2]), Pbc.All)
        {
            Energy = energy,
            Forces = forces is null ? null : Structure.Own(forces),
            Stress = stress,
            Info = info,
        };
    }

    private static JsonElement Property(JsonElement c, string name, Func<string, StructureFormatException> bad) =>
        c.TryGetProperty(name, out var v) ? v : throw bad($"the configuration has no {name}");

    private static double Number(JsonElement v, string what, Func<string, StructureFormatException> bad) =>
        v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && double.IsFinite(d) ? d : throw bad($"{what} holds {v}, not a finite number");

    private static Vec3[] Vectors(JsonElement array, string what, Func<string, StructureFormatException> bad)
    {
        if (array.ValueKind != JsonValueKind.Array) throw bad($"{what} is not a list of 3-vectors");
        return array.EnumerateArray().Select(row =>
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 3) throw bad($"{what} holds {row}, not a 3-vector");
            return new Vec3(Number(row[0], what, bad), Number(row[1], what, bad), Number(row[2], what, bad));
        }).ToArray();
    }
}
