using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Kernel functions on descriptor vectors.</summary>
public enum KernelKind
{
    /// <summary>k(a, b) = a·b.</summary>
    Linear,
    /// <summary>k(a, b) = a·b / (|a| |b|) (normalised linear; 0 when either vector is zero).</summary>
    Cosine,
    /// <summary>k(a, b) = exp(−γ |a − b|²).</summary>
    Rbf,
    /// <summary>k(a, b) = exp(−γ |a − b|₁) (the Laplacian kernel used on Coulomb matrices).</summary>
    Laplacian,
}

/// <summary>A kernel on descriptor vectors; <see cref="Gamma"/> is used by the RBF and Laplacian kinds.</summary>
/// <param name="Kind">Kernel function.</param>
/// <param name="Gamma">Inverse length scale γ.</param>
public sealed record Kernel(KernelKind Kind, [property: Options.OptionRange(0, double.PositiveInfinity, MinExclusive = true)] double Gamma = 1.0)
{
    /// <summary>k(a, b).</summary>
    public double Evaluate(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        switch (Kind)
        {
            case KernelKind.Linear: return VectorMath.Dot(a, b);
            case KernelKind.Cosine:
                double na = Math.Sqrt(VectorMath.Dot(a, a)), nb = Math.Sqrt(VectorMath.Dot(b, b));
                return na > 0 && nb > 0 ? VectorMath.Dot(a, b) / (na * nb) : 0;
            case KernelKind.Rbf: return Math.Exp(-Gamma * VectorMath.SquaredDistance(a, b));
            case KernelKind.Laplacian:
                double s = 0;
                for (int i = 0; i < a.Length; i++) s += Math.Abs(a[i] - b[i]);
                return Math.Exp(-Gamma * s);
            default: throw new InvalidOperationException($"Unknown kernel {Kind}.");
        }
    }

    /// <summary>k(a, a): exactly 1 for the normalised kinds (cosine of a non-zero vector, RBF, Laplacian), so that ties stay ties.</summary>
    public double Self(ReadOnlySpan<double> a) => Kind switch
    {
        KernelKind.Linear => VectorMath.Dot(a, a),
        KernelKind.Cosine => VectorMath.Dot(a, a) > 0 ? 1 : 0,
        _ => 1,
    };

    /// <summary>Kernel-induced distance √(k(a,a) + k(b,b) − 2k(a,b)), which is √(2 − 2k) for normalised kernels.</summary>
    public double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        Math.Sqrt(Math.Max(0, Self(a) + Self(b) - 2 * Evaluate(a, b)));

    /// <summary>The full N × N kernel matrix of the rows of <paramref name="x"/> (row-major).</summary>
    public double[] Matrix(FeatureMatrix x, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Rows;
        var k = new double[n * n];
        OrderedParallel.For(n, i =>
        {
            for (int j = i; j < n; j++)
            {
                double v = Evaluate(x.Row(i), x.Row(j));
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }, threads);
        return k;
    }
}
