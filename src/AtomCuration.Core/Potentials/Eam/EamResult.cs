using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>What an EAM potential predicts for one structure.</summary>
/// <param name="Energy">Total energy (eV).</param>
/// <param name="AtomEnergies">Per-atom energy F(ρᵢ) + ½Σⱼφ(r_ij) (eV); they sum to <paramref name="Energy"/>.</param>
/// <param name="Forces">Forces −∂E/∂rᵢ (eV/Å).</param>
/// <param name="Virial">Virial W = Σ_pairs r_ij ⊗ f_ij (eV), LAMMPS's sign: positive when the pairs push apart.</param>
/// <param name="Stress">Stress −W/V (eV/Å³, ASE sign, Voigt), or null when the structure is not periodic in all three directions.</param>
/// <param name="Densities">Host electron density ρᵢ of every atom.</param>
public sealed record EamResult(double Energy, double[] AtomEnergies, Vec3[] Forces, Voigt Virial, Voigt? Stress, double[] Densities)
{
    /// <summary>Energy per atom (eV/atom).</summary>
    public double EnergyPerAtom => Energy / AtomEnergies.Length;
}
