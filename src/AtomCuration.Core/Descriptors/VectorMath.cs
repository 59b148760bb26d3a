using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors;

/// <summary>
/// Four-wide double-precision exp, cosine cutoff and dot product for descriptor kernels (System.Numerics.Tensors
/// evaluates double exp one element at a time). Range reduction plus Taylor polynomials carried
/// past double precision: relative error within a few ulp of Math.Exp / Math.Cos (tested).
/// </summary>
internal static class VectorMath
{
    /// <summary>
    /// Σ aᵢbᵢ over two spans of equal length: two four-wide accumulators, then the scalar tail. SOAP projects every
    /// atom's density with it (per species, n and lm). It replaces TensorPrimitives.Dot there because that one's generic
    /// Vector512 loop is too large to inline into a method compiled at first call, so in a fresh pwsh it ran as tier-0
    /// code (every vector operation a call) through most of the first pool: about 0.5 s of CPU on the bundled Cu sample
    /// (perf, bench/README.md "Cold start"). The sum is the same up to rounding order (a few ulp).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("The spans differ in length.", nameof(b));
        ref double x = ref MemoryMarshal.GetReference(a);
        ref double y = ref MemoryMarshal.GetReference(b);
        int n = a.Length, i = 0;
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        for (; i + 8 <= n; i += 8)
        {
            s0 += Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.LoadUnsafe(ref y, (nuint)i);
            s1 += Vector256.LoadUnsafe(ref x, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref y, (nuint)(i + 4));
        }
        if (i + 4 <= n)
        {
            s0 += Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.LoadUnsafe(ref y, (nuint)i);
            i += 4;
        }
        double sum = Vector256.Sum(s0 + s1);
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.693147180369123816490;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Shifter = 6755399441055744.0; // 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits

    /// <summary>
    /// e^x per lane for x ≤ 0: arguments below −700 give
    /// e^−700 ≈ 1e−304 instead of 0 or a denormal; degree-12 series, truncation below 2e−16 relative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        x = Vector256.Max(x, Vector256.Create(-700.0));
        var t = x * Vector256.Create(Log2E) + Vector256.Create(Shifter);
        var k = t - Vector256.Create(Shifter);
        var r = x - k * Vector256.Create(Ln2Hi) - k * Vector256.Create(Ln2Lo);
        var p = Vector256.Create(1.0 / 479001600);
        p = p * r + Vector256.Create(1.0 / 39916800);
        p = p * r + Vector256.Create(1.0 / 3628800);
        p = p * r + Vector256.Create(1.0 / 362880);
        p = p * r + Vector256.Create(1.0 / 40320);
        p = p * r + Vector256.Create(1.0 / 5040);
        p = p * r + Vector256.Create(1.0 / 720);
        p = p * r + Vector256.Create(1.0 / 120);
        p = p * r + Vector256.Create(1.0 / 24);
        p = p * r + Vector256.Create(1.0 / 6);
        p = p * r + Vector256.Create(0.5);
        p = p * r + Vector256.Create(1.0);
        p = p * r + Vector256.Create(1.0);
        var bits = (t.AsInt64() - Vector256.Create(Shifter).AsInt64() + Vector256.Create(1023L)) << 52;
        return p * bits.AsDouble();
    }

    /// <summary>Behler's cutoff ½[cos(πr/Rc) + 1] per lane, 0 for r ≥ Rc (r ≥ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CosineCutoff(Vector256<double> r, double cutoff)
    {
        // cos(πr/Rc) = −sin(y) with y = πr/Rc − π/2 ∈ [−π/2, π/2]; odd Taylor series to y²³.
        var y = Vector256.Min(r, Vector256.Create(cutoff)) * Vector256.Create(Math.PI / cutoff) - Vector256.Create(Math.PI / 2);
        var y2 = y * y;
        var s = Vector256.Create(1.0 / 25852016738884976640000.0);
        s = s * y2 - Vector256.Create(1.0 / 51090942171709440000.0);
        s = s * y2 + Vector256.Create(1.0 / 121645100408832000.0);
        s = s * y2 - Vector256.Create(1.0 / 355687428096000.0);
        s = s * y2 + Vector256.Create(1.0 / 1307674368000.0);
        s = s * y2 - Vector256.Create(1.0 / 6227020800.0);
        s = s * y2 + Vector256.Create(1.0 / 39916800.0);
        s = s * y2 - Vector256.Create(1.0 / 362880.0);
        s = s * y2 + Vector256.Create(1.0 / 5040.0);
        s = s * y2 - Vector256.Create(1.0 / 120.0);
        s = s * y2 + Vector256.Create(1.0 / 6.0);
        s = s * y2 - Vector256.Create(1.0);
        // s = −sin(y)/y; fc = ½(1 − sin y) = ½(1 + s·y).
        return Vector256.Create(0.5) * (Vector256.Create(1.0) + s * y);
    }

    /// <summary>Four doubles from <paramref name="array"/>[index…index+3] without bounds checks: callers pad their arrays to whole chunks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(double[] array, int index)
    {
        System.Diagnostics.Debug.Assert(index + 4 <= array.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(array), (nuint)index);
    }
}
