using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Energy, forces and stress of an <see cref="EamPotential"/> on structures whose half neighbour
/// lists were flattened once into an <see cref="EamTrainingSet"/> (pairs i &lt; j as (i, j, r, unit vector)).
/// The same three passes as <see cref="EamEvaluator"/> (densities; F and F′; pair forces), in the same
/// pair order, without a neighbour search: the fitter and the selection studies evaluate the same
/// structures under many potentials. Force on i from pair (i, j): (dE/dr)·û with û = (r_j − r_i)/r.
/// </summary>
internal static class EamPreparedEvaluator
{
    /// <summary>Reusable per-thread buffers.</summary>
    internal sealed class Workspace
    {
        public double[] Rho = [];
        public double[] Fp = [];
        public Vec3[] Forces = [];
        public double[] DrhoAtI = [];
        public double[] DrhoAtJ = [];

        public void Ensure(int n, int pairs)
        {
            if (DrhoAtI.Length < pairs)
            {
                DrhoAtI = new double[pairs];
                DrhoAtJ = new double[pairs];
            }
            if (Rho.Length >= n) return;
            Rho = new double[n];
            Fp = new double[n];
            Forces = new Vec3[n];
        }
    }

    /// <summary>Index into the potential's elements of each of the set's species (−1 when the potential lacks it).</summary>
    public static int[] SpeciesMap(EamPotential potential, EamTrainingSet data) =>
        data.AtomicNumbers.Select(potential.IndexOf).ToArray();

    /// <summary>Evaluates one prepared structure; forces land in <c>work.Forces[0..Count)</c>, densities in <c>work.Rho</c>.</summary>
    /// <param name="potential">The potential (its cutoff must not exceed the one the pairs were built with).</param>
    /// <param name="item">The prepared structure.</param>
    /// <param name="map">From <see cref="SpeciesMap"/>; every species the item holds must map.</param>
    /// <param name="work">Buffers.</param>
    /// <param name="virial">W = Σ (r_i − r_j) ⊗ f_i.</param>
    /// <returns>The total energy (eV).</returns>
    public static double Evaluate(EamPotential potential, EamTrainingSet.Item item, int[] map, Workspace work, out Voigt virial)
    {
        int n = item.Count;
        work.Ensure(n, item.R.Length);
        // ρ′ of every pair is kept from the density pass for the force pass (one spline evaluation fewer per pair).
        var drhoAtI = work.DrhoAtI;
        var drhoAtJ = work.DrhoAtJ;
        var rho = work.Rho.AsSpan(0, n);
        var fp = work.Fp.AsSpan(0, n);
        var forces = work.Forces.AsSpan(0, n);
        rho.Clear();
        forces.Clear();
        var type = item.Type;
        var I = item.I;
        var J = item.J;
        var R = item.R;
        var U = item.U;
        double cutoff = potential.Cutoff;
        for (int p = 0; p < R.Length; p++)
        {
            double r = R[p];
            if (r >= cutoff) continue;
            int i = I[p], j = J[p];
            int ti = map[type[i]], tj = map[type[j]];
            var atI = potential.Density(ti, tj);
            var atJ = potential.Density(tj, ti);
            double v = atI.Evaluate(r, out drhoAtI[p]);
            rho[i] += v;
            if (ReferenceEquals(atI, atJ))
            {
                rho[j] += v;
                drhoAtJ[p] = drhoAtI[p];
            }
            else rho[j] += atJ.Evaluate(r, out drhoAtJ[p]);
        }
        double energy = 0;
        for (int i = 0; i < n; i++) energy += potential.Embedding(map[type[i]]).Evaluate(rho[i], out fp[i]);
        double wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
        for (int p = 0; p < R.Length; p++)
        {
            double r = R[p];
            if (r >= cutoff) continue;
            int i = I[p], j = J[p];
            int ti = map[type[i]], tj = map[type[j]];
            double phi = potential.Pair(ti, tj).Evaluate(r, out double dphi);
            double dEdr = dphi + fp[i] * drhoAtI[p] + fp[j] * drhoAtJ[p];
            energy += phi;
            var u = U[p];
            var f = dEdr * u;
            forces[i] += f;
            forces[j] -= f;
            double s = dEdr * r; // −W contributions: dE/dr · r û⊗û
            wxx -= s * u.X * u.X; wyy -= s * u.Y * u.Y; wzz -= s * u.Z * u.Z;
            wyz -= s * u.Y * u.Z; wxz -= s * u.X * u.Z; wxy -= s * u.X * u.Y;
        }
        virial = new Voigt(wxx, wyy, wzz, wyz, wxz, wxy);
        return energy;
    }

    /// <summary>Total energies of every item of <paramref name="data"/>, in order (parallel over items).</summary>
    public static double[] Energies(EamPotential potential, EamTrainingSet data, int degree)
    {
        var map = SpeciesMap(potential, data);
        var result = new double[data.Items.Length];
        var local = new ThreadLocal<Workspace>(() => new Workspace());
        OrderedParallel.For(data.Items.Length, s => result[s] = Evaluate(potential, data.Items[s], map, local.Value!, out _), degree);
        local.Dispose();
        return result;
    }
}
