namespace AtomCuration.Options;

/// <summary>An invalid option: its message names the option (as the user wrote it) and what is allowed.</summary>
public sealed class OptionsException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception; <paramref name="option"/> becomes <see cref="ArgumentException.ParamName"/>.</summary>
    public OptionsException(string message, string? option, Exception? inner = null) : base(message, option, inner) => _message = message;

    /// <summary>The message alone (without the "(Parameter 'x')" that <see cref="ArgumentException"/> appends).</summary>
    public override string Message => _message;

    /// <summary>The message of <paramref name="e"/> without the parameter suffix.</summary>
    public static string Bare(ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is OptionsException o ? o._message
            : e.ParamName is { } p ? e.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal) : e.Message;
    }
}
