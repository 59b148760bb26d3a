using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors;

/// <summary>
/// The radial half of a SOAP projection: for a neighbour at distance r, the values
/// I_nl(r) / r^l (index l·n_max + n) such that c_nlm = Σ_j I_nl(r_j)/r_j^l · R_lm(r_j)
/// with R_lm the real solid harmonic. Four neighbours at a time.
/// </summary>
internal abstract class SoapRadial
{
    /// <summary>Fills <paramref name="output"/>[l·n_max + n] for four squared distances; <paramref name="scratch"/> holds at least n_max vectors.</summary>
    public abstract void Evaluate(Vector256<double> r2, Span<Vector256<double>> output, Span<Vector256<double>> scratch);
}
