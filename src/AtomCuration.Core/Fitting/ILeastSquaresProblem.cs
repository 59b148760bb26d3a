namespace AtomCuration.Fitting;

/// <summary>
/// A nonlinear least-squares problem: minimise L(θ) = Σₖ rₖ(θ)². The problem accumulates the
/// normal-equation pieces JᵀJ and Jᵀr itself (row by row, never storing J), so a problem with
/// millions of residuals needs memory only for P×P numbers.
/// </summary>
public interface ILeastSquaresProblem
{
    /// <summary>Number of parameters P.</summary>
    int ParameterCount { get; }

    /// <summary>
    /// Computes L(θ) and, when <paramref name="jtj"/> is given, overwrites it with JᵀJ
    /// (P×P, row-major, full symmetric) and <paramref name="jtr"/> with Jᵀr (length P).
    /// </summary>
    double Evaluate(ReadOnlySpan<double> parameters, double[]? jtj, double[]? jtr, CancellationToken cancellation);
}
