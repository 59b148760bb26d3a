using System.Runtime.Intrinsics;

namespace AtomCuration.Descriptors;

/// <summary>
/// The radial half of a SOAP projection: for a neighbour at distance r, n_max values per l
/// (index l·n_max + k), f_lk(r), such that the projections P_klm = Σ_j f_lk(r_j) R_lm(r_j)
/// (R_lm the real solid harmonic) become the coefficients c_nlm through <see cref="ToBasis"/>.
/// A basis whose functions are fixed combinations of simpler ones (the GTOs: of Gaussians)
/// evaluates only those per neighbour and combines once per atom, which is cheaper than
/// combining per neighbour. Four neighbours at a time.
/// </summary>
internal abstract class SoapRadial
{
    /// <summary>Fills <paramref name="output"/>[l·n_max + k] for four squared distances; <paramref name="scratch"/> holds at least n_max vectors.</summary>
    public abstract void Evaluate(Vector256<double> r2, Span<Vector256<double>> output, Span<Vector256<double>> scratch);

    /// <summary>
    /// Turns one species' projections P[k·(l_max+1)² + lm] into coefficients c[n·(l_max+1)² + lm], in place;
    /// the identity when <see cref="Evaluate"/> already gives I_nl(r)/r^l.
    /// </summary>
    public virtual void ToBasis(Span<double> block)
    {
    }
}
