namespace AtomCuration.Jobs;

/// <summary>An array task that did not succeed: its shard, exit code (null when it never finished: killed, out of time, node lost) and log.</summary>
/// <param name="Task">Task number = shard index k of k/n.</param>
/// <param name="ExitCode">PowerShell's exit code, or null when the task left none.</param>
/// <param name="LogPath">The task's log (standard output and error).</param>
/// <param name="LogTail">The last lines of the log, or null when there is none.</param>
public sealed record ArrayTaskFailure(int Task, int? ExitCode, string LogPath, string? LogTail);
