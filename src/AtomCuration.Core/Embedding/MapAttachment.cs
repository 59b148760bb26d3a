using AtomCuration.Structures;

namespace AtomCuration.Embedding;

/// <summary>Attaches a 2-D map to the structures it was computed from (what Get-ConfigurationMap emits).</summary>
public static class MapAttachment
{
    /// <summary>Maps <paramref name="pool"/> with <paramref name="options"/> and returns its structures, in order, with <see cref="Structure.MapX"/> and <see cref="Structure.MapY"/> set.</summary>
    public static IReadOnlyList<Structure> Attach(IReadOnlyList<Structure> pool, MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0) return [];
        var map = ConfigurationMap.Compute(pool, options);
        var result = new Structure[pool.Count];
        for (int i = 0; i < pool.Count; i++) result[i] = pool[i] with { MapX = map.X[i], MapY = map.Y[i] };
        return result;
    }
}
