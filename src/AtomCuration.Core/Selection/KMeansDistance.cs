using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AtomCuration.Selection;

/// <summary>
/// Squared Euclidean distances for k-means: the difference form Σ(x − c)², with fused multiply-adds
/// and two independent accumulators per pair (a single one makes every add wait for the previous, which
/// bounds a plain loop by the add latency, not by the arithmetic), and one row against four centres at a
/// time so each piece of the row is loaded once per four centres. The expanded form ‖x‖² + ‖c‖² − 2x·c
/// would be cheaper still but loses digits between nearby points, and Elkan's bounds must be true bounds.
/// A pair gives the same bits whichever method computes it (same order of operations), so the labels do not
/// depend on whether a distance came from a block or alone. Rows padded with zeros to a multiple of
/// <see cref="Lane"/> columns (<see cref="Stride"/>) skip the scalar tail and keep vectors inside a row. Where 512-bit
/// vectors run natively (AVX-512) they take eight columns a step and the 256-bit ones at most the last four: half the
/// instructions per pair. The kernels are optimised at their first call, for the reason given on <see cref="KMeansElkan"/>.
/// </summary>
internal static class KMeansDistance
{
    /// <summary>Doubles per vector.</summary>
    public const int Lane = 4;

    /// <summary>Row length padded up to a multiple of <see cref="Lane"/>.</summary>
    public static int Stride(int d) => (d + Lane - 1) / Lane * Lane;

    /// <summary>|a − b|² over a's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (Vector512.IsHardwareAccelerated) return Squared512(a, b);
        int n = a.Length;
        b = b[..n];
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        Vector256<double> s0 = Vector256<double>.Zero, s1 = s0;
        int i = 0;
        for (; i + 2 * Lane <= n; i += 2 * Lane)
        {
            var x0 = Vector256.LoadUnsafe(ref pa, (nuint)i);
            var x1 = Vector256.LoadUnsafe(ref pa, (nuint)(i + Lane));
            s0 = Square(x0 - Vector256.LoadUnsafe(ref pb, (nuint)i), s0);
            s1 = Square(x1 - Vector256.LoadUnsafe(ref pb, (nuint)(i + Lane)), s1);
        }
        if (i + Lane <= n)
        {
            s0 = Square(Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i), s0);
            i += Lane;
        }
        return Vector256.Sum(s0 + s1) + Tail(a, b, i);
    }

    /// <summary>
    /// |row − c_j|² for the <c>result.Length</c> consecutive centres of <paramref name="centers"/>
    /// (each row.Length long), four at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Squared(ReadOnlySpan<double> row, ReadOnlySpan<double> centers, Span<double> result)
    {
        int n = row.Length, count = result.Length;
        centers = centers[..(count * n)];
        int j = 0;
        for (; j + 4 <= count; j += 4)
            Four(row, centers.Slice(j * n, n), centers.Slice((j + 1) * n, n), centers.Slice((j + 2) * n, n), centers.Slice((j + 3) * n, n),
                result.Slice(j, 4));
        for (; j < count; j++) result[j] = Squared(row, centers.Slice(j * n, n));
    }

    /// <summary>|row − c_t|² for four centres anywhere (each at least row.Length long) into <c>result[0…3]</c>: each piece of the row is loaded once for all four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Four(ReadOnlySpan<double> row, ReadOnlySpan<double> c0, ReadOnlySpan<double> c1, ReadOnlySpan<double> c2, ReadOnlySpan<double> c3,
        Span<double> result)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Four512(row, c0, c1, c2, c3, result);
            return;
        }
        int n = row.Length;
        c0 = c0[..n];
        c1 = c1[..n];
        c2 = c2[..n];
        c3 = c3[..n];
        result = result[..4];
        ref double px = ref MemoryMarshal.GetReference(row);
        ref double p0 = ref MemoryMarshal.GetReference(c0);
        ref double p1 = ref MemoryMarshal.GetReference(c1);
        ref double p2 = ref MemoryMarshal.GetReference(c2);
        ref double p3 = ref MemoryMarshal.GetReference(c3);
        Vector256<double> a0 = Vector256<double>.Zero, b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
        int i = 0;
        for (; i + 2 * Lane <= n; i += 2 * Lane)
        {
            var x0 = Vector256.LoadUnsafe(ref px, (nuint)i);
            var x1 = Vector256.LoadUnsafe(ref px, (nuint)(i + Lane));
            a0 = Square(x0 - Vector256.LoadUnsafe(ref p0, (nuint)i), a0);
            b0 = Square(x1 - Vector256.LoadUnsafe(ref p0, (nuint)(i + Lane)), b0);
            a1 = Square(x0 - Vector256.LoadUnsafe(ref p1, (nuint)i), a1);
            b1 = Square(x1 - Vector256.LoadUnsafe(ref p1, (nuint)(i + Lane)), b1);
            a2 = Square(x0 - Vector256.LoadUnsafe(ref p2, (nuint)i), a2);
            b2 = Square(x1 - Vector256.LoadUnsafe(ref p2, (nuint)(i + Lane)), b2);
            a3 = Square(x0 - Vector256.LoadUnsafe(ref p3, (nuint)i), a3);
            b3 = Square(x1 - Vector256.LoadUnsafe(ref p3, (nuint)(i + Lane)), b3);
        }
        if (i + Lane <= n)
        {
            var x0 = Vector256.LoadUnsafe(ref px, (nuint)i);
            a0 = Square(x0 - Vector256.LoadUnsafe(ref p0, (nuint)i), a0);
            a1 = Square(x0 - Vector256.LoadUnsafe(ref p1, (nuint)i), a1);
            a2 = Square(x0 - Vector256.LoadUnsafe(ref p2, (nuint)i), a2);
            a3 = Square(x0 - Vector256.LoadUnsafe(ref p3, (nuint)i), a3);
            i += Lane;
        }
        result[0] = Vector256.Sum(a0 + b0) + Tail(row, c0, i);
        result[1] = Vector256.Sum(a1 + b1) + Tail(row, c1, i);
        result[2] = Vector256.Sum(a2 + b2) + Tail(row, c2, i);
        result[3] = Vector256.Sum(a3 + b3) + Tail(row, c3, i);
    }

    /// <summary><see cref="Squared(ReadOnlySpan{double}, ReadOnlySpan{double})"/> in 512-bit vectors: eight columns a step, then a last four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Squared512(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        b = b[..n];
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        Vector512<double> s0 = Vector512<double>.Zero, s1 = s0;
        int i = 0;
        for (; i + 4 * Lane <= n; i += 4 * Lane)
        {
            s0 = Square(Vector512.LoadUnsafe(ref pa, (nuint)i) - Vector512.LoadUnsafe(ref pb, (nuint)i), s0);
            s1 = Square(Vector512.LoadUnsafe(ref pa, (nuint)(i + 2 * Lane)) - Vector512.LoadUnsafe(ref pb, (nuint)(i + 2 * Lane)), s1);
        }
        if (i + 2 * Lane <= n)
        {
            s0 = Square(Vector512.LoadUnsafe(ref pa, (nuint)i) - Vector512.LoadUnsafe(ref pb, (nuint)i), s0);
            i += 2 * Lane;
        }
        double sum = Vector512.Sum(s0 + s1);
        if (i + Lane <= n)
        {
            sum += Vector256.Sum(Square(Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i), Vector256<double>.Zero));
            i += Lane;
        }
        return sum + Tail(a, b, i);
    }

    /// <summary><see cref="Four"/> in 512-bit vectors, each pair in the order of <see cref="Squared512"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Four512(ReadOnlySpan<double> row, ReadOnlySpan<double> c0, ReadOnlySpan<double> c1, ReadOnlySpan<double> c2, ReadOnlySpan<double> c3,
        Span<double> result)
    {
        int n = row.Length;
        c0 = c0[..n];
        c1 = c1[..n];
        c2 = c2[..n];
        c3 = c3[..n];
        result = result[..4];
        ref double px = ref MemoryMarshal.GetReference(row);
        ref double p0 = ref MemoryMarshal.GetReference(c0);
        ref double p1 = ref MemoryMarshal.GetReference(c1);
        ref double p2 = ref MemoryMarshal.GetReference(c2);
        ref double p3 = ref MemoryMarshal.GetReference(c3);
        Vector512<double> a0 = Vector512<double>.Zero, b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
        int i = 0;
        for (; i + 4 * Lane <= n; i += 4 * Lane)
        {
            var x0 = Vector512.LoadUnsafe(ref px, (nuint)i);
            var x1 = Vector512.LoadUnsafe(ref px, (nuint)(i + 2 * Lane));
            a0 = Square(x0 - Vector512.LoadUnsafe(ref p0, (nuint)i), a0);
            b0 = Square(x1 - Vector512.LoadUnsafe(ref p0, (nuint)(i + 2 * Lane)), b0);
            a1 = Square(x0 - Vector512.LoadUnsafe(ref p1, (nuint)i), a1);
            b1 = Square(x1 - Vector512.LoadUnsafe(ref p1, (nuint)(i + 2 * Lane)), b1);
            a2 = Square(x0 - Vector512.LoadUnsafe(ref p2, (nuint)i), a2);
            b2 = Square(x1 - Vector512.LoadUnsafe(ref p2, (nuint)(i + 2 * Lane)), b2);
            a3 = Square(x0 - Vector512.LoadUnsafe(ref p3, (nuint)i), a3);
            b3 = Square(x1 - Vector512.LoadUnsafe(ref p3, (nuint)(i + 2 * Lane)), b3);
        }
        if (i + 2 * Lane <= n)
        {
            var x0 = Vector512.LoadUnsafe(ref px, (nuint)i);
            a0 = Square(x0 - Vector512.LoadUnsafe(ref p0, (nuint)i), a0);
            a1 = Square(x0 - Vector512.LoadUnsafe(ref p1, (nuint)i), a1);
            a2 = Square(x0 - Vector512.LoadUnsafe(ref p2, (nuint)i), a2);
            a3 = Square(x0 - Vector512.LoadUnsafe(ref p3, (nuint)i), a3);
            i += 2 * Lane;
        }
        double s0 = Vector512.Sum(a0 + b0), s1 = Vector512.Sum(a1 + b1), s2 = Vector512.Sum(a2 + b2), s3 = Vector512.Sum(a3 + b3);
        if (i + Lane <= n)
        {
            var x0 = Vector256.LoadUnsafe(ref px, (nuint)i);
            s0 += Vector256.Sum(Square(x0 - Vector256.LoadUnsafe(ref p0, (nuint)i), Vector256<double>.Zero));
            s1 += Vector256.Sum(Square(x0 - Vector256.LoadUnsafe(ref p1, (nuint)i), Vector256<double>.Zero));
            s2 += Vector256.Sum(Square(x0 - Vector256.LoadUnsafe(ref p2, (nuint)i), Vector256<double>.Zero));
            s3 += Vector256.Sum(Square(x0 - Vector256.LoadUnsafe(ref p3, (nuint)i), Vector256<double>.Zero));
            i += Lane;
        }
        result[0] = s0 + Tail(row, c0, i);
        result[1] = s1 + Tail(row, c1, i);
        result[2] = s2 + Tail(row, c2, i);
        result[3] = s3 + Tail(row, c3, i);
    }

    /// <summary>t² + s, fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Square(Vector512<double> t, Vector512<double> s) => Avx512F.FusedMultiplyAdd(t, t, s);

    /// <summary>t² + s, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Square(Vector256<double> t, Vector256<double> s) =>
        Fma.IsSupported ? Fma.MultiplyAdd(t, t, s) : t * t + s;

    /// <summary>The columns after the last whole vector (none on padded rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tail(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int from)
    {
        double s = 0;
        for (int i = from; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}
