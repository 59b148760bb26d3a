using AtomCuration.Options;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Helpers shared by the I/O tests: test data, reading through <see cref="StructureIO"/> or one
/// reader, structure comparisons, and ASE's frames (ase_read_frames.py) to compare with.
/// </summary>
internal static class IOTestSupport
{
    /// <summary>Paths of every bundled extended XYZ sample (<see cref="TestData.Datasets"/>).</summary>
    public static readonly string[] Datasets = TestData.Datasets;

    /// <summary>Every structure of a file; fails on any error result.</summary>
    public static List<Structure> ReadAll(string path, ReadOptions? options = null)
    {
        var list = new List<Structure>();
        foreach (var r in StructureIO.Read(path, options))
        {
            Assert.True(r.Error is null, r.Error?.Message);
            list.Add(r.Structure!);
        }
        return list;
    }

    /// <summary>Every result read from text.</summary>
    public static List<ReadResult> ReadText(string text, string? source = "test.extxyz", ReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return StructureIO.Read(stream, source, options).ToList();
    }

    /// <summary>The single structure in <paramref name="text"/>.</summary>
    public static Structure ReadOne(string text, ReadOptions? options = null, string? source = "test.extxyz")
    {
        var results = ReadText(text, source, options);
        Assert.Single(results);
        Assert.True(results[0].Error is null, results[0].Error?.Message);
        return results[0].Structure!;
    }

    /// <summary>Decompresses a gzip file into <paramref name="dir"/> (ASE 3.22 is slow on .gz).</summary>
    public static string Gunzip(string gz, string dir)
    {
        string target = Path.Combine(dir, Path.GetFileName(gz)[..^3]);
        using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var output = File.Create(target);
        input.CopyTo(output);
        return target;
    }

    /// <summary>A temporary directory deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("atomcuration-io-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Asserts two structures carry the same species, positions, cell, energy, forces and stress (bitwise).</summary>
    private static void AssertSameAtomsAndLabels(Structure expected, Structure actual)
    {
        Assert.Equal(expected.AtomicNumbers.ToArray(), actual.AtomicNumbers.ToArray());
        Assert.Equal(expected.Positions.ToArray(), actual.Positions.ToArray());
        Assert.Equal(expected.Cell, actual.Cell);
        Assert.Equal(expected.Energy, actual.Energy);
        Assert.Equal(expected.Stress, actual.Stress);
        Assert.Equal(expected.Forces is null, actual.Forces is null);
        if (expected.Forces is { } f) Assert.Equal(f.ToArray(), actual.Forces!.Value.ToArray());
    }

    /// <summary>The same frame read twice (from damaged and intact text): atoms, labels and frame index.</summary>
    public static void SameFrame(Structure expected, Structure actual)
    {
        AssertSameAtomsAndLabels(expected, actual);
        Assert.Equal(expected.FrameIndex, actual.FrameIndex);
    }

    /// <summary>Asserts two structures carry the same atoms, cell, labels, Info and properties (bitwise).</summary>
    public static void AssertSame(Structure expected, Structure actual)
    {
        AssertSameAtomsAndLabels(expected, actual);
        Assert.Equal(expected.Pbc, actual.Pbc);
        Assert.Equal(expected.Info.Keys, actual.Info.Keys);
        foreach (var (k, v) in expected.Info)
        {
            var w = actual.Info[k];
            Assert.Equal(v.GetType(), w.GetType());
            if (v is Array a) Assert.Equal(a.Cast<object>(), ((Array)w).Cast<object>());
            else Assert.Equal(v, w);
        }
        Assert.Equal(expected.AtomProperties.Count, actual.AtomProperties.Count);
        for (int i = 0; i < expected.AtomProperties.Count; i++)
        {
            var p = expected.AtomProperties[i];
            var q = actual.AtomProperties[i];
            Assert.Equal((p.Name, p.Type, p.Columns), (q.Name, q.Type, q.Columns));
            Assert.Equal(p.Values.Cast<object>(), q.Values.Cast<object>());
        }
    }

    /// <summary>A file of the committed test data (IO/Data).</summary>
    public static string DataPath(string name) =>
        Path.Combine(PythonOracle.RepoRoot, "tests", "AtomCuration.Core.Tests", "IO", "Data", name);

    /// <summary>Every result of one reader on <paramref name="text"/>.</summary>
    public static List<ReadResult> ReadText(IStructureReader reader, string text, ReadOptions? options = null, string source = "test") =>
        reader.Read(new StringReader(text), source, options ?? new ReadOptions(), RunContext.Default).ToList();

    /// <summary>Every result of one reader on a file.</summary>
    public static List<ReadResult> ReadFile(IStructureReader reader, string path, ReadOptions? options = null)
    {
        using var text = new StreamReader(path);
        return reader.Read(text, path, options ?? new ReadOptions(), RunContext.Default).ToList();
    }

    /// <summary>The structures of <paramref name="results"/>; fails on the first error result.</summary>
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
