using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>One species of an EAM potential, with the header data setfl/funcfl files carry.</summary>
/// <param name="Symbol">Chemical symbol.</param>
/// <param name="AtomicNumber">Atomic number.</param>
/// <param name="Mass">Mass (amu).</param>
/// <param name="LatticeConstant">Reference lattice constant (Å), informational.</param>
/// <param name="LatticeType">Reference lattice (fcc, bcc, hcp, …), informational.</param>
public sealed record EamElement(string Symbol, int AtomicNumber, double Mass, double LatticeConstant = 0.0, string LatticeType = "")
{
    /// <summary>The element with its mass from the elements table.</summary>
    public static EamElement FromSymbol(string symbol, double latticeConstant = 0.0, string latticeType = "")
    {
        var e = Elements.FromSymbol(symbol);
        return new EamElement(e.Symbol, e.Z, e.Mass, latticeConstant, latticeType);
    }
}
