using System.Collections.Immutable;
using System.Text;
using AtomCuration.Descriptors;
using AtomCuration.IO;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Every writer goes through <see cref="AtomicFile"/>: an unfinished write (error, Ctrl+C) leaves the
/// previous file byte for byte and no temporary file behind, and a file read while it is rewritten is
/// read whole (issue 18, "data loss when writing"; issue 15, Export-Descriptor stopped mid-way).
/// </summary>
public class AtomicWriteTests
{
    private static string Frames(int count)
    {
        var sb = new StringBuilder();
        for (int f = 0; f < count; f++)
            sb.Append("2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 energy=")
              .Append(-f).Append(".5 pbc=\"T T T\"\nFe 0 0 0\nFe 1.25 ").Append(f % 4).Append(".5 0.125\n");
        return sb.ToString();
    }

    private static void Write(string path, IEnumerable<Structure> frames, bool append = false)
    {
        using var w = StructureFileWriter.Open(path, append: append);
        foreach (var s in frames) w.Write(s);
        w.Complete();
    }

    [Theory]
    [InlineData("a.extxyz")]
    [InlineData("a.extxyz.gz")]
    [InlineData("POSCAR")]
    public void AStructureWriteNotCompletedKeepsThePreviousFile(string name)
    {
        using var tmp = new TempDir();
        string path = tmp.File(name);
        var frames = ReadText(Frames(5)).Select(r => r.Structure!).ToList();
        Write(path, name == "POSCAR" ? frames.Take(1) : frames);
        byte[] before = File.ReadAllBytes(path);
        using (var w = StructureFileWriter.Open(path))
        {
            w.Write(frames[3]);  // stopped (Ctrl+C) or failed after one structure: no Complete
        }
        using (var w = StructureFileWriter.Open(path, append: name != "POSCAR"))
        {
            if (name != "POSCAR") w.Write(frames[2]);
        }
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([name], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("a.extxyz", false)]
    [InlineData("a.extxyz.gz", false)]
    [InlineData("a.extxyz", true)]
    [InlineData("a.extxyz.gz", true)]
    public void AFileReadWhileItIsRewrittenIsReadWhole(string name, bool append)
    {
        using var tmp = new TempDir();
        string path = tmp.File(name);
        Write(path, ReadText(Frames(300)).Select(r => r.Structure!));
        var expected = ReadAll(path);
        // Import-Structure a | Export-Structure a: the reader streams the file the writer is replacing.
        using (var w = StructureFileWriter.Open(path, append: append))
        {
            foreach (var r in StructureIO.Read(path)) w.Write(r.Structure!);
            w.Complete();
        }
        var back = ReadAll(path);
        Assert.Equal(append ? 600 : 300, back.Count);
        for (int i = 0; i < back.Count; i++)
            Assert.Equal(expected[i % 300].Positions.ToArray(), back[i].Positions.ToArray());
        Assert.Single(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Theory]
    [InlineData("d.npy")]
    [InlineData("d.csv")]
    public void ADescriptorExportNotCompletedKeepsThePreviousFiles(string name)
    {
        using var tmp = new TempDir();
        string path = tmp.File(name);
        var rows = Enumerable.Range(0, 4).Select(k => new Structure([22], [Vec3.Zero], Cell.Empty, Pbc.None)
        {
            Id = $"s{k}", Descriptor = [k, 2.0 * k], DescriptorLabels = ["a", "b"],
        }).ToList();
        Assert.Equal(4, DescriptorWriter.WriteAll(path, rows));
        var before = Directory.GetFiles(tmp.Path).Order().ToDictionary(f => f, File.ReadAllBytes);
        using (var w = DescriptorWriter.Open(path))
        {
            w.Write(rows[0]);  // Ctrl+C after one row
        }
        Assert.Equal(before.Keys, Directory.GetFiles(tmp.Path).Order());
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void AnEamTableThatFailsKeepsThePreviousFile()
    {
        using var tmp = new TempDir();
        string path = tmp.File("CuNi.eam");
        File.WriteAllText(path, "previous table\n");
        var cuNi = ZhouJohnsonWadley.Published("Cu", "Ni");
        // funcfl holds one element: the writer fails after opening the file.
        Assert.Throws<ArgumentException>(() =>
            EamFileWriter.Write(cuNi, path, EamTableResolution.Covering(cuNi.Cutoff, 60, 100, 100), EamFileFormat.Funcfl));
        Assert.Equal("previous table\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void NoClobberHoldsUntilTheMove()
    {
        using var tmp = new TempDir();
        string path = tmp.File("a.extxyz");
        var s = ReadText(Frames(1))[0].Structure!;
        using var w = StructureFileWriter.Open(path, noClobber: true);
        w.Write(s);
        File.WriteAllText(path, "appeared meanwhile\n");
        Assert.Throws<IOException>(w.Complete);
        Assert.Equal("appeared meanwhile\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(tmp.Path));
    }
}
