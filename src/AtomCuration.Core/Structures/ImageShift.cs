namespace AtomCuration.Structures;

/// <summary>Integer lattice translation (in units of the cell vectors) of a periodic image.</summary>
public readonly record struct ImageShift(int A, int B, int C)
{
    /// <summary>True for the zero shift (the atom itself, not an image).</summary>
    public bool IsZero => A == 0 && B == 0 && C == 0;

    /// <summary>Negated shift.</summary>
    public static ImageShift operator -(ImageShift s) => new(-s.A, -s.B, -s.C);

    /// <summary>True when the shift is lexicographically positive (used to halve self-image pairs).</summary>
    public bool IsPositive => A > 0 || (A == 0 && (B > 0 || (B == 0 && C > 0)));

    /// <summary>Cartesian translation for a cell.</summary>
    public Vec3 ToCartesian(Cell cell) => A * cell.A + B * cell.B + C * cell.C;
}
