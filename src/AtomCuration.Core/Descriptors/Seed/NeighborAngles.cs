using AtomCuration.Structures;

namespace AtomCuration.Descriptors.Seed;

/// <summary>
/// Angular geometry of a site's first neighbours, shared by every order parameter of every
/// coordination number (the neighbours of CN n are the first n): for each ordered pair (j, k)
/// cos θ_jk = r̂_j·r̂_k (clamped to [−1, 1]), θ_jk, and the unit component of r̂_k orthogonal
/// to r̂_j (Gram–Schmidt; absent when r̂_k is parallel to r̂_j within 1e-12, as in pymatgen).
/// </summary>
internal sealed class NeighborAngles
{
    /// <summary>Largest neighbour count stored (order parameters exist up to CN 12).</summary>
    public const int Capacity = 12;

    private readonly double[] _cos = new double[Capacity * Capacity];
    private readonly double[] _theta = new double[Capacity * Capacity];
    private readonly Vec3[] _axis = new Vec3[Capacity * Capacity];
    private readonly bool[] _hasAxis = new bool[Capacity * Capacity];

    /// <summary>Number of neighbours stored.</summary>
    public int Count { get; private set; }

    /// <summary>Fills the tables for unit vectors <paramref name="u"/> (at most <see cref="Capacity"/> are used).</summary>
    public void Set(ReadOnlySpan<Vec3> u)
    {
        Count = Math.Min(u.Length, Capacity);
        for (int j = 0; j < Count; j++)
        {
            var z = u[j];
            double zz = Vec3.Dot(z, z);
            for (int k = 0; k < Count; k++)
            {
                int s = j * Capacity + k;
                double c = Math.Clamp(Vec3.Dot(z, u[k]), -1.0, 1.0);
                _cos[s] = c;
                _theta[s] = Math.Acos(c);
                var x = u[k] - Vec3.Dot(u[k], z) / zz * z;
                double l = x.Length;
                _hasAxis[s] = l >= 1e-12;
                _axis[s] = _hasAxis[s] ? x / l : default;
            }
        }
    }

    /// <summary>cos θ_jk.</summary>
    public double Cos(int j, int k) => _cos[j * Capacity + k];

    /// <summary>θ_jk (rad).</summary>
    public double Theta(int j, int k) => _theta[j * Capacity + k];

    /// <summary>True when r̂_k has a component orthogonal to r̂_j.</summary>
    public bool HasAxis(int j, int k) => _hasAxis[j * Capacity + k];

    /// <summary>cos of the azimuth between neighbours k and m seen down r̂_j: the dot of their orthogonal unit components, clamped.</summary>
    public double CosAzimuth(int j, int k, int m) =>
        Math.Clamp(Vec3.Dot(_axis[j * Capacity + k], _axis[j * Capacity + m]), -1.0, 1.0);
}
