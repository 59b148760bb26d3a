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
    [ThreadStatic] private static double[]? t_densityDerivatives;

    /// <summary>Evaluates one structure.</summary>
    /// <remarks>
    /// The half neighbour list comes from <see cref="NeighborListCache"/>: a structure evaluated again
    /// (the same pool measured after every fit) reuses it; a list too large to cache is built over pooled
    /// buffers. The first pass stores each pair's density derivatives, so the force pass evaluates only the
    /// pair function.
    /// </remarks>
    /// <exception cref="ArgumentException">The structure holds an element the potential does not describe.</exception>
    public static EamResult Evaluate(EamPotential potential, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(potential);
        ArgumentNullException.ThrowIfNull(structure);
        int n = structure.AtomCount;
        var type = SpeciesIndices(potential, structure);
        using var lease = NeighborListCache.Borrow(structure, potential.Cutoff, half: true);
        var list = lease.List;
        int pairs = list.PairCount;
        var offsets = list.Offsets;
        var indices = list.Indices;
        var distances = list.Distances;
        var vectors = list.Vectors;
        // dρ/dr at i due to j, then (when the two densities differ) at j due to i.
        bool oneSpecies = potential.ElementCount == 1;
        // Kept per thread between calls up to 4 M entries (32 MB); a larger structure gets a buffer of its own.
        int needed = (oneSpecies ? 1 : 2) * pairs;
        var drho = t_densityDerivatives is { } held && held.Length >= needed
            ? held
            : GC.AllocateUninitializedArray<double>(Math.Max(needed, 1024));
        if (drho.Length <= 1 << 22) t_densityDerivatives = drho;
        var rho = new double[n];
        if (oneSpecies)
        {
            if (potential.Density(0, 0) is TabulatedFunction table) DensityPass(new Table(table), n, offsets, indices, distances, rho, drho);
            else DensityPass(new Any(potential.Density(0, 0)), n, offsets, indices, distances, rho, drho);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                int ti = type[i];
                for (int k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    int j = indices[k];
                    var atI = potential.Density(ti, type[j]);
                    var atJ = potential.Density(type[j], ti);
                    double v = atI.Evaluate(distances[k], out drho[2 * k]);
                    rho[i] += v;
                    if (ReferenceEquals(atI, atJ))
                    {
                        rho[j] += v;
                        drho[2 * k + 1] = drho[2 * k];
                    }
                    else rho[j] += atJ.Evaluate(distances[k], out drho[2 * k + 1]);
                }
            }
        }

        var atomEnergy = new double[n];
        var fp = new double[n];
        for (int i = 0; i < n; i++) atomEnergy[i] = potential.Embedding(type[i]).Evaluate(rho[i], out fp[i]);

        var forces = new Vec3[n];
        Voigt virial;
        if (oneSpecies)
        {
            var pair = potential.Pair(0, 0);
            virial = pair is PairFromRTimesPhi { RTimesPhi: TabulatedFunction z2 }
                ? ForcePass(new RTimesPhiTable(z2), n, offsets, indices, distances, vectors, fp, drho, atomEnergy, forces)
                : ForcePass(new Any(pair), n, offsets, indices, distances, vectors, fp, drho, atomEnergy, forces);
        }
        else
        {
            double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
            for (int i = 0; i < n; i++)
            {
                int ti = type[i];
                for (int k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    int j = indices[k];
                    double r = distances[k];
                    double phi = potential.Pair(ti, type[j]).Evaluate(r, out double dphi);
                    double dEdr = dphi + fp[i] * drho[2 * k] + fp[j] * drho[2 * k + 1];
                    atomEnergy[i] += 0.5 * phi;
                    atomEnergy[j] += 0.5 * phi;
                    var d = vectors[k]; // r_j − r_i
                    var f = dEdr / r * d;   // force on i; −f on j
                    forces[i] += f;
                    forces[j] -= f;
                    // W = Σ (r_i − r_j) ⊗ f_i = −Σ dE/dr · D⊗D / r
                    wxx -= f.X * d.X; wyy -= f.Y * d.Y; wzz -= f.Z * d.Z;
                    wyz -= f.Y * d.Z; wxz -= f.X * d.Z; wxy -= f.X * d.Y;
                }
            }
            virial = new Voigt(wxx, wyy, wzz, wyz, wxz, wxy);
        }
        double energy = 0;
        for (int i = 0; i < n; i++) energy += atomEnergy[i];
        Voigt? stress = structure.Pbc.A && structure.Pbc.B && structure.Pbc.C ? (-1.0 / structure.Cell.Volume) * virial : null;
        return new EamResult(energy, atomEnergy, forces, virial, stress, rho);
    }

    // The one-species passes are generic over the function kind, so a table read from a setfl file is
    // called directly (and inlined) instead of through the interface.
    private interface IRadial
    {
        double Evaluate(double r, out double derivative);
    }

    private readonly struct Table(TabulatedFunction table) : IRadial
    {
        public double Evaluate(double r, out double derivative) => table.Evaluate(r, out derivative);
    }

    private readonly struct RTimesPhiTable(TabulatedFunction z2) : IRadial
    {
        // φ = z2/r, φ′ = z2′/r − φ/r, as PairFromRTimesPhi and LAMMPS compute it.
        public double Evaluate(double r, out double derivative)
        {
            double z = z2.Evaluate(r, out double zp);
            double recip = 1.0 / r;
            double phi = z * recip;
            derivative = zp * recip - phi * recip;
            return phi;
        }
    }

    private readonly struct Any(IRadialFunction function) : IRadial
    {
        public double Evaluate(double r, out double derivative) => function.Evaluate(r, out derivative);
    }

    private static void DensityPass<TDensity>(TDensity density, int n, ReadOnlySpan<int> offsets, ReadOnlySpan<int> indices,
        ReadOnlySpan<double> distances, double[] rho, double[] drho) where TDensity : struct, IRadial
    {
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            int end = offsets[i + 1];
            for (int k = offsets[i]; k < end; k++)
            {
                double v = density.Evaluate(distances[k], out drho[k]);
                sum += v;
                rho[indices[k]] += v;
            }
            rho[i] += sum;
        }
    }

    private static Voigt ForcePass<TPair>(TPair pair, int n, ReadOnlySpan<int> offsets, ReadOnlySpan<int> indices, ReadOnlySpan<double> distances,
        ReadOnlySpan<Vec3> vectors, double[] fp, double[] drho, double[] atomEnergy, Vec3[] forces) where TPair : struct, IRadial
    {
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int i = 0; i < n; i++)
        {
            double fpi = fp[i];
            double ei = 0;
            var fi = Vec3.Zero;
            int end = offsets[i + 1];
            for (int k = offsets[i]; k < end; k++)
            {
                int j = indices[k];
                double r = distances[k];
                double phi = pair.Evaluate(r, out double dphi);
                double dEdr = dphi + (fpi + fp[j]) * drho[k];
                ei += 0.5 * phi;
                atomEnergy[j] += 0.5 * phi;
                var d = vectors[k]; // r_j − r_i
                var f = dEdr / r * d;   // force on i; −f on j
                fi += f;
                forces[j] -= f;
                // W = Σ (r_i − r_j) ⊗ f_i = −Σ dE/dr · D⊗D / r
                wxx -= f.X * d.X; wyy -= f.Y * d.Y; wzz -= f.Z * d.Z;
                wyz -= f.Y * d.Z; wxz -= f.X * d.Z; wxy -= f.X * d.Y;
            }
            atomEnergy[i] += ei;
            forces[i] += fi;
        }
        return new Voigt(wxx, wyy, wzz, wyz, wxz, wxy);
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
        var type = new int[structure.AtomCount];
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
