using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>Writes the structure × feature matrix of descriptor-carrying structures, one row per structure.</summary>
public interface IDescriptorWriter : IDisposable
{
    /// <summary>Rows written so far.</summary>
    int Count { get; }

    /// <summary>Appends the row of <paramref name="structure"/>; throws when it has no descriptor or other labels than earlier rows.</summary>
    void Write(Structure structure);
}
