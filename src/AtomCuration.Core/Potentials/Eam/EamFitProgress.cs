namespace AtomCuration.Potentials.Eam;

/// <summary>Progress of an EAM fit, reported after every accepted step.</summary>
/// <param name="Start">Start index (0 = the initial guess, then the seeded restarts).</param>
/// <param name="Starts">Number of starts.</param>
/// <param name="Iteration">Iteration within this start.</param>
/// <param name="MaxIterations">Iteration limit per start.</param>
/// <param name="Loss">Current loss.</param>
/// <param name="BestLoss">Best loss over all starts so far.</param>
public sealed record EamFitProgress(int Start, int Starts, int Iteration, int MaxIterations, double Loss, double BestLoss)
{
    /// <summary>Rough completion percentage.</summary>
    public int PercentComplete => (int)Math.Clamp(100.0 * (Start * (double)MaxIterations + Iteration) / Math.Max(1, Starts * (double)MaxIterations), 0, 100);
}
