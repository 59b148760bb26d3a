namespace AtomCuration.Storage;

/// <summary>What one row of a descriptor store describes.</summary>
public enum StoreLayout
{
    /// <summary>One row per structure: its structure descriptor (what k-means, FPS and CUR read).</summary>
    Structure,

    /// <summary>
    /// One row per atom: the atom's environment descriptor (what the local-environment bank and Measure-Diversity
    /// read), the structure's rows consecutive and in atom order.
    /// </summary>
    Atom,
}
