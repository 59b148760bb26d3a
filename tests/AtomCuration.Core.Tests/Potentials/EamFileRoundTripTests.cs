using AtomCuration.Tests.Support;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.Tests.Potentials;

/// <summary>Files we write, read back by LAMMPS (and by us), reproduce the in-memory model.</summary>
public class EamFileRoundTripTests
{
    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory("atomcuration-eam-").FullName, name);

    /// <summary>Models made in the test (frozen and live).</summary>
    public static TheoryData<string> Cases => new() { "zjw-Ti setfl", "zjw-CuNi setfl" };

    /// <summary>Models read from Debian lammps-data's files (live only: not in the repository).</summary>
    public static TheoryData<string> LammpsDataCases => new() { "Cu_u3 funcfl", "Zr_mm fs" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LammpsReadsWhatWeWrite(string name) => Oracle.Frozen(() => LammpsReadsWhatWeWriteCheck(name));

    [SkippableTheory]
    [Trait("Oracle", "lammps")]
    [MemberData(nameof(Cases))]
    public void LammpsReadsWhatWeWrite_Live(string name) => Oracle.Live("lammps", () => LammpsReadsWhatWeWriteCheck(name));

    [SkippableTheory]
    [Trait("Oracle", "lammps")]
    [MemberData(nameof(LammpsDataCases))]
    public void LammpsReadsWhatWeWriteFromLammpsData_Live(string name) => Oracle.Live("lammps, lammps-data", () => LammpsReadsWhatWeWriteCheck(name));

    private static void LammpsReadsWhatWeWriteCheck(string name)
    {
        EamPotential model;
        string style, file;
        string[] species;
        double a, c = 0;
        EamTableResolution resolution;
        switch (name)
        {
            case "zjw-Ti setfl":
                model = ZhouJohnsonWadley.Published("Ti");
                (style, file, species, a, c) = ("eam/alloy", Temp("Ti.eam.alloy"), ["Ti"], 2.95, 4.68);
                resolution = EamTableResolution.Covering(model.Cutoff, 60, 10000, 10000);
                break;
            case "zjw-CuNi setfl":
                model = ZhouJohnsonWadley.Published("Ni", "Cu");
                (style, file, species, a) = ("eam/alloy", Temp("CuNi.eam.alloy"), ["Ni", "Cu"], 3.56);
                resolution = EamTableResolution.Covering(model.Cutoff, 60, 10000, 10000);
                break;
            case "Cu_u3 funcfl":
                model = EamFileReader.Read(Path.Combine(Oracle.LammpsPotentials, "Cu_u3.eam"));
                (style, file, species, a) = ("eam", Temp("Cu.eam"), ["Cu"], 3.615);
                resolution = new EamTableResolution(499, 5.0100200400801306e-04, 499, 1.0000000000000009e-02);
                break;
            default:
                model = EamFileReader.Read(Path.Combine(Oracle.LammpsPotentials, "Zr_mm.eam.fs"));
                (style, file, species, a, c) = ("eam/fs", Temp("Zr.eam.fs"), ["Zr"], 3.23, 5.15);
                resolution = new EamTableResolution(10000, 5e-2, 10000, 7.6e-4);
                break;
        }
        try
        {
            EamFileWriter.Write(model, file, resolution);
            var cells = EamLammpsCrossCheckTests.CellsFor(species, a, c, c > 0, 99);
            var lammps = LammpsEamOracle.Run(style, file, species, cells);
            var readBack = EamFileReader.Read(file);
            for (int k = 0; k < cells.Count; k++)
            {
                var ours = EamEvaluator.Evaluate(model, cells[k]);
                double lammpsPerAtom = lammps[k].Energy / cells[k].AtomCount;
                Assert.True(Math.Abs(ours.EnergyPerAtom - lammpsPerAtom) < 1e-5, $"{name} cell {k}: model {ours.EnergyPerAtom} vs LAMMPS on the written file {lammpsPerAtom}");
                double again = EamEvaluator.Evaluate(readBack, cells[k]).EnergyPerAtom;
                Assert.True(Math.Abs(again - lammpsPerAtom) < 1e-6, $"{name} cell {k}: our reading {again} vs LAMMPS {lammpsPerAtom}");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, true);
        }
    }

    [Fact]
    public void FuncflRefusesAttractivePairs()
    {
        var ti = ZhouJohnsonWadley.Published("Ti");
        var ex = Assert.Throws<ArgumentException>(() =>
            EamFileWriter.Write(ti, TextWriter.Null, EamTableResolution.Covering(ti.Cutoff, 60, 1000, 1000), EamFileFormat.Funcfl));
        Assert.Contains("r·φ(r) ≥ 0", ex.Message);
    }

    [Fact]
    public void ARefusedFileLeavesTheExistingOneUntouched()
    {
        string file = Temp("Ti.eam");
        try
        {
            File.WriteAllText(file, "earlier file");
            var ti = ZhouJohnsonWadley.Published("Ti");
            Assert.Throws<ArgumentException>(() => EamFileWriter.Write(ti, file, EamTableResolution.Covering(ti.Cutoff, 60, 1000, 1000)));
            Assert.Equal("earlier file", File.ReadAllText(file));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, true);
        }
    }

    [Fact]
    public void MalformedFileNamesLine()
    {
        var text = "c\nc\nc\n1 Cu\n100 0.1 100 0.05 4.9\n29 63.5 3.6 fcc\n1 2 x 4\n";
        var ex = Assert.Throws<EamFileException>(() => EamFileReader.Read(new StringReader(text), EamFileFormat.Setfl, "bad.eam.alloy"));
        Assert.Equal(7, ex.Line);
        Assert.Contains("bad.eam.alloy:7", ex.Message);
    }
}
