namespace AtomCuration.Descriptors;

/// <summary>How per-atom rows become one structure vector.</summary>
public enum Aggregation
{
    /// <summary>Column mean over atoms (the "average kernel" descriptor).</summary>
    Mean,

    /// <summary>Per column: mean, population standard deviation, minimum, maximum (feature-major: the four statistics of column 0 first).</summary>
    Stats,

    /// <summary>Column sum over atoms.</summary>
    Sum,

    /// <summary>No structure vector from per-atom descriptors; the per-atom matrix is attached instead.</summary>
    None,
}
