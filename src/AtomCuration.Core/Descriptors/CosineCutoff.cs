using System.Numerics.Tensors;

namespace AtomCuration.Descriptors;

/// <summary>Behler's cosine cutoff f_c(r) = ½[cos(πr/R_c) + 1] for r ≤ R_c, 0 beyond (paper 001, Eq. 6).</summary>
public static class CosineCutoff
{
    /// <summary>f_c(r).</summary>
    public static double Value(double r, double cutoff) => r >= cutoff ? 0 : 0.5 * (Math.Cos(Math.PI * r / cutoff) + 1);

    /// <summary>f_c of every distance in <paramref name="distances"/>, vectorised; <paramref name="destination"/> may alias it.</summary>
    public static void Values(ReadOnlySpan<double> distances, double cutoff, Span<double> destination)
    {
        // min(r, Rc) makes cos(π) = −1 beyond the cutoff, so f_c is exactly 0 there without a branch.
        TensorPrimitives.Min(distances, cutoff, destination);
        TensorPrimitives.Multiply(destination, Math.PI / cutoff, destination);
        TensorPrimitives.Cos(destination, destination);
        TensorPrimitives.Add(destination, 1.0, destination);
        TensorPrimitives.Multiply(destination, 0.5, destination);
    }
}
