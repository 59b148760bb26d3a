using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// Reads the DScribe 2.1.1 fixtures in tests/oracles/fixtures (structures with DScribe's output, made
/// by the make_dscribe_*_fixture.py scripts beside them) and compares vectors as those tests do.
/// </summary>
internal static class DScribeFixture
{
    public static JsonDocument Load(string file)
    {
        using var stream = File.OpenRead(PythonOracle.OraclePath(Path.Combine("fixtures", file)));
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        return JsonDocument.Parse(gz);
    }

    /// <summary>The names of the cases in <paramref name="section"/>, as theory data.</summary>
    public static TheoryData<string> Names(JsonDocument fixture, string section)
    {
        var data = new TheoryData<string>();
        foreach (var c in fixture.RootElement.GetProperty(section).EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>The case called <paramref name="name"/> in <paramref name="section"/>.</summary>
    public static JsonElement Case(JsonDocument fixture, string section, string name) =>
        fixture.RootElement.GetProperty(section).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    public static Structure StructureOf(JsonElement c)
    {
        var z = c.GetProperty("numbers").EnumerateArray().Select(e => e.GetInt32()).ToImmutableArray();
        var positions = c.GetProperty("positions").EnumerateArray().Select(Vec).ToImmutableArray();
        var cell = c.GetProperty("cell").EnumerateArray().Select(Vec).ToArray();
        var pbc = c.GetProperty("pbc").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
        return new Structure(z, positions, new Cell(cell[0], cell[1], cell[2]), new Pbc(pbc[0], pbc[1], pbc[2]));
    }

    /// <summary>The numbers of a JSON array; null (DScribe's NaN, stored as null) becomes NaN.</summary>
    public static double[] Doubles(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    public static double[][] Rows(JsonElement array) => array.EnumerateArray().Select(Doubles).ToArray();

    /// <summary>
    /// Every entry within <paramref name="tolerance"/> of the vector's largest magnitude (entries span many
    /// decades, so a per-entry ratio would judge the round-off of near-zero terms); the message names the worst entry.
    /// Where DScribe gave NaN, ours must be finite and is not compared.
    /// </summary>
    public static void AssertRelativelyClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0, largest = 0;
        int worst = -1;
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(double.IsFinite(actual[k]), $"{what}: entry {k} is {actual[k]}");
            if (double.IsNaN(expected[k])) continue;
            scale = Math.Max(scale, Math.Abs(expected[k]));
            if (Math.Abs(actual[k] - expected[k]) >= largest) (largest, worst) = (Math.Abs(actual[k] - expected[k]), k);
        }
        if (worst < 0) return;
        double deviation = largest / (scale > 0 ? scale : 1);
        Assert.True(deviation <= tolerance,
            $"{what}: entry {worst} is {actual[worst]:R}, DScribe {expected[worst]:R}: {deviation:E2} of the largest entry {scale:R}");
    }

    private static Vec3 Vec(JsonElement e) => new(e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble());
}
