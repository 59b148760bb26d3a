using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Angular geometry of a site's first neighbours, shared by every order parameter of every
/// coordination number (the neighbours of CN n are the first n): for each ordered pair (j, k)
/// cos θ_jk = r̂_j·r̂_k (clamped to [−1, 1]), θ_jk, and the unit component of r̂_k orthogonal
/// to r̂_j (Gram–Schmidt; absent when r̂_k is parallel to r̂_j within 1e-12, as in pymatgen), and the
/// azimuth ψ_jk of that component in a fixed basis of the plane orthogonal to r̂_j, as the harmonics
/// cos tψ_jk, sin tψ_jk (t = 1…<see cref="MaxHarmonic"/>). The azimuth between neighbours k and m about j is
/// φ = |ψ_jk − ψ_jm|, so cos tφ = cos tψ_jk cos tψ_jm + sin tψ_jk sin tψ_jm: a sum over m of f_m cos tφ_km is two
/// sums over m, taken once per j (see <see cref="MotifOrderParameter"/>).
/// </summary>
internal sealed class NeighborAngles
{
    /// <summary>Largest neighbour count stored (order parameters exist up to CN 12).</summary>
    public const int Capacity = 12;

    private readonly double[] _cos = new double[Capacity * Capacity];
    private readonly double[] _theta = new double[Capacity * Capacity];
    private readonly Vec3[] _axis = new Vec3[Capacity * Capacity];
    private readonly bool[] _hasAxis = new bool[Capacity * Capacity];
    private readonly double[] _cosHarmonic = new double[Capacity * Capacity * MaxHarmonic];
    private readonly double[] _sinHarmonic = new double[Capacity * Capacity * MaxHarmonic];

    /// <summary>Highest azimuth harmonic stored (the motifs use 2·fac_AA ≤ 6 and the bcc cubic).</summary>
    public const int MaxHarmonic = 6;

    /// <summary>Number of neighbours stored.</summary>
    public int Count { get; private set; }

    /// <summary>Fills the tables for unit vectors <paramref name="u"/> (at most <see cref="Capacity"/> are used).</summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(ReadOnlySpan<Vec3> u)
    {
        Count = Math.Min(u.Length, Capacity);
        for (int j = 0; j < Count; j++)
        {
            var z = u[j];
            double zz = Vec3.Dot(z, z);
            var (e1, e2) = PlaneBasis(z);
            for (int k = 0; k < Count; k++)
            {
                int s = j * Capacity + k;
                if (k < j)
                {
                    // The dot product is symmetric: the angle was taken when j and k were swapped.
                    _cos[s] = _cos[k * Capacity + j];
                    _theta[s] = _theta[k * Capacity + j];
                }
                else
                {
                    double c = Math.Clamp(Vec3.Dot(z, u[k]), -1.0, 1.0);
                    _cos[s] = c;
                    _theta[s] = Math.Acos(c);
                }
                var x = u[k] - Vec3.Dot(u[k], z) / zz * z;
                double l = x.Length;
                _hasAxis[s] = l >= 1e-12;
                _axis[s] = _hasAxis[s] ? x / l : default;
                if (_hasAxis[s]) Harmonics(Vec3.Dot(_axis[s], e1), Vec3.Dot(_axis[s], e2), s);
            }
        }
    }

    /// <summary>Two orthonormal vectors spanning the plane orthogonal to <paramref name="z"/> (from the coordinate axis least aligned with it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Vec3, Vec3) PlaneBasis(Vec3 z)
    {
        double ax = Math.Abs(z.X), ay = Math.Abs(z.Y), az = Math.Abs(z.Z);
        var t = ax <= ay && ax <= az ? new Vec3(1, 0, 0) : ay <= az ? new Vec3(0, 1, 0) : new Vec3(0, 0, 1);
        var e1 = t - Vec3.Dot(t, z) / Vec3.Dot(z, z) * z;
        e1 /= e1.Length;
        var e2 = Vec3.Cross(z, e1);
        return (e1, e2 / e2.Length);
    }

    /// <summary>cos tψ, sin tψ for t = 1…<see cref="MaxHarmonic"/> from cos ψ, sin ψ (powers of e^{iψ}).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Harmonics(double c, double s, int slot)
    {
        double ct = c, st = s;
        for (int t = 0; t < MaxHarmonic; t++)
        {
            _cosHarmonic[slot * MaxHarmonic + t] = ct;
            _sinHarmonic[slot * MaxHarmonic + t] = st;
            (ct, st) = (ct * c - st * s, st * c + ct * s);
        }
    }

    /// <summary>cos θ_jk.</summary>
    public double Cos(int j, int k) => _cos[j * Capacity + k];

    /// <summary>θ_jk (rad).</summary>
    public double Theta(int j, int k) => _theta[j * Capacity + k];

    /// <summary>True when r̂_k has a component orthogonal to r̂_j.</summary>
    public bool HasAxis(int j, int k) => _hasAxis[j * Capacity + k];

    /// <summary>cos tψ_jk (t = 1…<see cref="MaxHarmonic"/>; requires <see cref="HasAxis"/>).</summary>
    public double CosHarmonic(int j, int k, int t) => _cosHarmonic[(j * Capacity + k) * MaxHarmonic + t - 1];

    /// <summary>sin tψ_jk.</summary>
    public double SinHarmonic(int j, int k, int t) => _sinHarmonic[(j * Capacity + k) * MaxHarmonic + t - 1];

    /// <summary>cos of the azimuth between neighbours k and m seen down r̂_j: the dot of their orthogonal unit components, clamped.</summary>
    public double CosAzimuth(int j, int k, int m) =>
        Math.Clamp(Vec3.Dot(_axis[j * Capacity + k], _axis[j * Capacity + m]), -1.0, 1.0);
}
