using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The per-frame entries a writer adds so that a written structure can be traced later: where it was first
/// read (<c>origin_path</c>, <c>origin_frame</c>) and what the pipeline attached (<c>selection_rank</c>,
/// <c>selected</c>, <c>cluster</c>, <c>selection_score</c>, <c>map_x</c>, <c>map_y</c>). An origin the
/// structure already carries (it was read from a file written this way) is kept: it names the first source,
/// not the intermediate file.
/// </summary>
public static class TraceInfo
{
    /// <summary>Info key of the file a structure was first read from.</summary>
    public const string OriginPath = "origin_path";

    /// <summary>Info key of its zero-based frame in that file.</summary>
    public const string OriginFrame = "origin_frame";

    /// <summary>The entries to write after the structure's own Info (none that it already has).</summary>
    public static IEnumerable<KeyValuePair<string, object>> For(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var info = structure.Info;
        if (structure.SourcePath is { } path && !info.ContainsKey(OriginPath))
        {
            yield return new(OriginPath, path);
            yield return new(OriginFrame, (long)structure.FrameIndex);
        }
        if (structure.SelectionRank is { } rank) yield return new("selection_rank", (long)rank);
        if (structure.Selected is { } selected) yield return new("selected", selected);
        if (structure.ClusterId is { } cluster) yield return new("cluster", (long)cluster);
        if (structure.SelectionScore is { } score && double.IsFinite(score)) yield return new("selection_score", score);
        if (structure.MapX is { } x) yield return new("map_x", x);
        if (structure.MapY is { } y) yield return new("map_y", y);
    }
}
