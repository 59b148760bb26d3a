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
/// <see cref="Lane"/> columns (<see cref="Stride"/>) skip the scalar tail and keep vectors inside a row.
/// </summary>
internal static class KMeansDistance
{
    /// <summary>Doubles per vector.</summary>
    public const int Lane = 4;

    /// <summary>Row length padded up to a multiple of <see cref="Lane"/>.</summary>
    public static int Stride(int d) => (d + Lane - 1) / Lane * Lane;

    /// <summary>|a − b|² over a's length.</summary>
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
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
    public static void Squared(ReadOnlySpan<double> row, ReadOnlySpan<double> centers, Span<double> result)
    {
        int n = row.Length, count = result.Length;
        centers = centers[..(count * n)];
        ref double px = ref MemoryMarshal.GetReference(row);
        int j = 0;
        for (; j + 4 <= count; j += 4)
        {
            ref double c0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(centers), j * n);
            ref double c1 = ref Unsafe.Add(ref c0, n);
            ref double c2 = ref Unsafe.Add(ref c1, n);
            ref double c3 = ref Unsafe.Add(ref c2, n);
            Vector256<double> a0 = Vector256<double>.Zero, b0 = a0, a1 = a0, b1 = a0, a2 = a0, b2 = a0, a3 = a0, b3 = a0;
            int i = 0;
            for (; i + 2 * Lane <= n; i += 2 * Lane)
            {
                var x0 = Vector256.LoadUnsafe(ref px, (nuint)i);
                var x1 = Vector256.LoadUnsafe(ref px, (nuint)(i + Lane));
                a0 = Square(x0 - Vector256.LoadUnsafe(ref c0, (nuint)i), a0);
                b0 = Square(x1 - Vector256.LoadUnsafe(ref c0, (nuint)(i + Lane)), b0);
                a1 = Square(x0 - Vector256.LoadUnsafe(ref c1, (nuint)i), a1);
                b1 = Square(x1 - Vector256.LoadUnsafe(ref c1, (nuint)(i + Lane)), b1);
                a2 = Square(x0 - Vector256.LoadUnsafe(ref c2, (nuint)i), a2);
                b2 = Square(x1 - Vector256.LoadUnsafe(ref c2, (nuint)(i + Lane)), b2);
                a3 = Square(x0 - Vector256.LoadUnsafe(ref c3, (nuint)i), a3);
                b3 = Square(x1 - Vector256.LoadUnsafe(ref c3, (nuint)(i + Lane)), b3);
            }
            if (i + Lane <= n)
            {
                var x0 = Vector256.LoadUnsafe(ref px, (nuint)i);
                a0 = Square(x0 - Vector256.LoadUnsafe(ref c0, (nuint)i), a0);
                a1 = Square(x0 - Vector256.LoadUnsafe(ref c1, (nuint)i), a1);
                a2 = Square(x0 - Vector256.LoadUnsafe(ref c2, (nuint)i), a2);
                a3 = Square(x0 - Vector256.LoadUnsafe(ref c3, (nuint)i), a3);
                i += Lane;
            }
            result[j] = Vector256.Sum(a0 + b0) + Tail(row, centers.Slice(j * n, n), i);
            result[j + 1] = Vector256.Sum(a1 + b1) + Tail(row, centers.Slice((j + 1) * n, n), i);
            result[j + 2] = Vector256.Sum(a2 + b2) + Tail(row, centers.Slice((j + 2) * n, n), i);
            result[j + 3] = Vector256.Sum(a3 + b3) + Tail(row, centers.Slice((j + 3) * n, n), i);
        }
        for (; j < count; j++) result[j] = Squared(row, centers.Slice(j * n, n));
    }

    /// <summary>t² + s, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Square(Vector256<double> t, Vector256<double> s) =>
        Fma.IsSupported ? Fma.MultiplyAdd(t, t, s) : t * t + s;

    /// <summary>The columns after the last whole vector (none on padded rows).</summary>
    private static double Tail(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int from)
    {
        double s = 0;
        for (int i = from; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}
