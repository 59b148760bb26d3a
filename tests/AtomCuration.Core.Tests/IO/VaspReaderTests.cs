using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;
using static AtomCuration.Tests.IO.IOTestSupport;

namespace AtomCuration.Tests.IO;

public class VaspReaderTests
{
    private static readonly string[] Outcars = ["OUTCAR_Fe2O2_relax", "OUTCAR_LiPS_npt"];

    private static Dictionary<string, List<JsonElement>> AseRun() => AseFrames(
        new AseRequest(DataPath("OUTCAR_Fe2O2_relax"), "vasp-out"),
        new AseRequest(DataPath("OUTCAR_LiPS_npt"), "vasp-out"),
        new AseRequest(DataPath("vasprun_Fe2O2_relax.xml"), "vasp-xml"),
        new AseRequest(DataPath("vasprun_Si2_vasp6.xml"), "vasp-xml"));

    private static readonly Lazy<Dictionary<string, List<JsonElement>>> AseFrozen = new(AseRun);
    private static readonly Lazy<Dictionary<string, List<JsonElement>>> AseLive = new(AseRun);

    /// <summary>ASE's frames in the calling test's oracle mode (each made once, in its own mode).</summary>
    private static Lazy<Dictionary<string, List<JsonElement>>> Ase => Oracle.IsLive ? AseLive : AseFrozen;

    [Fact]
    public void OutcarMatchesAseOnEveryIonicStep() => Oracle.Frozen(OutcarMatchesAseOnEveryIonicStepCheck);

    [SkippableFact]
    [Trait("Oracle", "ase")]
    public void OutcarMatchesAseOnEveryIonicStep_Live() => Oracle.Live("", OutcarMatchesAseOnEveryIonicStepCheck);

    private void OutcarMatchesAseOnEveryIonicStepCheck()
    {
        foreach (var name in Outcars)
        {
            string path = DataPath(name);
            var ase = Ase.Value[path];
            var free = Ok(ReadFile(new OutcarReader(), path));
            var zero = Ok(ReadFile(new OutcarReader(), path, new ReadOptions { OutcarEnergy = OutcarEnergy.SigmaZero }));
            Assert.Equal(ase.Count, free.Count);
            Assert.True(free.Count >= 3, $"{name}: several ionic steps expected");
            for (int k = 0; k < ase.Count; k++)
            {
                // Same decimal text → the same doubles; stress goes through the same arithmetic as ASE's.
                SameAsAse(ase[k], free[k], 0, $"{name}#{k}");
                Assert.Equal(ase[k].GetProperty("free_energy").GetDouble(), free[k].Energy);
                Assert.Equal(ase[k].GetProperty("energy").GetDouble(), zero[k].Energy);
                Assert.Equal(k, free[k].FrameIndex);
                Assert.Equal(path, free[k].SourcePath);
            }
        }
    }

    [Theory]
    [InlineData("vasprun_Fe2O2_relax.xml", 5)]
    [InlineData("vasprun_Si2_vasp6.xml", 3)]
    public void VasprunMatchesAseOnEveryIonicStep(string name, int steps) => Oracle.Frozen(() => VasprunMatchesAseOnEveryIonicStepCheck(name, steps));

    [SkippableTheory]
    [Trait("Oracle", "ase")]
    [InlineData("vasprun_Fe2O2_relax.xml", 5)]
    [InlineData("vasprun_Si2_vasp6.xml", 3)]
    public void VasprunMatchesAseOnEveryIonicStep_Live(string name, int steps) => Oracle.Live("", () => VasprunMatchesAseOnEveryIonicStepCheck(name, steps));

    private void VasprunMatchesAseOnEveryIonicStepCheck(string name, int steps)
    {
        string path = DataPath(name);
        var ase = Ase.Value[path];
        var free = Ok(ReadFile(new VasprunReader(), path));
        var zero = Ok(ReadFile(new VasprunReader(), path, new ReadOptions { OutcarEnergy = OutcarEnergy.SigmaZero }));
        Assert.Equal(steps, ase.Count);
        Assert.Equal(ase.Count, free.Count);
        for (int k = 0; k < ase.Count; k++)
        {
            SameAsAse(ase[k], free[k], 1e-12, $"{name}#{k}");
            Assert.Equal(ase[k].GetProperty("free_energy").GetDouble(), free[k].Energy);
            Assert.Equal(ase[k].GetProperty("energy").GetDouble(), zero[k].Energy!.Value, 12);
        }
    }

    [Fact]
    public void VasprunEnergiesAgreeWithPymatgenAndWithTheOutcarOfTheSameRun() => Oracle.Frozen(VasprunEnergiesAgreeWithPymatgenAndWithTheOutcarOfTheSameRunCheck);

    [SkippableFact]
    [Trait("Oracle", "pymatgen")]
    public void VasprunEnergiesAgreeWithPymatgenAndWithTheOutcarOfTheSameRun_Live() => Oracle.Live("", VasprunEnergiesAgreeWithPymatgenAndWithTheOutcarOfTheSameRunCheck);

    private void VasprunEnergiesAgreeWithPymatgenAndWithTheOutcarOfTheSameRunCheck()
    {
        string xml = DataPath("vasprun_Fe2O2_relax.xml");
        using var doc = PythonOracle.Run("pymatgen_vasprun_energies.py", new { path = xml });
        var steps = doc.RootElement.EnumerateArray().ToList();
        var byOption = Enum.GetValues<OutcarEnergy>().ToDictionary(o => o,
            o => Ok(ReadFile(new VasprunReader(), xml, new ReadOptions { OutcarEnergy = o })).Select(s => s.Energy!.Value).ToArray());
        Assert.Equal(steps.Count, byOption[OutcarEnergy.FreeEnergy].Length);
        for (int k = 0; k < steps.Count; k++)
        {
            var step = steps[k].GetProperty("step");
            var scf = steps[k].GetProperty("last_scf");
            double fr = step.GetProperty("e_fr_energy").GetDouble();
            Assert.Equal(fr, byOption[OutcarEnergy.FreeEnergy][k]);
            Assert.Equal(fr + scf.GetProperty("e_wo_entrp").GetDouble() - scf.GetProperty("e_fr_energy").GetDouble(),
                byOption[OutcarEnergy.EnergyWithoutEntropy][k], 12);
        }
        // The OUTCAR of the same run (first four steps kept) prints all three energies per step.
        string outcar = DataPath("OUTCAR_Fe2O2_relax");
        foreach (var option in Enum.GetValues<OutcarEnergy>())
        {
            var fromOutcar = Ok(ReadFile(new OutcarReader(), outcar, new ReadOptions { OutcarEnergy = option }));
            Assert.Equal(4, fromOutcar.Count);
            for (int k = 0; k < fromOutcar.Count; k++)
                Assert.Equal(fromOutcar[k].Energy!.Value, byOption[option][k], 8);
        }
        // The step where smearing matters tells the three options apart.
        Assert.Equal(3, new[] { byOption[OutcarEnergy.FreeEnergy][3], byOption[OutcarEnergy.EnergyWithoutEntropy][3],
            byOption[OutcarEnergy.SigmaZero][3] }.Distinct().Count());
    }

    [Fact]
    public void OutcarSpeciesComeFromTheHeader()
    {
        var s = Ok(ReadFile(new OutcarReader(), DataPath("OUTCAR_LiPS_npt")))[0];
        Assert.Equal("Li28P12S44", s.Formula);
    }

    [Fact]
    public void Vasp6OutcarAgreesWithTheVasprunOfTheSameRun()
    {
        // ASE 3.22 cannot read this VASP 6.4 OUTCAR; the run's vasprun.xml is the reference.
        // The OUTCAR prints positions, forces and stress with fewer decimals than vasprun.xml.
        foreach (var option in Enum.GetValues<OutcarEnergy>())
        {
            var outcar = Ok(ReadFile(new OutcarReader(), DataPath("OUTCAR_Si2_vasp6"), new ReadOptions { OutcarEnergy = option }));
            var xml = Ok(ReadFile(new VasprunReader(), DataPath("vasprun_Si2_vasp6.xml"), new ReadOptions { OutcarEnergy = option }));
            Assert.Equal(3, outcar.Count);
            Assert.Equal(xml.Count, outcar.Count);
            for (int k = 0; k < xml.Count; k++)
            {
                Assert.Equal(xml[k].AtomicNumbers.ToArray(), outcar[k].AtomicNumbers.ToArray());
                Close(xml[k].Cell.ToRows(), outcar[k].Cell.ToRows(), 1e-6, $"#{k} cell");
                Close(Flat(xml[k].Positions), Flat(outcar[k].Positions), 1e-5, $"#{k} positions");
                Close(Flat(xml[k].Forces!.Value), Flat(outcar[k].Forces!.Value), 1e-5, $"#{k} forces");
                Close(Flat(xml[k].Stress!.Value), Flat(outcar[k].Stress!.Value), 1e-5 * 0.1 * KiloBar.GPa, $"#{k} stress");
                Assert.Equal(xml[k].Energy!.Value, outcar[k].Energy!.Value, 8);
            }
        }
    }
}
