namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The universal screened-Coulomb repulsion of Ziegler, Biersack and Littmark (J. F. Ziegler,
/// J. P. Biersack, U. Littmark, <i>The Stopping and Range of Ions in Solids</i>, Pergamon 1985):
/// φ(r) = (Z_a Z_b e²/4πε₀) / r · Σᵢ cᵢ exp(−dᵢ r/a), with the universal screening length
/// a = 0.8854 a₀ / (Z_a^0.23 + Z_b^0.23) = 0.46850 Å / (Z_a^0.23 + Z_b^0.23) (a₀ the Bohr radius;
/// 0.46850 Å is the value LAMMPS's <c>pair_style zbl</c> uses, checked against it), e²/4πε₀ = 14.399645 eV·Å and
/// (cᵢ, dᵢ) = (0.18175, 3.19980), (0.50986, 0.94229), (0.28022, 0.40290), (0.02817, 0.20162).
/// It describes two nuclei pushed well inside their electron shells (r ≲ 1 Å) and is the
/// physically grounded short-range limit every pair term should reach.
/// </summary>
public sealed class ZblRepulsion : IRadialFunction
{
    /// <summary>e²/4πε₀ in eV·Å (CODATA 2018).</summary>
    public const double CoulombConstant = 14.399645;

    /// <summary>0.8854 a₀ in Å, as tabulated (0.46850 Å).</summary>
    public const double ScreeningLengthPrefactor = 0.46850;

    private static readonly double[] C = [0.18175, 0.50986, 0.28022, 0.02817];
    private static readonly double[] D = [3.19980, 0.94229, 0.40290, 0.20162];
    private readonly double _prefactor;

    /// <summary>The repulsion between nuclei of atomic numbers <paramref name="za"/> and <paramref name="zb"/>.</summary>
    public ZblRepulsion(int za, int zb)
    {
        if (za < 1 || zb < 1) throw new ArgumentOutOfRangeException(nameof(za), "Atomic numbers must be positive.");
        Za = za;
        Zb = zb;
        ScreeningLength = ScreeningLengthPrefactor / (Math.Pow(za, 0.23) + Math.Pow(zb, 0.23));
        _prefactor = CoulombConstant * za * zb;
    }

    /// <summary>Atomic number of the first nucleus.</summary>
    public int Za { get; }

    /// <summary>Atomic number of the second nucleus.</summary>
    public int Zb { get; }

    /// <summary>The universal screening length a (Å).</summary>
    public double ScreeningLength { get; }

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative) => Evaluate(r, out derivative, out _);

    /// <summary>Value (eV), first (eV/Å) and second (eV/Å²) derivative at r &gt; 0.</summary>
    public double Evaluate(double r, out double derivative, out double curvature)
    {
        // φ = k S(r)/r with S = Σ cᵢ e^{−dᵢ r/a}: φ′ = k(S′/r − S/r²), φ″ = k(S″/r − 2S′/r² + 2S/r³).
        double s = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < C.Length; i++)
        {
            double q = D[i] / ScreeningLength;
            double term = C[i] * Math.Exp(-q * r);
            s += term;
            s1 -= q * term;
            s2 += q * q * term;
        }
        double inv = 1.0 / r;
        derivative = _prefactor * (s1 - s * inv) * inv;
        curvature = _prefactor * (s2 - 2 * s1 * inv + 2 * s * inv * inv) * inv;
        return _prefactor * s * inv;
    }
}
