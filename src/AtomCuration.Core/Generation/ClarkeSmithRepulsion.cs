using AtomCuration.Structures;

namespace AtomCuration.Generation;

/// <summary>
/// The short-range excluded-volume term of paper 004 (Karabin and Perez 2022, Eq. 4): the Clarke–Smith pair form
/// <code>
/// φ(r) = E0/(n − m) · [m (r0/r)^n − n (r0/r)^m]   (minimum −E0 at r = r0),
/// </code>
/// truncated at <see cref="Cutoff"/> and shifted to zero there, so that only its repulsive wall remains:
/// E = Σ_{pairs i&lt;j, r &lt; cutoff} [φ(r) − φ(cutoff)] (each pair once, periodic images included).
/// Paper 004: E0 = 1 eV, n = 8, m = 4, r0 = 2.7 Å, cutoff 2.71 Å (Clarke and Smith, J. Chem. Phys. 84, 2290 (1986)).
/// </summary>
/// <param name="E0">Well depth (eV, &gt; 0).</param>
/// <param name="N">Repulsive exponent n (&gt; m).</param>
/// <param name="M">Attractive exponent m (≥ 1).</param>
/// <param name="R0">Position of the minimum (Å).</param>
/// <param name="Cutoff">Truncation radius (Å), where the energy is shifted to zero.</param>
public sealed record ClarkeSmithRepulsion(double E0 = 1.0, int N = 8, int M = 4, double R0 = 2.7, double Cutoff = 2.71)
{
    /// <summary>Checks the parameters.</summary>
    public void Validate()
    {
        if (!(E0 > 0 && double.IsFinite(E0))) throw new ArgumentOutOfRangeException(nameof(E0), E0, "E0 must be positive.");
        if (M < 1 || N <= M || N > 64) throw new ArgumentOutOfRangeException(nameof(N), N, "Exponents need 1 ≤ m < n ≤ 64.");
        if (!(R0 > 0.5 && R0 < 20)) throw new ArgumentOutOfRangeException(nameof(R0), R0, "r0 must be in (0.5, 20) Å.");
        if (!(Cutoff > 0.5 && Cutoff <= 20)) throw new ArgumentOutOfRangeException(nameof(Cutoff), Cutoff, "The cutoff must be in (0.5, 20] Å.");
    }

    /// <summary>The unshifted φ(r).</summary>
    public double Raw(double r)
    {
        double x = R0 / r;
        return E0 / (N - M) * (M * Math.Pow(x, N) - N * Math.Pow(x, M));
    }

    /// <summary>The shifted pair energy φ(r) − φ(cutoff) for r &lt; cutoff, else 0 (eV).</summary>
    public double PairEnergy(double r) => r < Cutoff ? Raw(r) - Raw(Cutoff) : 0;

    /// <summary>dφ/dr for r &lt; cutoff, else 0 (eV/Å).</summary>
    public double PairDerivative(double r)
    {
        if (r >= Cutoff) return 0;
        double x = R0 / r;
        return E0 * N * M / (N - M) * (Math.Pow(x, M) - Math.Pow(x, N)) / r;
    }

    /// <summary>The energy of <paramref name="structure"/>; adds ∂E/∂r_k to <paramref name="gradient"/>[k].</summary>
    public double Evaluate(Structure structure, Span<Vec3> gradient)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return Evaluate(NeighborList.Build(structure, Cutoff).Pairs, gradient);
    }

    /// <summary>
    /// The energy from full neighbour pairs (each pair seen from both atoms; pairs beyond the cutoff skipped):
    /// E = ½ Σ_i Σ_j [φ(r_ij) − φ(cutoff)], and ∂E/∂r_i = −Σ_j φ'(r_ij) D_ij/r_ij, each row adding to its own atom only.
    /// </summary>
    public double Evaluate(NeighborPairs pairs, Span<Vec3> gradient)
    {
        if (gradient.Length != pairs.AtomCount) throw new ArgumentException("Gradient does not match the atoms.", nameof(gradient));
        double shift = Raw(Cutoff), energy = 0;
        for (int i = 0; i < pairs.AtomCount; i++)
        {
            var g = Vec3.Zero;
            for (int p = pairs.Offsets[i]; p < pairs.Offsets[i + 1]; p++)
            {
                double r = pairs.Distances[p];
                if (r >= Cutoff) continue;
                energy += 0.5 * (Raw(r) - shift);
                g += PairDerivative(r) / r * pairs.Vectors[p];
            }
            gradient[i] -= g;
        }
        return energy;
    }
}
