namespace AtomCuration.Studies;

/// <summary>
/// Merges the checkpoint files of one study's shards (<see cref="StudyOptions.Shard"/>, e.g. the tasks of a
/// SLURM array) into the table a single run gives: every file must carry the same study signature, and the
/// trials come back in the order of the plan listed in the files' headers. A trial found in several files
/// (a shard rerun into another file) is taken from the first; trials no file holds are reported.
/// </summary>
public static class StudyParts
{
    /// <summary>The merged trials in table order and the keys of the planned trials missing from every file.</summary>
    /// <param name="Trials">Trials found, in the single-run order.</param>
    /// <param name="Missing">Planned trials no file holds, as "method ×count, trial t".</param>
    /// <param name="Planned">Trials in the whole study.</param>
    public sealed record Merged(IReadOnlyList<StudyTrial> Trials, IReadOnlyList<string> Missing, int Planned);

    /// <summary>Reads and merges <paramref name="paths"/> (checkpoint files written by shards of one study).</summary>
    /// <exception cref="ArgumentException">No file, a file that is not a study checkpoint or has no plan, or files of different studies.</exception>
    public static Merged Merge(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw new ArgumentException("No study part to merge.");
        string? study = null;
        IReadOnlyList<string>? plan = null;
        var found = new Dictionary<string, StudyTrial>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var (header, trials) = StudyCheckpoint.Read(path);
            if (header is null) throw new ArgumentException($"{path} is not a selection-study checkpoint (Invoke-SelectionStudy -CheckpointPath).");
            if (header.Plan is null) throw new ArgumentException($"{path} was written without the study's plan (before sharding); rerun it to merge it.");
            if (study is null)
            {
                study = header.Study;
                plan = header.Plan;
            }
            else if (header.Study != study)
                throw new ArgumentException($"{path} belongs to another study than {paths[0]} (other pool or settings).");
            foreach (var t in trials) found.TryAdd(StudyCheckpoint.KeyOf(t), t);
        }
        var merged = new List<StudyTrial>(plan!.Count);
        var missing = new List<string>();
        foreach (var key in plan)
        {
            if (found.TryGetValue(key, out var t)) merged.Add(t);
            else missing.Add(Describe(key));
        }
        return new Merged(merged, missing, plan.Count);
    }

    /// <summary>"method ×count, trial t" from a checkpoint key (fields: method, count, fraction, trial, budget, threshold).</summary>
    private static string Describe(string key)
    {
        var f = key.Split('\u001f');
        string size = f[4].Length > 0 ? $"budget {f[4]}" : f[5].Length > 0 ? $"threshold {f[5]}" : $"×{f[1]}";
        return $"{f[0]} {size}, trial {f[3]}";
    }
}
