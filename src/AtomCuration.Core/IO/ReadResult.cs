using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// One item from a reader: a structure, or the error that made one frame unreadable.
/// Readers yield errors instead of throwing so the caller can report a bad frame and go on
/// with the next one; <see cref="IsFatal"/> says the reader could not resynchronise and
/// stopped (truncated gzip, binary garbage, a broken header).
/// </summary>
public readonly record struct ReadResult
{
    private ReadResult(Structure? structure, StructureFormatException? error, bool fatal)
    {
        Structure = structure;
        Error = error;
        IsFatal = fatal;
    }

    /// <summary>The structure read, or null for an error.</summary>
    public Structure? Structure { get; }

    /// <summary>The error, or null for a structure.</summary>
    public StructureFormatException? Error { get; }

    /// <summary>True when reading of this source stopped at this error.</summary>
    public bool IsFatal { get; }

    /// <summary>A successfully read structure.</summary>
    public static ReadResult Ok(Structure structure) => new(structure, null, false);

    /// <summary>A bad frame after which reading continues.</summary>
    public static ReadResult Skipped(StructureFormatException error) => new(null, error, false);

    /// <summary>An error after which this source yields nothing more.</summary>
    public static ReadResult Fatal(StructureFormatException error) => new(null, error, true);
}
