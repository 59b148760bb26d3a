using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Storage;

/// <summary>What a selection from a store returns for one pick: its row and, when its source file could be read, the structure.</summary>
/// <param name="Row">The store row, with the pick's rank, score and cluster.</param>
/// <param name="Structure">The structure read back from <see cref="StoreRow.SourcePath"/>, or null.</param>
/// <param name="Error">Why the structure could not be read back, or null.</param>
public sealed record StorePick(StoreRow Row, Structure? Structure, Exception? Error);

/// <summary>
/// Selection from a descriptor store without loading it: dispatches to the chunked methods, then reads the picked
/// rows' metadata in one more pass and, when asked, fetches the picked structures from their source files.
/// </summary>
public static class StoreSelector
{
    /// <summary>Selects from <paramref name="store"/>; indices are store ordinals (pool order).</summary>
    public static SelectionResult Select(DescriptorStore store, StoreSelectionOptions options, RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (store.Structures > int.MaxValue) throw new ArgumentException($"Store '{store.Path}' has {store.Structures} structures; at most {int.MaxValue} are supported.");
        if (options.Method == SelectionMethod.LocalEnvironmentBank)
        {
            var bank = options.Bank();
            bank.Validate();
            return LocalEnvironmentBank.SelectFrom(new StoreEnvironments(store, options.CacheBytes, context?.Cancellation ?? default),
                (LocalEnvironmentBankOptions)bank.WithRun(context, "select"));
        }
        if (options.Method != SelectionMethod.Random) StoreStructures.RequireStructures(store, $"-Method {options.Method}");
        return options.Method switch
        {
            SelectionMethod.Random => RandomSelector.Select((int)store.Structures, new RandomOptions { Count = options.Count, Seed = options.Seed }),
            SelectionMethod.KMeans => MiniBatchKMeans.Select(store, options, context),
            SelectionMethod.Fps => StoreFarthestPointSampling.Select(store, options, context),
            SelectionMethod.Cur => StoreCur.Select(store, options, context),
            _ => throw new ArgumentException($"Unsupported store method {options.Method}."),
        };
    }

    /// <summary>
    /// The picked structures' rows in selection order, with rank, score and cluster, read in one pass (from a per-atom
    /// store: the structure's row with its atoms' descriptors in <see cref="StoreRow.AtomDescriptors"/>).
    /// </summary>
    public static IReadOnlyList<StoreRow> Rows(DescriptorStore store, SelectionResult result, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        var rank = new Dictionary<long, int>();
        for (int r = 0; r < result.SelectedIndices.Count; r++) rank[result.SelectedIndices[r]] = r;
        var rows = new StoreRow[result.SelectedIndices.Count];
        int found = 0;
        StoreRow Ranked(StoreRow row, int r) => row with
        {
            SelectionRank = r,
            SelectionScore = result.Scores[r],
            ClusterId = result.Labels is { } labels ? labels[result.SelectedIndices[r]] : null,
        };
        if (store.Layout == StoreLayout.Atom)
        {
            // The text columns repeat on every atom's row: find the picks' pool positions in a numeric pass first,
            // then read the text of only the row groups that hold them.
            var pools = new HashSet<long>();
            foreach (var s in StoreStructures.Read(store, null, cancellation))
                if (rank.ContainsKey(s.Ordinal) && pools.Add(s.PoolIndex) && pools.Count == rows.Length) break;
            foreach (var s in StoreStructures.Read(store, group => group.Any(pools.Contains), cancellation))
            {
                if (found == rows.Length) break;
                if (!rank.TryGetValue(s.Ordinal, out int r)) continue;
                rows[r] = Ranked(s.Row! with { AtomDescriptors = s.Environments, AtomicNumbers = [.. s.AtomicNumbers] }, r);
                found++;
            }
            return rows;
        }
        foreach (var chunk in store.Chunks(true, cancellation))
        {
            for (int i = 0; i < chunk.Rows; i++)
                if (rank.TryGetValue(chunk.Start + i, out int r))
                {
                    rows[r] = Ranked(StoreRow.From(chunk, i), r);
                    found++;
                }
            if (found == rows.Length) break;
        }
        return rows;
    }

    /// <summary>
    /// Reads the structures of <paramref name="rows"/> back from their source files (each file once, up to its last
    /// needed frame), in the order of <paramref name="rows"/>, carrying the store's id, descriptor and the pick's rank,
    /// score and cluster. A row whose file or frame cannot be read comes back with the error instead.
    /// </summary>
    public static IEnumerable<StorePick> Fetch(IReadOnlyList<StoreRow> rows, IReadOnlyList<string> labels, ReadOptions? options = null,
        RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var found = new Dictionary<(string, int), Structure>();
        var errors = new Dictionary<string, Exception>();
        foreach (var file in rows.Where(r => r.SourcePath is not null).GroupBy(r => r.SourcePath!))
        {
            var frames = file.Select(r => r.FrameIndex).ToHashSet();
            try
            {
                if (!File.Exists(file.Key)) throw new FileNotFoundException($"The source file '{file.Key}' is not reachable.", file.Key);
                var read = (options ?? new ReadOptions()) with { Index = FrameSlice.Range(0, frames.Max() + 1) };
                foreach (var result in StructureIO.Read(file.Key, read, context))
                    if (result.Structure is { } s && frames.Contains(s.FrameIndex)) found[(file.Key, s.FrameIndex)] = s;
                    else if (result.IsFatal) throw result.Error!;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StructureFormatException)
            {
                errors[file.Key] = e;
            }
        }
        foreach (var row in rows)
        {
            if (row.SourcePath is null)
                yield return new StorePick(row, null, new FileNotFoundException($"{row.Id} has no source file in the store."));
            else if (found.TryGetValue((row.SourcePath, row.FrameIndex), out var s))
                yield return new StorePick(row, new Structure(s)
                {
                    Id = row.Id,
                    PoolIndex = row.PoolIndex,
                    Descriptor = row.AtomDescriptors is null ? row.Descriptor : null,
                    DescriptorLabels = row.AtomDescriptors is null ? labels : null,
                    AtomDescriptors = row.AtomDescriptors,
                    SelectionRank = row.SelectionRank,
                    SelectionScore = row.SelectionScore,
                    ClusterId = row.ClusterId,
                }, null);
            else
                yield return new StorePick(row, null, errors.GetValueOrDefault(row.SourcePath)
                    ?? new StructureFormatException(row.SourcePath, null, row.FrameIndex, $"frame {row.FrameIndex} could not be read back"));
        }
    }
}
