using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AtomCuration.Fitting;

/// <summary>
/// Accumulates the Gauss–Newton normal-equation pieces JᵀJ (upper triangle) and Jᵀr of a block of residual rows held
/// column by column (Jᵀ, one contiguous column of m entries per parameter), so that every entry is one dot product
/// over the block's rows — a symmetric rank-m update done as p(p+1)/2 long dot products instead of m outer products
/// of short rows (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., 2013, §1.1 and §5.3.1 on the normal equations).
/// The dot products sum four lanes in a fixed order and add without fused multiply–add, so the result is the same on
/// every machine whatever its vector width.
/// </summary>
internal static class NormalEquations
{
    /// <summary>
    /// jtj[a·p + b] += Σᵢ Jᵀ[a, i] Jᵀ[b, i] for b ≥ a, and jtr[a] += Σᵢ Jᵀ[a, i] rᵢ, with Jᵀ of p columns of
    /// <paramref name="rows"/> entries at jt[a·rows ..]. Columns that are zero throughout are skipped.
    /// </summary>
    public static void Add(ReadOnlySpan<double> jt, int rows, ReadOnlySpan<double> residuals, Span<double> jtj, Span<double> jtr)
    {
        int p = jtr.Length;
        if (jt.Length < p * rows || residuals.Length < rows || jtj.Length < p * p) throw new ArgumentException("Jᵀ, r, JᵀJ and Jᵀr sizes disagree.");
        Span<bool> nonzero = p <= 1024 ? stackalloc bool[p] : new bool[p];
        for (int a = 0; a < p; a++) nonzero[a] = jt.Slice(a * rows, rows).IndexOfAnyExcept(0.0) >= 0;
        for (int a = 0; a < p; a++)
        {
            if (!nonzero[a]) continue;
            var ca = jt.Slice(a * rows, rows);
            jtr[a] += Dot(ca, residuals[..rows]);
            for (int b = a; b < p; b++)
                if (nonzero[b]) jtj[a * p + b] += Dot(ca, jt.Slice(b * rows, rows));
        }
    }

    /// <summary>Σ aᵢbᵢ in four lanes (i mod 4), the lanes summed as (l₀ + l₁) + (l₂ + l₃), then the tail in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length, k = 0;
        var sum = Vector256<double>.Zero;
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b[..n]);
        for (; k + 4 <= n; k += 4)
            sum += Vector256.LoadUnsafe(ref ra, (nuint)k) * Vector256.LoadUnsafe(ref rb, (nuint)k);
        double s = (sum.GetElement(0) + sum.GetElement(1)) + (sum.GetElement(2) + sum.GetElement(3));
        for (; k < n; k++) s += a[k] * b[k];
        return s;
    }
}
