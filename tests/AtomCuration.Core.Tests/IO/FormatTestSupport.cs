using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.IO;

/// <summary>Test data location, reading helpers and comparisons with ASE frames (ase_read_frames.py).</summary>
internal static class FormatTestSupport
{
    public static string DataPath(string name) =>
        Path.Combine(PythonOracle.RepoRoot, "tests", "AtomCuration.Core.Tests", "IO", "Data", name);

    public static List<ReadResult> ReadText(IStructureReader reader, string text, ReadOptions? options = null, string source = "test") =>
        reader.Read(new StringReader(text), source, options ?? new ReadOptions()).ToList();

    public static List<ReadResult> ReadFile(IStructureReader reader, string path, ReadOptions? options = null)
    {
        using var text = new StreamReader(path);
        return reader.Read(text, path, options ?? new ReadOptions()).ToList();
    }

    public static List<Structure> Ok(IEnumerable<ReadResult> results)
    {
        var list = results.ToList();
        var bad = list.FirstOrDefault(r => r.Structure is null);
        Assert.True(bad.Structure is not null || list.Count == 0 || bad.Error is null, bad.Error?.Message);
        return list.Select(r => r.Structure!).ToList();
    }

    /// <summary>One file for ASE to read: format is an ASE format name, kwargs go to ase.io.read.</summary>
    public sealed record AseRequest(string Path, string Format, object? Kwargs = null);

    /// <summary>ASE's frames for each file, read in one Python process (ASE's import is paid once).</summary>
    public static Dictionary<string, List<JsonElement>> AseFrames(params AseRequest[] requests)
    {
        using var doc = PythonOracle.Run("ase_read_frames.py",
            requests.Select(r => new { path = r.Path, format = r.Format, kwargs = r.Kwargs }).ToList());
        var results = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(requests.Length, results.Count);
        return requests.Select((r, k) => (r.Path, Frames: results[k].EnumerateArray().Select(e => e.Clone()).ToList()))
            .ToDictionary(x => x.Path, x => x.Frames);
    }

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static double[] Flat(JsonElement e) =>
        e.EnumerateArray().SelectMany(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().Select(x => x.GetDouble()) : [r.GetDouble()]).ToArray();

    public static double[] Flat(IEnumerable<Vec3> v) => v.SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray();

    public static double[] Flat(Voigt s) => [s.Xx, s.Yy, s.Zz, s.Yz, s.Xz, s.Xy];

    public static void Close(double[] expected, double[] actual, double tol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} values expected, {actual.Length} found");
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tol})");
    }

    /// <summary>Compares species, cell, pbc, positions, forces and stress of one frame with ASE's.</summary>
    public static void SameAsAse(JsonElement ase, Structure s, double tol, string what)
    {
        Assert.Equal(ase.GetProperty("numbers").EnumerateArray().Select(x => x.GetInt32()), s.AtomicNumbers);
        Close(Numbers(ase.GetProperty("cell")), s.Cell.ToRows(), tol, $"{what} cell");
        Assert.Equal(ase.GetProperty("pbc").EnumerateArray().Select(x => x.GetBoolean()), new[] { s.Pbc.A, s.Pbc.B, s.Pbc.C });
        Close(Flat(ase.GetProperty("positions")), Flat(s.Positions), tol, $"{what} positions");
        if (ase.TryGetProperty("forces", out var f)) Close(Flat(f), Flat(s.Forces!.Value), tol, $"{what} forces");
        else Assert.Null(s.Forces);
        if (ase.TryGetProperty("stress", out var st)) Close(Numbers(st), Flat(s.Stress!.Value), tol, $"{what} stress");
        else Assert.Null(s.Stress);
    }
}
