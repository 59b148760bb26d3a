using System.Collections.Immutable;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Structures;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>The extended XYZ dialect, piece by piece (ASE 3.22 agreement is in <see cref="AseCrossCheckTests"/>).</summary>
public class ExtXyzTests
{
    [Fact]
    public void LatticePropertiesLabelsAndColumnsMapOntoTheStructure()
    {
        var s = ReadOne(
            "2\n" +
            "Lattice=\"3 0 0 0.5 4 0 0 0 5\" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1:m:R:2:lab:S:1:fix:L:1 " +
            "energy=-7.5 stress=\"1 2 3 2 5 6 3 6 9\" config_type=bulk pbc=\"T T F\"\n" +
            "Cu 0 0 0 0.1 0.2 0.3 4 1.5 2.5 a T\n" +
            "o 1 1 1 -0.1 -0.2 -0.3 -5 3.5 4.5 b False\n");
        Assert.Equal([29, 8], s.AtomicNumbers.ToArray());
        Assert.Equal(new Vec3(0.5, 4, 0), s.Cell.B);
        Assert.Equal(new Pbc(true, true, false), s.Pbc);
        Assert.Equal(-7.5, s.Energy);
        Assert.Equal(new Voigt(1, 5, 9, 6, 3, 2), s.Stress);
        Assert.Equal(new Vec3(-0.1, -0.2, -0.3), s.Forces!.Value[1]);
        Assert.Equal("bulk", s.ConfigType);
        Assert.Equal(["config_type"], s.Info.Keys);
        Assert.Equal(["tags", "m", "lab", "fix"], s.AtomProperties.Select(p => p.Name));
        Assert.Equal(new long[] { 4, -5 }, s.AtomProperties[0].ToArray<long>());
        Assert.Equal(new[] { 1.5, 2.5, 3.5, 4.5 }, s.AtomProperties[1].ToArray<double>());
        Assert.Equal(new[] { "a", "b" }, s.AtomProperties[2].ToArray<string>());
        Assert.Equal(new[] { true, false }, s.AtomProperties[3].ToArray<bool>());
        Assert.Equal("test.extxyz", s.SourcePath);
    }

    [Fact]
    public void InfoValuesTakeAseTypes()
    {
        var s = ReadOne("1\nLattice=\"2 0 0 0 2 0 0 0 2\" a=1 b=1.0 c=\"1 2\" d=[1, 2.5] e={x y} f=T g=\"T F\" h=False " +
                        "i='quoted \\' q' j=a\\ b bare k = 3 l=\"_JSON [\\\"u\\\", \\\"v\\\"]\" m=\"_JSON [true]\" uid=007 n=\"_JSON \\\"7\\\"\" o=1e5\n" +
                        "H 0 0 0\n");
        Assert.Equal(1L, s.Info["a"]);
        Assert.Equal(1.0, s.Info["b"]);
        Assert.Equal(new long[] { 1, 2 }, s.Info["c"]);
        Assert.Equal(new[] { 1.0, 2.5 }, s.Info["d"]);
        Assert.Equal("x y", s.Info["e"]);
        Assert.Equal(true, s.Info["f"]);
        Assert.Equal(new[] { true, false }, s.Info["g"]);
        Assert.Equal(false, s.Info["h"]);
        Assert.Equal("quoted ' q", s.Info["i"]);
        Assert.Equal("a b", s.Info["j"]);
        Assert.Equal(true, s.Info["bare"]);
        Assert.Equal(3L, s.Info["k"]);
        Assert.Equal(new[] { "u", "v" }, s.Info["l"]);
        Assert.Equal(new[] { true }, s.Info["m"]);
        Assert.Equal("7", s.Info["n"]);
        Assert.Equal("007", s.Info["uid"]);
        Assert.Equal(1e5, s.Info["o"]);
        Assert.Equal(Pbc.All, s.Pbc);
    }

    [Fact]
    public void StressAsSixNumbersAndVirialAndFreeEnergy()
    {
        var six = ReadOne("1\nLattice=\"2 0 0 0 2 0 0 0 2\" stress=\"1 2 3 4 5 6\"\nH 0 0 0\n");
        Assert.Equal(new Voigt(1, 2, 3, 4, 5, 6), six.Stress);
        var vir = ReadOne("1\nLattice=\"2 0 0 0 2 0 0 0 2\" virial=\"8 1 2 1 16 3 2 3 24\" free_energy=-2\nH 0 0 0\n");
        Assert.Equal(new Voigt(-1, -2, -3, -3 / 8.0, -2 / 8.0, -1 / 8.0), vir.Stress);
        Assert.Equal(-2.0, vir.Energy);
        Assert.Equal(-2.0, vir.Info["free_energy"]);
        Assert.Equal(9, ((ImmutableArray<double>)vir.Info["virial"]).Length);
        var both = ReadOne("1\nLattice=\"2 0 0 0 2 0 0 0 2\" free_energy=-2 energy=-1\nH 0 0 0\n");
        Assert.Equal(-1.0, both.Energy);
    }

    [Fact]
    public void PlainXyzIsAMolecule()
    {
        var s = ReadOne("3\nwater molecule\nO 0 0 0\nH 0.76 0.59 0\nH -0.76 0.59 0\n");
        Assert.Equal(Cell.Empty, s.Cell);
        Assert.Equal(Pbc.None, s.Pbc);
        Assert.Null(s.Energy);
        Assert.Equal("water molecule", s.Info["comment"]);
        var bare = ReadOne("1\n\nHe 0 0 0\n");
        Assert.Empty(bare.Info);
        var z = ReadOne("1\nProperties=Z:I:1:pos:R:3\n26 1 2 3\n");
        Assert.Equal([26], z.AtomicNumbers.ToArray());
    }

    [Fact]
    public void WriterRoundTripsEveryValueBitForBit()
    {
        var rich = AseCrossCheckTests.RichStructure();
        var molecule = new Structure(ImmutableArray.Create(6, 1), ImmutableArray.Create(new Vec3(0, 0, 0), new Vec3(1.09, 0, 0)), Cell.Empty, Pbc.None);
        var sb = new StringWriter();
        var writer = new ExtXyzWriter();
        writer.Write(sb, rich);
        writer.Write(sb, molecule);
        var back = ReadText(sb.ToString());
        Assert.Equal(2, back.Count);
        AssertSame(new Structure(rich) { SourcePath = "test.extxyz" }, back[0].Structure!);
        AssertSame(molecule, back[1].Structure!);
        Assert.Equal(Cell.Empty, back[1].Structure!.Cell);
    }

    [Fact]
    public void WriterRefusesWhatItCannotCarry()
    {
        var s = ReadOne("1\nLattice=\"2 0 0 0 2 0 0 0 2\"\nH 0 0 0\n");
        var w = new ExtXyzWriter();
        Assert.Throws<ArgumentException>(() => w.Write(new StringWriter(), new Structure(s) { Info = new Dictionary<string, object> { ["energy"] = 1.0 } }));
        Assert.Throws<ArgumentException>(() => w.Write(new StringWriter(), new Structure(s) { Info = new Dictionary<string, object> { ["a"] = "x\ny" } }));
        Assert.Throws<ArgumentException>(() => w.Write(new StringWriter(), new Structure(s) { Info = new Dictionary<string, object> { ["a"] = new object() } }));
        Assert.Throws<ArgumentException>(() => w.Write(new StringWriter(),
            new Structure(s) { AtomProperties = [new AtomProperty("lab", AtomPropertyType.String, 1, new[] { "a b" })] }));
    }

    [Fact]
    public void ParsedNumbersEqualDoubleParse()
    {
        var rng = new Random(5);
        for (int i = 0; i < 20000; i++)
        {
            double v = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30));
            foreach (string text in new[] { v.ToString("R", System.Globalization.CultureInfo.InvariantCulture), v.ToString("F8", System.Globalization.CultureInfo.InvariantCulture), v.ToString("E12", System.Globalization.CultureInfo.InvariantCulture) })
            {
                Assert.True(FastNumberParser.TryParseDouble(text, out double got), text);
                Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), got);
            }
        }
        Assert.True(FastNumberParser.TryParseDouble("-inf", out double inf) && double.IsNegativeInfinity(inf));
        Assert.False(FastNumberParser.TryParseDouble("1.2.3", out _));
        Assert.False(FastNumberParser.TryParseDouble("-", out _));
    }
}
