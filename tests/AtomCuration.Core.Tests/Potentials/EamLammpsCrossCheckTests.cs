using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Potentials;

/// <summary>
/// Our evaluator against LAMMPS's pair_style eam, eam/alloy and eam/fs on the same cells: on tables the
/// test writes (frozen and live), and live on Debian lammps-data's own potential files.
/// </summary>
public class EamLammpsCrossCheckTests
{
    /// <summary>Potentials the test writes itself (the published ZJW form as tables): file, style, elements, a, c, hcp.</summary>
    public static TheoryData<string, string, string, double, double, bool> GeneratedCases => new()
    {
        { "zjw-Ti.eam.alloy", "eam/alloy", "Ti", 2.95, 4.68, true },
        { "zjw-CuNi.eam.alloy", "eam/alloy", "Ni Cu", 3.56, 0, false },
        { "zjw-Zr.eam.fs", "eam/fs", "Zr", 3.23, 5.15, true },
    };

    /// <summary>Debian lammps-data's files (live only: they are not in the repository).</summary>
    public static TheoryData<string, string, string, double, double, bool> Cases => new()
    {
        // file, style, elements, lattice constant, c (0 = fcc), hcp
        { "Cu_u3.eam", "eam", "Cu", 3.615, 0, false },
        { "Cu_mishin1.eam.alloy", "eam/alloy", "Cu", 3.615, 0, false },
        { "Al_zhou.eam.alloy", "eam/alloy", "Al", 4.05, 0, false },
        { "CuNi.eam.alloy", "eam/alloy", "Ni Cu", 3.56, 0, false },
        { "Zr_mm.eam.fs", "eam/fs", "Zr", 3.23, 5.15, true },
    };

    internal static List<Structure> CellsFor(string[] species, double a, double c, bool hcp, int seed)
    {
        var rng = new Random(seed);
        Structure Lat(int reps, double disp, double strain, bool vac) => hcp
            ? EamTestStructures.Hcp(species, a, c, reps, rng, disp, strain, vac)
            : EamTestStructures.Fcc(species, a, reps, rng, disp, strain, vac);
        double volume = hcp ? Math.Sqrt(3) / 4 * a * a * c : a * a * a / 4;
        var cells = new List<Structure>
        {
            Lat(2, 0.0, 0.0, false),
            Lat(2, 0.0, 0.04, false),
            Lat(2, 0.15, 0.02, false),
            Lat(3, 0.1, 0.0, true),
            Lat(1, 0.2, 0.05, false),
            EamTestStructures.Triclinic(species, 1, volume, rng, 0.1),
            EamTestStructures.Triclinic(species, 2, volume, rng, 0.85 * a / Math.Sqrt(2)),
            EamTestStructures.Triclinic(species, 7, volume, rng, 0.8 * a / Math.Sqrt(2)),
        };
        return cells;
    }

    [Theory]
    [MemberData(nameof(GeneratedCases))]
    public void MatchesLammpsOnTablesWeWrite(string file, string style, string elements, double a, double c, bool hcp) =>
        Oracle.Frozen(() => Generated(file, style, elements, a, c, hcp));

    [SkippableTheory]
    [Trait("Oracle", "lammps")]
    [MemberData(nameof(GeneratedCases))]
    public void MatchesLammpsOnTablesWeWrite_Live(string file, string style, string elements, double a, double c, bool hcp) =>
        Oracle.Live("lammps", () => Generated(file, style, elements, a, c, hcp));

    [SkippableTheory]
    [Trait("Oracle", "lammps")]
    [MemberData(nameof(Cases))]
    public void MatchesLammps_Live(string file, string style, string elements, double a, double c, bool hcp) =>
        Oracle.Live("lammps, lammps-data", () => Check(Path.Combine(Oracle.LammpsPotentials, file), style, elements, a, c, hcp));

    private static void Generated(string file, string style, string elements, double a, double c, bool hcp)
    {
        var species = elements.Split(' ');
        var format = style == "eam/fs" ? EamFileFormat.FinnisSinclair : EamFileFormat.Setfl;
        var dir = Directory.CreateTempSubdirectory("atomcuration-eam-");
        try
        {
            string path = Path.Combine(dir.FullName, file);
            File.WriteAllText(path, GeneratedEam.Text(ZhouJohnsonWadley.Published(species), format));
            Check(path, style, elements, a, c, hcp);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static void Check(string path, string style, string elements, double a, double c, bool hcp)
    {
        string file = Path.GetFileName(path);
        var potential = EamFileReader.Read(path);
        var species = elements.Split(' ');
        var cells = CellsFor(species, a, c, hcp, file.Length * 7919);
        var reference = LammpsEamOracle.Run(style, path, species, cells);
        var ours = EamEvaluator.EvaluateMany(potential, cells).ToList();
        for (int k = 0; k < cells.Count; k++)
        {
            var s = cells[k];
            var r = reference[k];
            var o = ours[k];
            Assert.True(Math.Abs(o.Energy - r.Energy) / s.AtomCount < 1e-6, $"{file} cell {k}: energy/atom {o.Energy / s.AtomCount} vs LAMMPS {r.Energy / s.AtomCount}");
            for (int i = 0; i < s.AtomCount; i++)
            {
                Assert.True(Math.Abs(o.AtomEnergies[i] - r.AtomEnergies[i]) < 1e-6, $"{file} cell {k} atom {i}: energy {o.AtomEnergies[i]} vs {r.AtomEnergies[i]}");
                var d = o.Forces[i] - r.Forces[i];
                Assert.True(Math.Max(Math.Abs(d.X), Math.Max(Math.Abs(d.Y), Math.Abs(d.Z))) < 1e-5,
                    $"{file} cell {k} atom {i}: force {o.Forces[i]} vs LAMMPS {r.Forces[i]}");
            }
            var stress = o.Stress!.Value;
            for (int v = 0; v < 6; v++)
            {
                double ourGPa = stress[v] * Voigt.EvPerCubicAngstromToGPa;
                double lammpsGPa = LammpsEamOracle.BarToStressGPa(r.PressureBar[v]);
                Assert.True(Math.Abs(ourGPa - lammpsGPa) < 1e-4, $"{file} cell {k}: stress[{v}] {ourGPa} GPa vs LAMMPS {lammpsGPa} GPa");
            }
        }
    }
}
