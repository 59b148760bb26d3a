using System.Text.Json;
using AtomCuration.Structures;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Potentials;

/// <summary>Runs tests/oracles/lammps_eam.py (Debian's lmp) on structures.</summary>
internal static class LammpsEamOracle
{
    public sealed record Result(double Energy, double[] AtomEnergies, Vec3[] Forces, double[] PressureBar);

    /// <summary>LAMMPS results; <paramref name="style"/> is eam, eam/alloy or eam/fs.</summary>
    public static List<Result> Run(string style, string potentialPath, string[] elements, IReadOnlyList<Structure> structures)
    {
        var input = new
        {
            style,
            potential = potentialPath,
            elements,
            structures = structures.Select(s => new
            {
                cell = s.Cell.ToRows(),
                positions = s.Positions.Select(p => new[] { p.X, p.Y, p.Z }).ToArray(),
                symbols = s.Symbols.ToArray(),
            }).ToArray(),
        };
        using var doc = PythonOracle.Run("lammps_eam.py", input);
        var list = new List<Result>();
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            list.Add(new Result(
                r.GetProperty("energy").GetDouble(),
                r.GetProperty("atom_energies").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
                r.GetProperty("forces").EnumerateArray().Select(f => new Vec3(f[0].GetDouble(), f[1].GetDouble(), f[2].GetDouble())).ToArray(),
                r.GetProperty("pressure").EnumerateArray().Select(x => x.GetDouble()).ToArray()));
        }
        return list;
    }

    /// <summary>LAMMPS metal pressure (bar) to ASE-sign stress in GPa: stress = −P, 1 bar = 1e-4 GPa.</summary>
    public static double BarToStressGPa(double pressureBar) => -pressureBar * 1e-4;
}
