using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Writes the structure × feature matrix of descriptor-carrying structures, one row per structure,
/// to a temporary file (<see cref="AtomCuration.IO.AtomicFile"/>) that <see cref="Complete"/> moves
/// over the target; disposing without completing leaves the target as it was.
/// </summary>
public interface IDescriptorWriter : IDisposable
{
    /// <summary>Finishes the file (and any sidecar) and moves it over the target.</summary>
    void Complete();

    /// <summary>Rows written so far.</summary>
    int Count { get; }

    /// <summary>Appends the row of <paramref name="structure"/>; throws when it has no descriptor or other labels than earlier rows.</summary>
    void Write(Structure structure);
}
