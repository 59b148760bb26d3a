namespace AtomCuration.Fitting;

/// <summary>Settings of <see cref="LevenbergMarquardt"/>.</summary>
public sealed record LevenbergMarquardtOptions
{
    /// <summary>Most accepted steps.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when an accepted step lowers the loss by less than this fraction.</summary>
    public double RelativeTolerance { get; init; } = 1e-7;

    /// <summary>Stop when max |Jᵀr| falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-14;

    /// <summary>Initial damping μ (relative to the diagonal of JᵀJ).</summary>
    public double InitialDamping { get; init; } = 1e-3;
}
