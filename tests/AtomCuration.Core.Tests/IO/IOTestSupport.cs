using System.IO.Compression;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.Tests.IO;

/// <summary>Helpers shared by the I/O tests.</summary>
internal static class IOTestSupport
{
    /// <summary>File names of every extended XYZ dataset in the shared data folder (at least the five documented).</summary>
    public static readonly string[] Datasets = Directory
        .GetFiles(Support.PythonOracle.SharedDataPath(""), "*.extxyz*")
        .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

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

    /// <summary>Asserts two structures carry the same atoms, cell, labels, Info and properties (bitwise).</summary>
    public static void AssertSame(Structure expected, Structure actual)
    {
        Assert.Equal(expected.AtomicNumbers.ToArray(), actual.AtomicNumbers.ToArray());
        Assert.Equal(expected.Positions.ToArray(), actual.Positions.ToArray());
        Assert.Equal(expected.Cell, actual.Cell);
        Assert.Equal(expected.Pbc, actual.Pbc);
        Assert.Equal(expected.Energy, actual.Energy);
        Assert.Equal(expected.Stress, actual.Stress);
        Assert.Equal(expected.Forces is null, actual.Forces is null);
        if (expected.Forces is { } f) Assert.Equal(f.ToArray(), actual.Forces!.Value.ToArray());
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
}
