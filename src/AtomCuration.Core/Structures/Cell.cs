using System.Globalization;

namespace AtomCuration.Structures;

/// <summary>
/// A simulation cell: three lattice vectors as rows (Å). A Cartesian position r and its
/// fractional coordinates f are related by r = f₀a + f₁b + f₂c (ASE's convention).
/// A zero cell stands for "no cell" (a molecule).
/// </summary>
public sealed class Cell : IEquatable<Cell>
{
    private readonly double _i00, _i01, _i02, _i10, _i11, _i12, _i20, _i21, _i22;

    /// <summary>Creates a cell from its three lattice vectors.</summary>
    public Cell(Vec3 a, Vec3 b, Vec3 c)
    {
        if (!a.IsFinite || !b.IsFinite || !c.IsFinite)
            throw new ArgumentException("Cell vectors must be finite numbers.");
        A = a;
        B = b;
        C = c;
        Determinant = Vec3.Dot(a, Vec3.Cross(b, c));
        if (Determinant != 0)
        {
            // Inverse of the row matrix H = [a; b; c]: columns are (b×c, c×a, a×b)/det.
            var bc = Vec3.Cross(b, c) / Determinant;
            var ca = Vec3.Cross(c, a) / Determinant;
            var ab = Vec3.Cross(a, b) / Determinant;
            _i00 = bc.X; _i01 = ca.X; _i02 = ab.X;
            _i10 = bc.Y; _i11 = ca.Y; _i12 = ab.Y;
            _i20 = bc.Z; _i21 = ca.Z; _i22 = ab.Z;
        }
    }

    /// <summary>A cell from a row-major 3×3 array of its vectors.</summary>
    public static Cell FromRows(ReadOnlySpan<double> m)
    {
        if (m.Length != 9) throw new ArgumentException("A cell needs 9 numbers.", nameof(m));
        return new Cell(new Vec3(m[0], m[1], m[2]), new Vec3(m[3], m[4], m[5]), new Vec3(m[6], m[7], m[8]));
    }

    /// <summary>
    /// A cell from lengths (Å) and angles (degrees), oriented as ASE does: a along x,
    /// b in the xy plane.
    /// </summary>
    public static Cell FromParameters(double a, double b, double c, double alpha, double beta, double gamma)
    {
        static double Cos(double deg) => Math.Abs(deg - 90) < 1e-12 ? 0 : Math.Cos(deg * Math.PI / 180);
        double ca = Cos(alpha), cb = Cos(beta), cg = Cos(gamma);
        double sg = Math.Sin(gamma * Math.PI / 180);
        var va = new Vec3(a, 0, 0);
        var vb = new Vec3(b * cg, b * sg, 0);
        double cx = cb, cy = (ca - cb * cg) / sg;
        double cz2 = 1 - cx * cx - cy * cy;
        if (cz2 <= 0) throw new ArgumentException("These cell angles do not form a cell.");
        var vc = new Vec3(c * cx, c * cy, c * Math.Sqrt(cz2));
        return new Cell(va, vb, vc);
    }

    /// <summary>The empty cell (no lattice; a molecule).</summary>
    public static Cell Empty { get; } = new(Vec3.Zero, Vec3.Zero, Vec3.Zero);

    /// <summary>First lattice vector (Å).</summary>
    public Vec3 A { get; }

    /// <summary>Second lattice vector (Å).</summary>
    public Vec3 B { get; }

    /// <summary>Third lattice vector (Å).</summary>
    public Vec3 C { get; }

    /// <summary>Lattice vector 0, 1 or 2.</summary>
    public Vec3 this[int i] => i switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(i), i, "Lattice vector index must be 0, 1 or 2."),
    };

    /// <summary>Signed triple product a·(b×c) (Å³).</summary>
    public double Determinant { get; }

    /// <summary>Cell volume |a·(b×c)| (Å³).</summary>
    public double Volume => Math.Abs(Determinant);

    /// <summary>True when the three vectors span space.</summary>
    public bool IsFullRank => Determinant != 0;

    /// <summary>Lengths of a, b, c (Å).</summary>
    public Vec3 Lengths => new(A.Length, B.Length, C.Length);

    /// <summary>Angles α (b,c), β (a,c), γ (a,b) in degrees.</summary>
    public Vec3 Angles => new(Angle(B, C), Angle(A, C), Angle(A, B));

    private static double Angle(Vec3 u, Vec3 v)
    {
        double n = u.Length * v.Length;
        return n == 0 ? 90 : Math.Acos(Math.Clamp(Vec3.Dot(u, v) / n, -1, 1)) * 180 / Math.PI;
    }

    /// <summary>
    /// Distance between the two lattice planes spanned by the other two vectors, for each
    /// axis: V/|b×c|, V/|c×a|, V/|a×b|. A sphere of radius r fits in the cell along axis i
    /// when r ≤ height_i / 2.
    /// </summary>
    public Vec3 PlaneSpacings
    {
        get
        {
            if (!IsFullRank) return Vec3.Zero;
            return new Vec3(Volume / Vec3.Cross(B, C).Length, Volume / Vec3.Cross(C, A).Length,
                Volume / Vec3.Cross(A, B).Length);
        }
    }

    /// <summary>Fractional coordinates of a Cartesian position.</summary>
    public Vec3 ToFractional(Vec3 r)
    {
        if (!IsFullRank) throw new InvalidOperationException("A singular cell has no fractional coordinates.");
        return new Vec3(
            r.X * _i00 + r.Y * _i10 + r.Z * _i20,
            r.X * _i01 + r.Y * _i11 + r.Z * _i21,
            r.X * _i02 + r.Y * _i12 + r.Z * _i22);
    }

    /// <summary>Cartesian position of fractional coordinates.</summary>
    public Vec3 ToCartesian(Vec3 f) => f.X * A + f.Y * B + f.Z * C;

    /// <summary>
    /// Reciprocal vectors as rows, without the 2π: aᵢ·bⱼ = δᵢⱼ (as ASE's <c>cell.reciprocal()</c>).
    /// </summary>
    public Cell Reciprocal()
    {
        if (!IsFullRank) throw new InvalidOperationException("A singular cell has no reciprocal.");
        return new Cell(new Vec3(_i00, _i10, _i20), new Vec3(_i01, _i11, _i21), new Vec3(_i02, _i12, _i22));
    }

    /// <summary>Wraps a position into the cell along the periodic axes (fractional in [0, 1)).</summary>
    public Vec3 Wrap(Vec3 r, Pbc pbc)
    {
        if (!pbc.Any) return r;
        var f = ToFractional(r);
        static double W(double x, bool p)
        {
            if (!p) return x;
            double w = x - Math.Floor(x);
            return w >= 1 ? 0 : w;
        }
        return ToCartesian(new Vec3(W(f.X, pbc.A), W(f.Y, pbc.B), W(f.Z, pbc.C)));
    }

    /// <summary>Row-major 3×3 array of the lattice vectors.</summary>
    public double[] ToRows() => [A.X, A.Y, A.Z, B.X, B.Y, B.Z, C.X, C.Y, C.Z];

    /// <inheritdoc />
    public bool Equals(Cell? other) => other is not null && A == other.A && B == other.B && C == other.C;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Cell);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(A, B, C);

    /// <inheritdoc />
    public override string ToString()
    {
        var l = Lengths;
        var g = Angles;
        return string.Create(CultureInfo.InvariantCulture,
            $"Cell(a={l.X:F4}, b={l.Y:F4}, c={l.Z:F4}, α={g.X:F2}, β={g.Y:F2}, γ={g.Z:F2})");
    }
}
