namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The Zhou–Johnson–Wadley cross pair φ_ab = ½[T(ρ_b, ρ_a, φ_aa) + T(ρ_a, ρ_b, φ_bb)] with
/// T(u, v, w) = u·w/v (Zhou, Johnson, Wadley 2004, DOI 10.1103/PhysRevB.69.144113), and the
/// partial derivatives of φ and φ′ with respect to the values and slopes of its four
/// constituent functions — what the fit's Jacobian chains onto their parameter gradients:
/// ∂φ/∂θ = Σ_X ∂φ/∂X · ∂X/∂θ and ∂φ′/∂θ = Σ_X (∂φ′/∂X · ∂X/∂θ + ∂φ′/∂X′ · ∂X′/∂θ).
/// </summary>
internal static class ZjwCrossPairTerms
{
    /// <summary>Index of the constituents in the coefficient spans.</summary>
    public const int PairA = 0, PairB = 1, DensityA = 2, DensityB = 3, Count = 4;

    /// <summary>φ_ab and φ′_ab from the constituents' values and slopes at one r.</summary>
    /// <param name="value">Values of φ_aa, φ_bb, ρ_a, ρ_b (indexed by the constants).</param>
    /// <param name="slope">Their r-derivatives.</param>
    /// <param name="phiSlope">φ′_ab.</param>
    /// <param name="dValue">∂φ/∂X per constituent (cleared and filled).</param>
    /// <param name="dSlopeByValue">∂φ′/∂X per constituent.</param>
    /// <param name="dSlopeBySlope">∂φ′/∂X′ per constituent.</param>
    public static double Evaluate(ReadOnlySpan<double> value, ReadOnlySpan<double> slope, out double phiSlope,
        Span<double> dValue, Span<double> dSlopeByValue, Span<double> dSlopeBySlope)
    {
        dValue.Clear();
        dSlopeByValue.Clear();
        dSlopeBySlope.Clear();
        double phi = AddTerm(value, slope, DensityB, DensityA, PairA, out double t1, dValue, dSlopeByValue, dSlopeBySlope)
                   + AddTerm(value, slope, DensityA, DensityB, PairB, out double t2, dValue, dSlopeByValue, dSlopeBySlope);
        phiSlope = t1 + t2;
        return phi;
    }

    /// <summary>Adds ½T(u, v, w) = ½u·w/v's derivatives; returns ½T, and ½T′ in <paramref name="termSlope"/>.</summary>
    private static double AddTerm(ReadOnlySpan<double> value, ReadOnlySpan<double> slope, int iu, int iv, int iw, out double termSlope,
        Span<double> dValue, Span<double> dSlopeByValue, Span<double> dSlopeBySlope)
    {
        double u = value[iu], v = value[iv], w = value[iw], du = slope[iu], dv = slope[iv], dw = slope[iw];
        double iv1 = 1 / v, iv2 = iv1 * iv1;
        // T = uw/v, T′ = (u′w + uw′)/v − uwv′/v².
        termSlope = 0.5 * ((du * w + u * dw) * iv1 - u * w * dv * iv2);
        dValue[iu] += 0.5 * w * iv1;
        dValue[iv] -= 0.5 * u * w * iv2;
        dValue[iw] += 0.5 * u * iv1;
        dSlopeByValue[iu] += 0.5 * (dw * iv1 - w * dv * iv2);
        dSlopeByValue[iv] += 0.5 * (-(du * w + u * dw) * iv2 + 2 * u * w * dv * iv2 * iv1);
        dSlopeByValue[iw] += 0.5 * (du * iv1 - u * dv * iv2);
        dSlopeBySlope[iu] += 0.5 * w * iv1;
        dSlopeBySlope[iv] -= 0.5 * u * w * iv2;
        dSlopeBySlope[iw] += 0.5 * u * iv1;
        return 0.5 * u * w * iv1;
    }
}
