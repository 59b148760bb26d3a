namespace AtomCuration.Options;

/// <summary>
/// This option has the range declared on another record's property (a settings record that forwards a value,
/// e.g. Select-Configuration's <c>-ExplainedVariance</c> to <c>PreprocessOptions.ExplainedVariance</c>), so the
/// range is still written once.
/// </summary>
/// <param name="record">The record declaring the range.</param>
/// <param name="property">Its property carrying the <see cref="OptionRangeAttribute"/>.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class SameRangeAsAttribute(Type record, string property) : Attribute
{
    /// <summary>The record declaring the range.</summary>
    public Type Record { get; } = record;

    /// <summary>The property carrying the range.</summary>
    public string Property { get; } = property;
}
