namespace AtomCuration.Fitting;

/// <summary>Why a least-squares minimisation stopped.</summary>
public enum LeastSquaresStopReason
{
    /// <summary>An accepted step lowered the loss by less than the relative tolerance.</summary>
    RelativeLossChange,

    /// <summary>The gradient Jᵀr fell below the gradient tolerance (infinity norm).</summary>
    GradientNorm,

    /// <summary>The iteration limit was reached.</summary>
    MaxIterations,

    /// <summary>No step lowered the loss even with the largest damping: a (local) minimum to machine precision.</summary>
    DampingLimit,

    /// <summary>Cancelled; the result is the best point reached so far.</summary>
    Cancelled,

    /// <summary>The run's time limit ran out (e.g. Invoke-EamFit -TimeLimit); the result is the best point reached so far.</summary>
    TimeLimit,
}
