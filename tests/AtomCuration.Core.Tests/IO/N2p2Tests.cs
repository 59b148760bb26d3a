using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

public class N2p2Tests
{
    [Fact]
    public void AtomicUnitsConvertWithAseConstants() => Oracle.Frozen(AtomicUnitsConvertWithAseConstantsCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void AtomicUnitsConvertWithAseConstants_Live() => Oracle.Live("", AtomicUnitsConvertWithAseConstantsCheck);

    private void AtomicUnitsConvertWithAseConstantsCheck()
    {
        string path = Path.Combine(Path.GetTempPath(), $"atomcuration-{Guid.NewGuid():N}-input.data");
        try
        {
            using var doc = PythonOracle.Run("n2p2_write_reference.py", new { path });
            var root = doc.RootElement;
            Assert.Equal(N2p2Reader.Bohr, root.GetProperty("bohr").GetDouble());
            Assert.Equal(N2p2Reader.Hartree, root.GetProperty("hartree").GetDouble());
            var expected = root.GetProperty("frames").EnumerateArray().ToList();
            var ours = Ok(ReadFile(new N2p2Reader(), path));
            Assert.Equal(2, ours.Count);
            for (int k = 0; k < 2; k++)
            {
                var e = expected[k];
                var s = ours[k];
                Assert.Equal(e.GetProperty("numbers").EnumerateArray().Select(x => x.GetInt32()), s.AtomicNumbers);
                if (e.GetProperty("cell").ValueKind == JsonValueKind.Null)
                {
                    Assert.Equal(Pbc.None, s.Pbc);
                    Assert.Equal(Cell.Empty, s.Cell);
                }
                else Close(Numbers(e.GetProperty("cell")), s.Cell.ToRows(), 1e-13, "cell");
                Close(Flat(e.GetProperty("positions")), Flat(s.Positions), 1e-13, "positions");
                Close(Flat(e.GetProperty("forces")), Flat(s.Forces!.Value), 1e-13, "forces");
                Assert.Equal(e.GetProperty("energy").GetDouble(), s.Energy!.Value, 1e-11);
                Close(Numbers(e.GetProperty("charges")), s.AtomProperties.Single(p => p.Name == "charges").ToArray<double>(), 1e-15, "charges");
                Assert.Equal(e.GetProperty("comment").GetString(), s.Info["comment"]);
                Assert.Equal(0.0, s.Info["charge"]);
            }
            var raw = Ok(ReadFile(new N2p2Reader { AtomicUnits = false }, path));
            Assert.Equal(ours[0].Energy!.Value / N2p2Reader.Hartree, raw[0].Energy!.Value, 1e-12);
            // The option the cmdlet sets gives the same as the reader property.
            var metal = Ok(ReadFile(new N2p2Reader(), path, new ReadOptions { N2p2Units = N2p2Units.Metal }));
            for (int k = 0; k < 2; k++) AssertSame(new Structure(raw[k]) { SourcePath = null }, new Structure(metal[k]) { SourcePath = null });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Block = "begin\ncomment ok\nlattice 5 0 0\nlattice 0 5 0\nlattice 0 0 5\natom 0 0 0 Cu 0 0 0.1 0 0\natom 2 2 2 Ni 0 0 -0.1 0 0\nenergy -1.5\ncharge 0\nend\n";

    [Fact]
    public void DamagedBlocksAreSkippedAndReadingResumes()
    {
        string text = Block
            + Block.Replace("atom 2 2 2 Ni", "atom 2 nan 2 Ni")
            + Block.Replace("end\n", "")            // no end: the next begin closes it with an error
            + Block.Replace("Ni", "Qq")
            + Block.Replace("lattice 0 0 5\n", "")
            + "stray text\n"
            + Block;
        var r = ReadText(new N2p2Reader(), text);
        Assert.Equal(7, r.Count);
        Assert.NotNull(r[0].Structure);
        Assert.Contains("not a finite number", r[1].Error!.Message);
        Assert.Contains("'begin' before the 'end'", r[2].Error!.Message);
        Assert.Contains("'Qq' is not an element", r[3].Error!.Message);
        Assert.Contains("2 lattice lines", r[4].Error!.Message);
        Assert.Contains("outside a begin", r[5].Error!.Message);
        Assert.NotNull(r[6].Structure);
        Assert.Equal(6, r[6].Structure!.FrameIndex);
        Assert.Equal(17, r[1].Error!.Line); // line 7 of the second 10-line block
        Assert.All(r, x => Assert.False(x.IsFatal));
    }

    [Fact]
    public void SniffsContentAndName()
    {
        var reader = new N2p2Reader();
        Assert.Equal(2, reader.Sniff("x.txt", Block));
        Assert.Equal(1, reader.Sniff("input.data", "garbage"));
        Assert.Equal(0, reader.Sniff("structure.data", "garbage"));
        Assert.Equal(0, new LammpsDataReader().Sniff("input.data", "garbage"));
    }
}
