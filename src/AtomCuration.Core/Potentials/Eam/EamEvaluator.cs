using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Energies, per-atom energies, forces, virial and stress of an <see cref="EamPotential"/>
/// for any <see cref="Structure"/> (periodic or not, small or triclinic: the neighbour list
/// holds every image inside the cutoff). Works on a half neighbour list in three passes —
/// densities, embedding energies and their derivatives F′(ρ), then pair forces — as LAMMPS does.
/// </summary>
public static class EamEvaluator
{
    /// <summary>Evaluates one structure.</summary>
    /// <exception cref="ArgumentException">The structure holds an element the potential does not describe.</exception>
    public static EamResult Evaluate(EamPotential potential, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(structure);
        int n = structure.Count;
        var type = SpeciesIndices(potential, structure);
        var list = NeighborList.Build(structure, potential.Cutoff, half: true);
        var rho = new double[n];
        for (int i = 0; i < n; i++)
        {
            var js = list.IndicesOf(i);
            var ds = list.DistancesOf(i);
            int ti = type[i];
            for (int k = 0; k < js.Length; k++)
            {
                int j = js[k];
                var atI = potential.Density(ti, type[j]);
                var atJ = potential.Density(type[j], ti);
                double v = atI.Evaluate(ds[k], out _);
                rho[i] += v;
                rho[j] += ReferenceEquals(atI, atJ) ? v : atJ.Evaluate(ds[k], out _);
            }
        }

        var atomEnergy = new double[n];
        var fp = new double[n];
        for (int i = 0; i < n; i++) atomEnergy[i] = potential.Embedding(type[i]).Evaluate(rho[i], out fp[i]);

        var forces = new Vec3[n];
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int i = 0; i < n; i++)
        {
            var js = list.IndicesOf(i);
            var ds = list.DistancesOf(i);
            var vs = list.VectorsOf(i);
            int ti = type[i];
            for (int k = 0; k < js.Length; k++)
            {
                int j = js[k], tj = type[j];
                double r = ds[k];
                double phi = potential.Pair(ti, tj).Evaluate(r, out double dphi);
                var atI = potential.Density(ti, tj);
                var atJ = potential.Density(tj, ti);
                atI.Evaluate(r, out double drhoAtI);
                double drhoAtJ = drhoAtI;
                if (!ReferenceEquals(atI, atJ)) atJ.Evaluate(r, out drhoAtJ); // one species: the same function at the same r
                double dEdr = dphi + fp[i] * drhoAtI + fp[j] * drhoAtJ;
                atomEnergy[i] += 0.5 * phi;
                atomEnergy[j] += 0.5 * phi;
                var d = vs[k]; // r_j − r_i
                double s = dEdr / r;
                var f = s * d;   // force on i; −f on j
                forces[i] += f;
                forces[j] -= f;
                // W = Σ (r_i − r_j) ⊗ f_i = −Σ dE/dr · D⊗D / r
                wxx -= s * d.X * d.X; wyy -= s * d.Y * d.Y; wzz -= s * d.Z * d.Z;
                wyz -= s * d.Y * d.Z; wxz -= s * d.X * d.Z; wxy -= s * d.X * d.Y;
            }
        }
        double energy = 0;
        for (int i = 0; i < n; i++) energy += atomEnergy[i];
        var virial = new Voigt(wxx, wyy, wzz, wyz, wxz, wxy);
        Voigt? stress = structure.Pbc.A && structure.Pbc.B && structure.Pbc.C ? (-1.0 / structure.Cell.Volume) * virial : null;
        return new EamResult(energy, atomEnergy, forces, virial, stress, rho);
    }

    /// <summary>Evaluates many structures in parallel, results in input order.</summary>
    /// <param name="potential">The potential.</param>
    /// <param name="structures">Input, read lazily.</param>
    /// <param name="degree">Threads; 0 or less means all cores.</param>
    /// <param name="cancellation">Observed between structures.</param>
    public static IEnumerable<EamResult> EvaluateMany(EamPotential potential, IEnumerable<Structure> structures, int degree = 0,
        CancellationToken cancellation = default) =>
        OrderedParallel.Map(structures, s => Evaluate(potential, s), degree, cancellation);

    /// <summary>Species index (into <see cref="EamPotential.Elements"/>) of every atom.</summary>
    /// <exception cref="ArgumentException">An element is not described by the potential.</exception>
    public static int[] SpeciesIndices(EamPotential potential, Structure structure)
    {
        var type = new int[structure.Count];
        for (int i = 0; i < type.Length; i++)
        {
            int z = structure.AtomicNumbers[i];
            type[i] = potential.IndexOf(z);
            if (type[i] < 0)
                throw new ArgumentException(
                    $"{structure.Id}: element {AtomCuration.Structures.Elements.FromZ(z).Symbol} is not in the potential ({string.Join(" ", potential.Elements.Select(e => e.Symbol))}).");
        }
        return type;
    }
}
