namespace AtomCuration.Storage;

/// <summary>A method needs per-atom rows and the store holds one row per structure, or the other way round.</summary>
public sealed class StoreLayoutException : InvalidOperationException
{
    /// <summary>Creates the exception with its message.</summary>
    public StoreLayoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public StoreLayoutException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public StoreLayoutException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
