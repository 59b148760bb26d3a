using System.Collections.Immutable;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

/// <summary>The training inputs of other fitting codes: n2p2 input.data, MLIP .cfg, FitSNAP JSON — written and read back.</summary>
public class HandOffFormatTests
{
    private static readonly List<Structure> Sample =
        ReadAll(RepoPaths.Combine("examples", "data", "Cu_SNAP_sample.extxyz.gz")).Take(12).ToList();

    private static string WriteAll(IStructureWriter writer, IEnumerable<Structure> structures)
    {
        var text = new StringWriter();
        var file = writer.ForFile();
        foreach (var s in structures) file.Write(text, s);
        return text.ToString();
    }

    private static void SameLabels(Structure expected, Structure actual, double tolerance)
    {
        Assert.Equal(expected.AtomicNumbers.ToArray(), actual.AtomicNumbers.ToArray());
        Assert.Equal(expected.Pbc, actual.Pbc);
        Close(expected.Cell.ToRows(), actual.Cell.ToRows(), tolerance, "cell");
        Close(Flat(expected.Positions), Flat(actual.Positions), tolerance, "positions");
        Close(Flat(expected.Forces!.Value), Flat(actual.Forces!.Value), tolerance, "forces");
        Assert.Equal(expected.Energy!.Value, actual.Energy!.Value, Math.Max(1, Math.Abs(expected.Energy.Value)) * tolerance);
    }

    [Fact]
    public void N2p2RoundTripsInAtomicUnits()
    {
        string text = WriteAll(new N2p2Writer(), Sample);
        Assert.StartsWith("begin\ncomment ", text);
        var back = Ok(ReadText(new N2p2Reader(), text));
        Assert.Equal(Sample.Count, back.Count);
        // Within rounding of the unit conversion (Å → Bohr → Å): a few ulps of values up to ~10.
        for (int i = 0; i < Sample.Count; i++) SameLabels(Sample[i], back[i], 1e-13);
        // Bohr, not Å: the first lattice line is the Å value divided by 0.529…
        double a = Sample[0].Cell.A.X;
        Assert.Contains($"lattice {FastNumberParser.FormatReal(a / N2p2Reader.Bohr)} ", text);
    }

    [Fact]
    public void N2p2RefusesWhatItCannotHold()
    {
        var unlabelled = new Structure(Sample[0]) { Energy = null };
        Assert.Contains("energy", Assert.Throws<ArgumentException>(() => WriteAll(new N2p2Writer(), [unlabelled])).Message);
        var slab = new Structure(["Cu"], [Vec3.Zero], new Cell(new(3, 0, 0), new(0, 3, 0), new(0, 0, 10)), new Pbc(true, true, false))
            { Energy = -1, Forces = [Vec3.Zero] };
        Assert.Contains("periodic", Assert.Throws<ArgumentException>(() => WriteAll(new N2p2Writer(), [slab])).Message);
    }

    [Fact]
    public void MlipCfgRoundTripsLabelsStressAndTypes()
    {
        var cu = Sample[1];
        var mixed = new Structure(cu.AtomicNumbers.Select((z, i) => i % 2 == 0 ? 28 : z).ToImmutableArray(), cu.Positions, cu.Cell, cu.Pbc)
            { Energy = cu.Energy, Forces = cu.Forces, Stress = cu.Stress, Info = new Dictionary<string, object> { ["config_type"] = "Mixed" } };
        var set = new List<Structure> { Sample[0], mixed, Sample[2] };
        string text = WriteAll(new MlipCfgWriter(), set);
        // Cu appears first: type 0; Ni second: type 1, in every configuration of the file.
        Assert.Equal(1, text.Split("Feature   atom_types Cu\n").Length - 1);
        Assert.Equal(2, text.Split("Feature   atom_types Cu Ni\n").Length - 1);
        var back = Ok(ReadText(new MlipCfgReader(), text));
        Assert.Equal(3, back.Count);
        for (int i = 0; i < set.Count; i++)
        {
            SameLabels(set[i], back[i], 0);
            Assert.Equal(set[i].ConfigType, back[i].ConfigType);
            Close(Flat(set[i].Stress!.Value), Flat(back[i].Stress!.Value), 1e-18, "stress");
        }
    }

    [Fact]
    public void MlipPlusStressIsTheVirialWithThePressureSign()
    {
        // A compressed cell: ASE stress negative (compressive), PlusStress = −σ·V positive.
        var s = new Structure(["Cu"], [Vec3.Zero], new Cell(new(2, 0, 0), new(0, 2, 0), new(0, 0, 2)), Pbc.All)
            { Energy = -3, Forces = [Vec3.Zero], Stress = new Voigt(-0.1, -0.1, -0.1, 0, 0, 0.05) };
        string text = WriteAll(new MlipCfgWriter(), [s]);
        Assert.Contains(" PlusStress:  xx          yy          zz          yz          xz          xy\n    0.8 0.8 0.8 0.0 0.0 -0.4\n", text);
    }

    [Fact]
    public void MlipTypesNeedAMapOrAFeatureLine()
    {
        const string cfg = "BEGIN_CFG\n Size\n 1\n Supercell\n 3 0 0\n 0 3 0\n 0 0 3\n AtomData:  id type cartes_x cartes_y cartes_z fx fy fz\n 1 0 0 0 0 0.1 0 0\n Energy\n -1.0\nEND_CFG\n";
        var missing = ReadText(new MlipCfgReader(), cfg);
        Assert.Contains("type map", Assert.Single(missing).Error!.Message);
        var mapped = Ok(ReadText(new MlipCfgReader(), cfg, new ReadOptions { TypeMap = new Dictionary<int, string> { [0] = "Ta" } }));
        Assert.Equal(73, mapped[0].AtomicNumbers[0]);
        // A damaged configuration is one error; the next one still reads.
        var two = ReadText(new MlipCfgReader(), cfg.Replace("0.1 0 0", "0.1 0") + cfg, new ReadOptions { TypeMap = new Dictionary<int, string> { [0] = "Ta" } });
        Assert.Equal(2, two.Count);
        Assert.NotNull(two[0].Error);
        Assert.Null(two[1].Error);
    }

    [Fact]
    public void FitSnapJsonRoundTripsWithStressInBarAsPressure()
    {
        var s = Sample.First(x => x.Stress is not null);
        string text = WriteAll(new FitSnapJsonWriter(), [s]);
        Assert.StartsWith("# ", text);
        Assert.Contains("\"StressStyle\":\"bar\"", text);
        var back = Assert.Single(Ok(ReadText(new FitSnapJsonReader(), text)));
        SameLabels(s, back, 0);
        Close(Flat(s.Stress!.Value), Flat(back.Stress!.Value), 1e-18, "stress");
        Assert.Equal(s.ConfigType, back.ConfigType);
    }

    [Fact]
    public void FitSnapJsonReadsFitSnapsOwnLayout()
    {
        // The shape of FitSNAP's Ta example files (numbers made up here): a comment line, pressure-signed stress in bar.
        const string json = "# A test JSON file\n{\"Dataset\": {\"Data\": [{\"Stress\": [[1602176.6208, 0.0, 0.0], [0.0, 1602176.6208, 0.0], [0.0, 0.0, 1602176.6208]], " +
            "\"Positions\": [[0.0, 0.0, 0.0], [1.5, 1.5, 1.5]], \"Energy\": -20.5, \"AtomTypes\": [\"Ta\", \"Ta\"], " +
            "\"Lattice\": [[3.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 3.0]], \"NumAtoms\": 2, \"Forces\": [[0, 0, 0.5], [0, 0, -0.5]]}], " +
            "\"PositionsStyle\": \"angstrom\", \"AtomTypeStyle\": \"chemicalsymbol\", \"Label\": \"BCC\", \"StressStyle\": \"bar\", " +
            "\"LatticeStyle\": \"angstrom\", \"EnergyStyle\": \"electronvolt\", \"ForcesStyle\": \"electronvoltperangstrom\"}}";
        // Sniffed as FitSNAP's, although a .json name alone would say pymatgen.
        Assert.Equal("BCC", Assert.Single(Ok(ReadText(json, "BCC_1.json"))).Info["label"]);
        var s = Assert.Single(Ok(ReadText(new FitSnapJsonReader(), json)));
        Assert.Equal(-1.0, s.Stress!.Value.Xx, 12); // 1 eV/Å³ of pressure is a stress of −1 eV/Å³
        Assert.Equal("BCC", s.Info["label"]);
        Assert.Equal(-0.5, s.Forces!.Value[1].Z);
        var wrongUnits = ReadText(new FitSnapJsonReader(), json.Replace("\"EnergyStyle\": \"electronvolt\"", "\"EnergyStyle\": \"kcal/mol\""));
        Assert.Contains("EnergyStyle", Assert.Single(wrongUnits).Error!.Message);
    }

    [Fact]
    public void FolderWriterPutsEachStructureInItsGroupWithATraceableName()
    {
        using var dir = new TempDir();
        var writer = StructureFolderWriter.Open(dir.Path, StructureFormat.FitSnapJson);
        foreach (var s in Sample) writer.Write(s);
        Assert.Equal(Sample.Count, writer.Files.Count);
        foreach (var (s, file) in Sample.Zip(writer.Files))
        {
            Assert.Equal(s.ConfigType, Path.GetFileName(Path.GetDirectoryName(file)));
            var back = Assert.Single(ReadAll(file));
            SameLabels(s, back, 0);
        }
        var poscars = StructureFolderWriter.Open(Path.Combine(dir.Path, "vasp"), StructureFormat.Poscar);
        string first = poscars.Write(Sample[0]);
        Assert.Equal("POSCAR", Path.GetFileName(first));
        Assert.StartsWith("00000_Cu_SNAP_sample.extxyz.gz_0", Path.GetFileName(Path.GetDirectoryName(first)));
    }

    [Theory]
    [InlineData("train.cfg", StructureFormat.MlipCfg)]
    [InlineData("input.data", StructureFormat.N2p2)]
    [InlineData("run/input.data.gz", StructureFormat.N2p2)]
    public void FormatsAreChosenFromTheName(string name, StructureFormat format) =>
        Assert.Equal(format, StructureIO.FormatForWriting(name));
}
