namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The pair term φ(r) = g(r)/r of a function g that holds r·φ(r) — the quantity setfl and
/// eam/fs files tabulate (and LAMMPS interpolates) instead of φ itself.
/// </summary>
public sealed class PairFromRTimesPhi : IRadialFunction
{
    /// <summary>Wraps <paramref name="rTimesPhi"/>.</summary>
    public PairFromRTimesPhi(IRadialFunction rTimesPhi) => RTimesPhi = rTimesPhi ?? throw new ArgumentNullException(nameof(rTimesPhi));

    /// <summary>The wrapped r·φ(r).</summary>
    public IRadialFunction RTimesPhi { get; }

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        // A table read from a setfl file is by far the common case: call it directly (sealed, inlinable).
        double z2p;
        double z2 = RTimesPhi is TabulatedFunction table ? table.Evaluate(r, out z2p) : RTimesPhi.Evaluate(r, out z2p);
        double recip = 1.0 / r;
        double phi = z2 * recip;
        derivative = z2p * recip - phi * recip;
        return phi;
    }
}
