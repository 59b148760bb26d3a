namespace AtomCuration.Structures;

/// <summary>
/// A symmetric 3×3 tensor in Voigt order xx, yy, zz, yz, xz, xy — the order ASE uses for
/// stress. Stress carried by a <see cref="Structure"/> is in eV/Å³ with ASE's sign
/// convention: positive is tensile, so a compressed cell has negative diagonal stress.
/// </summary>
public readonly record struct Voigt(double Xx, double Yy, double Zz, double Yz, double Xz, double Xy)
{
    /// <summary>eV/Å³ to GPa.</summary>
    public const double EvPerCubicAngstromToGPa = 160.21766208;

    /// <summary>Component by Voigt index 0…5.</summary>
    public double this[int index] => index switch
    {
        0 => Xx,
        1 => Yy,
        2 => Zz,
        3 => Yz,
        4 => Xz,
        5 => Xy,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Voigt index must be 0…5."),
    };

    /// <summary>From a row-major 3×3 tensor; off-diagonal pairs are averaged.</summary>
    public static Voigt FromMatrix(ReadOnlySpan<double> m)
    {
        if (m.Length != 9) throw new ArgumentException("A 3×3 tensor has 9 components.", nameof(m));
        return new Voigt(m[0], m[4], m[8], 0.5 * (m[5] + m[7]), 0.5 * (m[2] + m[6]), 0.5 * (m[1] + m[3]));
    }

    /// <summary>Row-major 3×3 tensor.</summary>
    public double[] ToMatrix() => [Xx, Xy, Xz, Xy, Yy, Yz, Xz, Yz, Zz];

    /// <summary>Component-wise scaling.</summary>
    public static Voigt operator *(double s, Voigt v) =>
        new(s * v.Xx, s * v.Yy, s * v.Zz, s * v.Yz, s * v.Xz, s * v.Xy);

    /// <summary>Component-wise difference.</summary>
    public static Voigt operator -(Voigt a, Voigt b) =>
        new(a.Xx - b.Xx, a.Yy - b.Yy, a.Zz - b.Zz, a.Yz - b.Yz, a.Xz - b.Xz, a.Xy - b.Xy);

    /// <summary>True when every component is finite.</summary>
    public bool IsFinite =>
        double.IsFinite(Xx) && double.IsFinite(Yy) && double.IsFinite(Zz) &&
        double.IsFinite(Yz) && double.IsFinite(Xz) && double.IsFinite(Xy);
}
