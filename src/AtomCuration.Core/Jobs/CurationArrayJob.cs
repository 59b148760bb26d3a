namespace AtomCuration.Jobs;

/// <summary>The state of an array job's folder: its submissions and, once they are over, the tasks that failed.</summary>
/// <param name="Directory">The job folder (scripts, task logs, exit codes).</param>
/// <param name="JobIds">SLURM job ids of the submissions, first to last (a resubmission adds one).</param>
/// <param name="Shards">Number of shards = array tasks.</param>
/// <param name="Submitted">Tasks of the last submission.</param>
/// <param name="Succeeded">Tasks that left exit code 0.</param>
/// <param name="Failed">Tasks of the last submission that failed, with their logs (empty while running or when all succeeded).</param>
/// <param name="Finished">Whether the last submission has left the queue.</param>
public sealed record CurationArrayJob(
    string Directory,
    IReadOnlyList<string> JobIds,
    int Shards,
    IReadOnlyList<int> Submitted,
    IReadOnlyList<int> Succeeded,
    IReadOnlyList<ArrayTaskFailure> Failed,
    bool Finished)
{
    /// <summary>The last submission's job id.</summary>
    public string JobId => JobIds.Count > 0 ? JobIds[^1] : "";
}
