namespace AtomCuration.Fitting;

/// <summary>Outcome of a least-squares minimisation.</summary>
/// <param name="Parameters">The best parameters found.</param>
/// <param name="Loss">L at <paramref name="Parameters"/>.</param>
/// <param name="Iterations">Accepted steps taken.</param>
/// <param name="StopReason">Why it stopped.</param>
/// <param name="LossHistory">L before the first step and after every accepted step.</param>
public sealed record LeastSquaresResult(double[] Parameters, double Loss, int Iterations, LeastSquaresStopReason StopReason, IReadOnlyList<double> LossHistory);
