namespace AtomCuration.Statistics;

/// <summary>The alternative hypothesis of a test (SciPy's <c>alternative</c> argument).</summary>
public enum Alternative
{
    /// <summary>The distributions differ in either direction.</summary>
    TwoSided,

    /// <summary>The first sample (or the differences) tends to be smaller.</summary>
    Less,

    /// <summary>The first sample (or the differences) tends to be larger.</summary>
    Greater,
}

/// <summary>How a p-value is computed (SciPy's <c>method</c> argument).</summary>
public enum TestMethod
{
    /// <summary>SciPy's rule: exact for small samples without ties, else asymptotic.</summary>
    Auto,

    /// <summary>The exact null distribution.</summary>
    Exact,

    /// <summary>The normal (or Student t) approximation.</summary>
    Asymptotic,
}

/// <summary>A test statistic and its p-value.</summary>
/// <param name="Statistic">The statistic, as SciPy reports it.</param>
/// <param name="PValue">The p-value.</param>
/// <param name="Method">The method actually used (Exact or Asymptotic) after Auto's choice.</param>
public sealed record TestResult(double Statistic, double PValue, TestMethod Method);
