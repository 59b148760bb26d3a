namespace AtomCuration.Statistics;

/// <summary>A rank correlation, its p-value and an approximate confidence interval.</summary>
/// <param name="Coefficient">ρ or τ_b.</param>
/// <param name="PValue">p-value for the chosen alternative (SciPy's).</param>
/// <param name="Interval">95 % interval from the Fisher z-transform with the standard error stated by each method; NaN ends when n is too small.</param>
/// <param name="Count">Pairs of observations.</param>
/// <param name="Method">Exact or asymptotic p-value.</param>
public sealed record RankCorrelation(double Coefficient, double PValue, ConfidenceInterval Interval, int Count, TestMethod Method)
{
    /// <summary>tanh(atanh(r) ± z₀.₉₇₅·se), the Fisher-z interval of a correlation.</summary>
    internal static ConfidenceInterval FisherInterval(double r, double se, double level)
    {
        if (!double.IsFinite(se) || double.IsNaN(r)) return new ConfidenceInterval(double.NaN, double.NaN);
        double z = Math.Atanh(Math.Clamp(r, -1, 1));
        double q = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        return new ConfidenceInterval(Math.Tanh(z - q * se), Math.Tanh(z + q * se));
    }
}
