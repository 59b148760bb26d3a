using AtomCuration.Options;
using System.Text;
using AtomCuration.IO;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>
/// Issue 18, "damaged frames that come out as if intact": a frame whose declared and actual content
/// disagree is an error on that frame (not the next one, and later frame indices stay right); tilts
/// separated by tabs are read; trailing JSON, a missing n2p2 energy and empty files are reported.
/// </summary>
public class DamagedFrameTests
{
    private static List<ReadResult> Read(IStructureReader reader, string text, string source = "damaged", ReadOptions? options = null)
    {
        using var r = new StringReader(text);
        return reader.Read(r, source, options ?? new ReadOptions(), RunContext.Default).ToList();
    }

    private static string Xyz(int declared, params string[] atoms) =>
        $"{declared}\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 energy=-2.5 pbc=\"T T T\"\n" + string.Join("\n", atoms) + "\n";

    private static readonly string Good = Xyz(2, "Fe 0 0 0", "Fe 1.2 1.3 1.4");

    [Theory]
    [InlineData("count one too small")]
    [InlineData("atom line repeated")]
    public void ExtXyzFrameWithMoreAtomLinesThanDeclaredIsAnErrorOnThatFrame(string damage)
    {
        string bad = damage == "count one too small" ? Xyz(1, "Fe 0 0 0", "Fe 1.2 1.3 1.4") : Xyz(2, "Fe 0 0 0", "Fe 0 0 0", "Fe 1.2 1.3 1.4");
        var results = Read(new ExtXyzReader(), Good + bad + Good + Good);
        Assert.Equal(4, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.Equal(1, results[1].Error!.Frame);
        Assert.Contains("one more atom line", results[1].Error!.Message);
        Assert.Equal([2, 3], results.Skip(2).Select(r => r.Structure!.FrameIndex));
        Assert.All(results.Skip(2), r => Assert.Equal(2, r.Structure!.AtomCount));
    }

    [Fact]
    public void ExtXyzFrameWithMoreAtomLinesThanDeclaredAtTheEndIsAnError()
    {
        var results = Read(new ExtXyzReader(), Good + Xyz(1, "Fe 0 0 0", "Fe 1.2 1.3 1.4"));
        Assert.Equal(2, results.Count);
        Assert.Equal(1, results[1].Error!.Frame);
    }

    [Theory]
    [InlineData("count one too small")]
    [InlineData("atom line repeated")]
    public void DumpFrameWithMoreAtomLinesThanDeclaredIsAnErrorOnThatFrame(string damage)
    {
        string frame = Samples.DumpFrame(10);
        string bad = damage == "count one too small"
            ? frame.Replace("ITEM: NUMBER OF ATOMS\n3", "ITEM: NUMBER OF ATOMS\n2")
            : frame.Replace("3 1 2.0 2.0 2.0 0.0 0.0 0.0\n", "3 1 2.0 2.0 2.0 0.0 0.0 0.0\n3 1 2.0 2.0 2.0 0.0 0.0 0.0\n")
                   .Replace("ITEM: NUMBER OF ATOMS\n3", "ITEM: NUMBER OF ATOMS\n4");
        Assert.NotEqual(frame, bad);
        var results = Read(new LammpsDumpReader(), Samples.DumpFrame(0) + bad + Samples.DumpFrame(20) + Samples.DumpFrame(30),
            options: new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Cu", [2] = "Ni" } });
        Assert.Equal(4, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.Equal(1, results[1].Error!.Frame);
        Assert.Equal([2, 3], results.Skip(2).Select(r => r.Structure!.FrameIndex));
        Assert.Equal([20L, 30L], results.Skip(2).Select(r => (long)r.Structure!.Info["timestep"]));
    }

    [Theory]
    [InlineData("Cu\n1\nDirect\n0 0 0\n0.5 0.5 0.5\n")]
    [InlineData("Cu\n2\nDirect\n0 0 0\n0 0 0\n0.5 0.5 0.5\n")]
    public void PoscarWithMoreCoordinateLinesThanItsCountsIsAnError(string tail)
    {
        var results = Read(new PoscarReader(), "cu\n1.0\n3.6 0 0\n0 3.6 0\n0 0 3.6\n" + tail, "POSCAR");
        Assert.Contains("another coordinate line", Assert.Single(results).Error!.Message);
        // Velocities after a blank line are fine.
        var ok = Read(new PoscarReader(), "cu\n1.0\n3.6 0 0\n0 3.6 0\n0 0 3.6\nCu\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n\n0 0 0\n0 0 0\n", "POSCAR");
        Assert.Equal(2, Assert.Single(ok).Structure!.AtomCount);
    }

    [Theory]
    [InlineData("0.5\t0.0\t-0.5\txy\txz\tyz")]
    [InlineData("0.5  0.0  -0.5  xy  xz  yz")]
    [InlineData("0.5 0.0 -0.5 xy xz\tyz")]
    public void LammpsDataTiltsSeparatedByTabsOrSeveralSpacesAreRead(string tilt)
    {
        string text = Samples.Data.Replace("0.5 0.0 -0.5 xy xz yz", tilt).Replace("0.0 5.0 xlo xhi", "0.0\t5.0\txlo  xhi");
        var s = Assert.Single(Read(new LammpsDataReader(), text, "x.data", new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Cu", [2] = "Ni" } })).Structure!;
        Assert.Equal(0.5, s.Cell.B.X);
        Assert.Equal(-0.5, s.Cell.C.Y);
        Assert.Equal(5.0, s.Cell.A.X);
    }

    [Fact]
    public void JsonContentAfterTheListIsAnError()
    {
        string one = "[{\"structure\": {\"lattice\": {\"matrix\": [[3,0,0],[0,3,0],[0,0,3]]}, \"sites\": [{\"species\": [{\"element\": \"Mo\", \"occu\": 1}], \"xyz\": [0,0,0]}]}, \"outputs\": {\"energy\": -10.0, \"forces\": [[0,0,0]], \"virial_stress\": [0,0,0,0,0,0]}}]";
        var results = Read(new PymatgenJsonReader(), one + "\n" + one, "two.json");
        Assert.Equal(2, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.True(results[1].IsFatal);
        Assert.Contains("after the closing ']'", results[1].Error!.Message);
    }

    [Fact]
    public void N2p2BlockWithoutItsEnergyIsAnError()
    {
        string noEnergy = Samples.N2p2Block.Replace("energy -1.5\n", "");
        var results = Read(new N2p2Reader(), Samples.N2p2Block + noEnergy + Samples.N2p2Block, "input.data");
        Assert.Equal(3, results.Count);
        Assert.Contains("no 'energy' line", results[1].Error!.Message);
        Assert.Equal(2, results[2].Structure!.FrameIndex);
    }

    [Theory]
    [InlineData("extxyz", "")]
    [InlineData("extxyz", "  \n\n\t\n")]
    [InlineData("dump", "")]
    [InlineData("dump", "\n \n")]
    [InlineData("n2p2", "")]
    [InlineData("n2p2", "\n\n")]
    public void AnEmptyFileIsReported(string format, string text)
    {
        IStructureReader reader = format switch { "extxyz" => new ExtXyzReader(), "dump" => new LammpsDumpReader(), _ => new N2p2Reader() };
        var result = Assert.Single(Read(reader, text, "empty." + format));
        Assert.True(result.IsFatal);
        Assert.Contains("holds no structure", result.Error!.Message);
    }

    [Theory]
    [InlineData("config_type=\"bulk energy=-2.5 stress=\"1 2 3 4 5 6\"")]
    [InlineData("note='it s energy=-2.5")]
    [InlineData("tags={1 2 energy=-2.5")]
    public void AnUnbalancedQuoteThatSwallowsLabelsIsAnErrorOnThatFrame(string keyValues)
    {
        string bad = $"2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3 {keyValues} pbc=\"T T T\"\nFe 0 0 0\nFe 1 1 1\n";
        var results = Read(new ExtXyzReader(), Good + bad + Good);
        Assert.Equal(3, results.Count);
        Assert.Equal(1, results[1].Error!.Frame);
        Assert.Contains("never closes", results[1].Error!.Message);
        Assert.Equal(2, results[2].Structure!.FrameIndex);
    }

    /// <summary>A NUL byte, a zero-filled block or a line over 1 MB costs the frame it hit: the frames after it are read with their own indices.</summary>
    [Theory]
    [InlineData("nul")]
    [InlineData("zeros")]
    [InlineData("long line")]
    public void ExtXyzResynchronisesAfterBinaryDamage(string damage)
    {
        string hit = damage switch
        {
            "nul" => Xyz(2, "Fe 0 0 0", "Fe 1.2\01.3 1.4"),
            "zeros" => Xyz(2, "Fe 0 0 0") + new string('\0', 4096) + "\n",
            _ => Xyz(2, "Fe 0 0 0", "Fe 1.2 1.3 1.4 " + new string('7', (1 << 20) + 10)),
        };
        var results = Read(new ExtXyzReader(), Good + hit + Good + Good);
        Assert.Equal(4, results.Count);
        Assert.NotNull(results[0].Structure);
        Assert.False(results[1].IsFatal);
        Assert.Equal(1, results[1].Error!.Frame);
        Assert.Contains(damage == "long line" ? "longer than" : "NUL", results[1].Error!.Message);
        Assert.Equal([2, 3], results.Skip(2).Select(r => r.Structure!.FrameIndex));
        Assert.All(results.Skip(2), r => Assert.Equal(-2.5, r.Structure!.Energy));
    }

    /// <summary>A zero-filled block that swallows the count line is one error; reading resumes at the next frame.</summary>
    [Fact]
    public void ExtXyzZerosBetweenFramesAreOneError()
    {
        var results = Read(new ExtXyzReader(), Good + new string('\0', 10_000) + "\n" + Good);
        Assert.Equal(3, results.Count);
        Assert.Contains("NUL", results[1].Error!.Message);
        Assert.Equal(2, results[2].Structure!.FrameIndex);
    }

    [Theory]
    [InlineData("outptus")]
    [InlineData("Outputs")]
    [InlineData("ouputs")]
    public void JsonWithADamagedOutputsKeyIsAnErrorForThatStructure(string key)
    {
        string text = File.ReadAllText(DataPath("mlearn_Mo_test_subset.json"));
        int second = text.IndexOf("\"outputs\"", text.IndexOf("\"outputs\"", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var results = Read(new PymatgenJsonReader(), text[..second] + $"\"{key}\"" + text[(second + 9)..]);
        Assert.Equal(4, results.Count);
        Assert.Equal(1, results[1].Error!.Frame);
        Assert.Contains($"\"{key}\" looks like a damaged \"outputs\"", results[1].Error!.Message);
        Assert.All(results.Where((_, i) => i != 1), r => Assert.NotNull(r.Structure!.Energy));
    }

    [Fact]
    public void JsonStructureWithoutOutputsAfterLabelledOnesIsWarnedAbout()
    {
        string text = File.ReadAllText(DataPath("mlearn_Mo_test_subset.json"));
        int second = text.IndexOf("\"outputs\"", text.IndexOf("\"outputs\"", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        var warnings = new List<string>();
        var results = new PymatgenJsonReader().Read(new StringReader(text[..second] + "\"results\"" + text[(second + 9)..]), "mo.json",
            new ReadOptions(), new RunContext { Warning = warnings.Add }).ToList();
        Assert.All(results, r => Assert.NotNull(r.Structure));
        Assert.Null(results[1].Structure!.Energy);
        Assert.Contains("frame 1: no \"outputs\"", Assert.Single(warnings));
    }

    [Fact]
    public void LammpsDumpWithoutElementsOrTypeMapWarnsOnce()
    {
        var warnings = new List<string>();
        var results = new LammpsDumpReader().Read(new StringReader(Samples.Dump), "md.dump", new ReadOptions(), new RunContext { Warning = warnings.Add }).ToList();
        Assert.Equal(4, results.Count(r => r.Structure is not null));
        Assert.Contains("-TypeMap", Assert.Single(warnings));
        warnings.Clear();
        var mapped = new ReadOptions { TypeMap = new Dictionary<int, string> { [1] = "Cu", [2] = "Ni" } };
        _ = new LammpsDumpReader().Read(new StringReader(Samples.Dump), "md.dump", mapped, new RunContext { Warning = warnings.Add }).ToList();
        Assert.Empty(warnings);
    }
}
