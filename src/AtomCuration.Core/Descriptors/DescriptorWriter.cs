using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>Opens the writer matching a path's extension.</summary>
public static class DescriptorWriter
{
    /// <summary>An <see cref="NpyDescriptorWriter"/> for <c>.npy</c>, a <see cref="CsvDescriptorWriter"/> for <c>.csv</c>, the whole store for <c>.parquet</c> (<see cref="Storage.DescriptorStoreWriter"/>).</summary>
    public static IDescriptorWriter Open(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".npy" => new NpyDescriptorWriter(path),
        ".csv" => new CsvDescriptorWriter(path),
        ".parquet" => new Storage.DescriptorStoreWriter(path, Jobs.ShardSpec.All),
        var ext => throw new ArgumentException($"Cannot write descriptors to '{ext}' files; use .npy, .csv or .parquet (a descriptor store).", nameof(path)),
    };

    /// <summary>Writes all of <paramref name="structures"/> to <paramref name="path"/>; returns the row count.</summary>
    public static int WriteAll(string path, IEnumerable<Structure> structures)
    {
        using var writer = Open(path);
        foreach (var s in structures) writer.Write(s);
        writer.Complete();
        return writer.Count;
    }
}

/// <summary>Checks that rows share one label list.</summary>
internal static class DescriptorRows
{
    public static ReadOnlySpan<double> Check(Structure structure, ref IReadOnlyList<string>? labels)
    {
        if (structure.Descriptor is not { } d || structure.DescriptorLabels is not { } l)
            throw new ArgumentException($"{structure.Id} has no descriptor; run Get-Descriptor first.");
        if (labels is null) labels = l;
        else if (!ReferenceEquals(labels, l) && !labels.SequenceEqual(l))
            throw new ArgumentException($"{structure.Id} has other descriptor columns than the rows before it; export one fingerprint per file.");
        return d.AsSpan();
    }
}
