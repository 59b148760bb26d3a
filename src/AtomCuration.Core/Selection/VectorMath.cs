using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtomCuration.Selection;

/// <summary>SIMD inner loops shared by the selectors and embeddings (no allocation).</summary>
internal static class VectorMath
{
    /// <summary>Squared Euclidean distance |a − b|².</summary>
    // ReadyToRun leaves this hardware-vector code to the JIT (tier-0 in profiles): optimised at first call instead of running
    // unoptimised for as long as the session keeps compiling new methods (bench/RESULTS.md, session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, i = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            var acc = Vector<double>.Zero;
            for (int k = 0; k < va.Length; k++)
            {
                var t = va[k] - vb[k];
                acc += t * t;
            }
            s = Vector.Sum(acc);
            i = va.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
        {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }

    /// <summary>
    /// Squared distance, but gives up (returning a value &gt; <paramref name="bound"/>) as soon as the
    /// partial sum exceeds <paramref name="bound"/>; exact whenever the result is ≤ bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistanceBounded(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double bound)
    {
        int n = a.Length, i = 0;
        double s = 0;
        int w = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && n >= 2 * w)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                var t0 = va[k] - vb[k];
                var t1 = va[k + 1] - vb[k + 1];
                s += Vector.Sum(t0 * t0 + t1 * t1);
                if (s > bound) return s;
            }
            for (; k < va.Length; k++)
            {
                var t = va[k] - vb[k];
                s += Vector.Sum(t * t);
            }
            i = va.Length * w;
        }
        for (; i < n; i++)
        {
            double t = a[i] - b[i];
            s += t * t;
        }
        return s;
    }

    /// <summary>Dot product.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <summary>Index of the largest value; ties go to the lowest index.</summary>
    public static int ArgMax(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++)
            if (v[i] > v[best]) best = i;
        return best;
    }
}
