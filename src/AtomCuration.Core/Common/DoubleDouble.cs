namespace AtomCuration.Common;

/// <summary>
/// A double-double number Hi + Lo (|Lo| ≤ ulp(Hi)/2): about 32 significant digits from error-free
/// transformations (Dekker, Knuth; products through fused multiply-add). For the few small, badly
/// conditioned set-up computations where the 16 digits of a double are not enough — the Löwdin
/// orthonormalisation of the SOAP radial bases, whose overlap matrices reach condition numbers of 10¹⁶.
/// Not for inner loops.
/// </summary>
internal readonly struct DoubleDouble
{
    /// <summary>Hi + Lo; the caller guarantees |Lo| ≤ ulp(Hi)/2 (use <see cref="TwoSum"/> otherwise).</summary>
    public DoubleDouble(double hi, double lo = 0)
    {
        Hi = hi;
        Lo = lo;
    }

    /// <summary>The leading double: the value rounded to double precision.</summary>
    public double Hi { get; }

    /// <summary>The rounding error of <see cref="Hi"/>.</summary>
    public double Lo { get; }

    public static implicit operator DoubleDouble(double value) => new(value);

    public static explicit operator double(DoubleDouble value) => value.Hi + value.Lo;

    /// <summary>a + b exactly, as a double-double.</summary>
    public static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    /// <summary>a · b exactly, as a double-double.</summary>
    public static DoubleDouble TwoProduct(double a, double b)
    {
        double p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    private static DoubleDouble Renormalize(double hi, double lo)
    {
        double s = hi + lo;
        return new DoubleDouble(s, lo - (s - hi));
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = TwoSum(a.Hi, b.Hi);
        var t = TwoSum(a.Lo, b.Lo);
        var u = Renormalize(s.Hi, s.Lo + t.Hi);
        return Renormalize(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = TwoProduct(a.Hi, b.Hi);
        return Renormalize(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        var r = a - q1 * b;
        double q2 = r.Hi / b.Hi;
        r -= q2 * b;
        double q3 = r.Hi / b.Hi;
        return Renormalize(q1, q2) + q3;
    }

    /// <summary>√a by one Newton step from the double square root (a ≥ 0).</summary>
    public static DoubleDouble Sqrt(DoubleDouble a)
    {
        if (a.Hi <= 0) return a.Hi == 0 ? new DoubleDouble(0) : new DoubleDouble(double.NaN);
        double x = Math.Sqrt(a.Hi);
        var residual = a - TwoProduct(x, x);
        return Renormalize(x, residual.Hi / (2 * x));
    }

    /// <summary>aⁿ for n ≥ 0 by repeated squaring.</summary>
    public static DoubleDouble Pow(DoubleDouble a, int n)
    {
        DoubleDouble result = 1, power = a;
        for (; n > 0; n >>= 1, power *= power)
            if ((n & 1) != 0) result *= power;
        return result;
    }

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0 ? -a : a;

    public override string ToString() => $"{Hi:R} + {Lo:R}";
}
