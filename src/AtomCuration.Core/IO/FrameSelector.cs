namespace AtomCuration.IO;

/// <summary>
/// Applies a <see cref="FrameSlice"/> to a reader's results, counting every result (structure
/// or skipped frame) as one frame. Streamable slices pass frames through and stop pulling
/// once past <see cref="FrameSlice.Stop"/>, so the rest of the file is never read. Slices
/// that count from the end keep only the frames they may still need: the last |start| for
/// <c>-k:</c>, a delay line of |stop| frames for <c>a:-k</c>, the last |stop|−1 for a
/// reversed slice with a negative stop. A selection of several parts (<c>2,49</c>) gives the frames any
/// part names, in file order: streaming when no part counts from the end, else once the count is known.
/// </summary>
internal static class FrameSelector
{
    public static IEnumerable<ReadResult> Apply(IEnumerable<ReadResult> frames, FrameSelection selection, string? source, CancellationToken cancellation) =>
        selection.Parts.Count == 1 ? Apply(frames, selection.Parts[0], source, cancellation) : Union(frames, selection.Parts, source, cancellation);

    private static IEnumerable<ReadResult> Apply(IEnumerable<ReadResult> frames, FrameSlice slice, string? source, CancellationToken cancellation)
    {
        if (!slice.IsSingle) return Select(frames, slice, cancellation);
        var counter = new FrameCounter();
        return RequireOne(Select(counter.Count(frames), slice, cancellation), slice, source, counter);
    }

    private static IEnumerable<ReadResult> Select(IEnumerable<ReadResult> frames, FrameSlice slice, CancellationToken cancellation)
    {
        if (slice.IsStreamable) return Stream(frames, slice, cancellation);
        if (slice.Step > 0 && (slice.Start ?? 0) >= 0) return Delayed(frames, slice, cancellation);
        return Buffered(frames, slice, cancellation);
    }

    /// <summary>
    /// A single index names one frame, as Python's <c>frames[i]</c> does: a file that ends before it is an error
    /// (ASE raises IndexError), not an empty result. A slice that selects nothing stays silent, as in Python.
    /// </summary>
    private static IEnumerable<ReadResult> RequireOne(IEnumerable<ReadResult> selected, FrameSlice slice, string? source, FrameCounter counter)
    {
        bool any = false;
        foreach (var r in selected)
        {
            any = true;
            yield return r;
        }
        if (!any)
            yield return ReadResult.Fatal(new StructureFormatException(source, null, null,
                $"-Index {slice} is out of range: the file holds {counter.Frames} frame{(counter.Frames == 1 ? "" : "s")}"));
    }

    /// <summary>
    /// The frames any of <paramref name="parts"/> selects, in file order and each once. Frames are passed on as soon
    /// as a part that needs no count selects them; when some part counts from the end, the others are kept until the
    /// end of the file. A single index beyond the file is an error, as for one index alone.
    /// </summary>
    private static IEnumerable<ReadResult> Union(IEnumerable<ReadResult> frames, IReadOnlyList<FrameSlice> parts, string? source, CancellationToken cancellation)
    {
        var streamable = parts.Where(p => p.IsStreamable).ToArray();
        bool counted = streamable.Length < parts.Count;
        var held = new List<(int Index, ReadResult Result)>();
        ReadResult? fatal = null;
        int count = 0;
        foreach (var r in frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (r.IsFatal)
            {
                fatal = r;
                break;
            }
            int index = count++;
            if (!counted && streamable.Any(p => p.Contains(index))) yield return r;
            else if (counted) held.Add((index, r));
            if (!counted && streamable.All(p => p.IsPast(index + 1))) break;
        }
        if (counted)
        {
            var wanted = new HashSet<int>(parts.SelectMany(p => p.Indices(count)));
            foreach (var (index, r) in held)
                if (wanted.Contains(index)) yield return r;
        }
        var missing = parts.Where(p => p.IsSingle && !p.Indices(count).Any()).ToList();
        if (fatal is { } f) yield return f;
        else if (missing.Count > 0)
            yield return ReadResult.Fatal(new StructureFormatException(source, null, null,
                $"-Index {string.Join(",", missing)} is out of range: the file holds {count} frame{(count == 1 ? "" : "s")}"));
    }

    /// <summary>Counts the frames a reader produced (bad ones included, as the slice counts them).</summary>
    private sealed class FrameCounter
    {
        public int Frames { get; private set; }

        public IEnumerable<ReadResult> Count(IEnumerable<ReadResult> frames)
        {
            foreach (var r in frames)
            {
                if (!r.IsFatal) Frames++;
                yield return r;
            }
        }
    }

    private static IEnumerable<ReadResult> Stream(IEnumerable<ReadResult> frames, FrameSlice slice, CancellationToken cancellation)
    {
        if (slice.IsPast(0)) yield break;
        int index = 0;
        foreach (var r in frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (r.IsFatal || slice.Contains(index)) yield return r;
            if (r.IsFatal || slice.IsPast(++index)) yield break;
        }
    }

    /// <summary><c>start:-k:step</c>: a frame is known to be selected once k later frames exist.</summary>
    private static IEnumerable<ReadResult> Delayed(IEnumerable<ReadResult> frames, FrameSlice slice, CancellationToken cancellation)
    {
        int lag = -slice.Stop!.Value, start = slice.Start ?? 0, index = 0;
        var pending = new Queue<(int Index, ReadResult Result)>(lag + 1);
        foreach (var r in frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (r.IsFatal)
            {
                yield return r;
                yield break;
            }
            pending.Enqueue((index++, r));
            if (pending.Count <= lag) continue;
            var (i, old) = pending.Dequeue();
            if (i >= start && (i - start) % slice.Step == 0) yield return old;
        }
    }

    private static IEnumerable<ReadResult> Buffered(IEnumerable<ReadResult> frames, FrameSlice slice, CancellationToken cancellation)
    {
        // Frames that can matter: with a negative start and positive step only the last |start|;
        // reversed with a negative stop only the last |stop|-1; reversed with a stop ≥ 0 only
        // those after it, and reading can end after a non-negative start.
        int? capacity = slice.Step > 0 ? -slice.Start!.Value
            : slice.Stop is < 0 ? Math.Max(0, -slice.Stop.Value - 1) : null;
        int minIndex = slice.Step < 0 && slice.Stop is >= 0 ? slice.Stop.Value + 1 : 0;
        int? lastNeeded = slice.Step < 0 && slice.Start is >= 0 ? slice.Start.Value : null;
        var kept = new Queue<(int Index, ReadResult Result)>();
        ReadResult? fatal = null;
        int count = 0;
        foreach (var r in frames)
        {
            cancellation.ThrowIfCancellationRequested();
            if (r.IsFatal)
            {
                fatal = r;
                break;
            }
            int index = count++;
            if (index >= minIndex && capacity != 0) kept.Enqueue((index, r));
            if (capacity is { } cap && kept.Count > cap) kept.Dequeue();
            if (lastNeeded is { } last && index >= last) break;
        }
        var byIndex = kept.ToDictionary(k => k.Index, k => k.Result);
        foreach (int i in slice.Indices(count))
            if (byIndex.TryGetValue(i, out var r)) yield return r;
        if (fatal is { } f) yield return f;
    }
}
