using System.Text.Json;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes one structure as a FitSNAP JSON training file (the layout <see cref="FitSnapJsonReader"/>
/// describes): a <c>#</c> comment line naming the structure, then the Dataset with one configuration,
/// stress in bar with the pressure sign. FitSNAP reads a folder of such files per group: export with a
/// folder as the path (see <see cref="StructureFolderWriter"/>) to get <c>folder/config_type/*.json</c>.
/// Info entries that are numbers, text or booleans are kept as keys of the configuration.
/// </summary>
public sealed class FitSnapJsonWriter : IStructureWriter
{
    /// <summary>1 eV/Å³ in bar (160.21766208 GPa).</summary>
    public const double BarPerEvPerCubicAngstrom = Voigt.EvPerCubicAngstromToGPa * 1e4;

    private static readonly JsonWriterOptions Options = new() { Indented = false };

    /// <inheritdoc />
    public StructureFormat Format => StructureFormat.FitSnapJson;

    /// <inheritdoc />
    public bool SupportsMultipleFrames => false;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The structure is not periodic along all three axes (FitSNAP's JSON has no such notion).</exception>
    public void Write(TextWriter text, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.Pbc != Pbc.All)
            throw new ArgumentException($"{structure.Id}: periodic along {structure.Pbc}; FitSNAP JSON configurations are periodic cells.");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("Dataset");
            json.WriteStartArray("Data");
            json.WriteStartObject();
            json.WriteNumber("NumAtoms", structure.AtomCount);
            json.WriteStartArray("AtomTypes");
            foreach (int z in structure.AtomicNumbers) json.WriteStringValue(Elements.FromZ(z).Symbol);
            json.WriteEndArray();
            WriteVectors(json, "Lattice", [structure.Cell.A, structure.Cell.B, structure.Cell.C]);
            WriteVectors(json, "Positions", structure.Positions.AsSpan());
            if (structure.Energy is { } e) json.WriteNumber("Energy", e);
            if (structure.Forces is { } f) WriteVectors(json, "Forces", f.AsSpan());
            if (structure.Stress is { } s)
            {
                double k = -BarPerEvPerCubicAngstrom;
                WriteVectors(json, "Stress", [new Vec3(k * s.Xx, k * s.Xy, k * s.Xz), new Vec3(k * s.Xy, k * s.Yy, k * s.Yz), new Vec3(k * s.Xz, k * s.Yz, k * s.Zz)]);
            }
            foreach (var (key, value) in structure.Info)
            {
                if (key is "NumAtoms" or "AtomTypes" or "Lattice" or "Positions" or "Energy" or "Forces" or "Stress" or "label") continue;
                switch (value)
                {
                    case string str: json.WriteString(key, str); break;
                    case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
                    case long l: json.WriteNumber(key, l); break;
                    case int i: json.WriteNumber(key, i); break;
                    case bool b: json.WriteBoolean(key, b); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("PositionsStyle", "angstrom");
            json.WriteString("AtomTypeStyle", "chemicalsymbol");
            json.WriteString("Label", structure.GetInfo("label") as string ?? structure.Id);
            json.WriteString("StressStyle", "bar");
            json.WriteString("LatticeStyle", "angstrom");
            json.WriteString("EnergyStyle", "electronvolt");
            json.WriteString("ForcesStyle", "electronvoltperangstrom");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        text.Write("# ");
        text.Write(structure.Id.ReplaceLineEndings(" "));
        text.Write(", written by AtomCuration\n");
        text.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        text.Write('\n');
    }

    private static void WriteVectors(Utf8JsonWriter json, string name, ReadOnlySpan<Vec3> vectors)
    {
        json.WriteStartArray(name);
        foreach (var v in vectors)
        {
            json.WriteStartArray();
            json.WriteNumberValue(v.X);
            json.WriteNumberValue(v.Y);
            json.WriteNumberValue(v.Z);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
