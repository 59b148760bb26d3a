using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Embedding;

/// <summary>Attaches a 2-D map to the structures it was computed from (what Get-ConfigurationMap emits).</summary>
public static class MapAttachment
{
    /// <summary>Maps <paramref name="pool"/> with <paramref name="options"/> (threads, cancellation and progress from <paramref name="context"/>) and returns its structures, in order, with <see cref="Structure.MapX"/> and <see cref="Structure.MapY"/> set.</summary>
    public static IReadOnlyList<Structure> Attach(IReadOnlyList<Structure> pool, MapOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        if (pool.Count == 0) return [];
        if (context is not null)
        {
            var progress = context.FractionProgress("map");
            options = options with
            {
                Tsne = options.Tsne with { Threads = context.ThrottleLimit, Cancellation = context.Cancellation, Progress = progress },
                Smacof = options.Smacof with { Cancellation = context.Cancellation, Progress = progress },
            };
        }
        var map = ConfigurationMap.Compute(pool, options);
        var result = new Structure[pool.Count];
        for (int i = 0; i < pool.Count; i++) result[i] = new Structure(pool[i]) { MapX = map.X[i], MapY = map.Y[i] };
        return result;
    }
}
