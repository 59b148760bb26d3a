namespace AtomCuration.Generation;

/// <summary>
/// The descriptor entropy of paper 004 (Karabin and Perez 2022, Eqs. 2–3), a nearest-neighbour (Kozachenko–Leonenko
/// type) estimate over the n per-atom descriptor vectors q_j of one configuration:
/// <code>
/// S = (1/n) Σ_j ln(n · Δ_j),   Δ_j = min_{l ≠ j} |q_j − q_l|,
/// ∂S/∂q_j = (1/n) Σ over the terms in which q_j appears of ±(q_j − q_l*)/Δ²,
/// </code>
/// the minimum differentiated at its current arg-min l*(j) (term j gives +(q_j − q_l*)/Δ_j² to q_j and the opposite to
/// q_l*). Distances below <see cref="Floor"/> are raised to it (two identical environments would give −∞).
/// </summary>
public static class NearestNeighborEntropy
{
    /// <summary>Smallest descriptor distance used in the logarithm.</summary>
    public const double Floor = 1e-12;

    /// <summary>
    /// S of the first <paramref name="components"/> columns of <paramref name="rows"/> (n rows of <paramref name="stride"/>);
    /// with <paramref name="gradient"/> non-empty (n × stride, overwritten) also ∂S/∂q (zero in the unused columns).
    /// </summary>
    public static double Compute(ReadOnlySpan<double> rows, int n, int stride, int components, Span<double> gradient)
    {
        if (n < 2) throw new ArgumentException("The entropy needs at least two atoms.", nameof(n));
        if (components < 1 || components > stride) throw new ArgumentOutOfRangeException(nameof(components));
        if (rows.Length < n * stride) throw new ArgumentException("Rows do not match n × stride.", nameof(rows));
        bool withGradient = !gradient.IsEmpty;
        if (withGradient) gradient.Slice(0, n * stride).Clear();
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            var qj = rows.Slice(j * stride, components);
            double best = double.PositiveInfinity;
            int arg = -1;
            for (int l = 0; l < n; l++)
            {
                if (l == j) continue;
                var ql = rows.Slice(l * stride, components);
                double d2 = 0;
                for (int c = 0; c < components; c++)
                {
                    double d = qj[c] - ql[c];
                    d2 += d * d;
                }
                if (d2 < best) (best, arg) = (d2, l);
            }
            double delta = Math.Max(Math.Sqrt(best), Floor);
            sum += Math.Log(n * delta);
            if (!withGradient || delta <= Floor) continue;
            double f = 1.0 / (n * delta * delta);
            for (int c = 0; c < components; c++)
            {
                double g = f * (qj[c] - rows[arg * stride + c]);
                gradient[j * stride + c] += g;
                gradient[arg * stride + c] -= g;
            }
        }
        return sum / n;
    }
}
