namespace AtomCuration.Descriptors;

/// <summary>A descriptor parameter is unknown, of the wrong type or outside its valid range; the message names it and the range.</summary>
public sealed class DescriptorParameterException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="parameter"/>.</summary>
    public DescriptorParameterException(string parameter, string message, Exception? inner = null) : base(message, parameter, inner)
    {
    }
}
