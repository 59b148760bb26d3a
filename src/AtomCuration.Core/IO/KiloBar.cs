using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>VASP's stress unit and sign, shared by the OUTCAR, vasprun.xml and pymatgen/mlearn JSON readers.</summary>
internal static class KiloBar
{
    /// <summary>1 GPa in eV/Å³ (CODATA 2014, bit-identical to <c>ase.units.GPa</c> in ASE 3.22).</summary>
    public const double GPa = 1 / Voigt.EvPerCubicAngstromToGPa;

    /// <summary>
    /// VASP prints the stress in kB (0.1 GPa) with pressure positive (compression &gt; 0); the
    /// model uses eV/Å³ with ASE's sign (tension &gt; 0), so σ = −0.1·GPa·p, evaluated in the
    /// order ASE uses (−p·0.1·GPa) so that values agree with ASE to the last bit.
    /// </summary>
    public static Voigt ToStress(double xx, double yy, double zz, double yz, double xz, double xy) =>
        new(Convert(xx), Convert(yy), Convert(zz), Convert(yz), Convert(xz), Convert(xy));

    private static double Convert(double p) => -p * 1e-1 * GPa;
}
