using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AtomCuration.Options;

namespace AtomCuration.Jobs;

/// <summary>
/// A SLURM array job for one pipeline stage, kept in a job folder: <c>stage.ps1</c> (the stage, run by PowerShell with
/// <c>-Shard k/n</c>), <c>job.sbatch</c> (resources, setup lines, and a wrapper that records each task's exit code in
/// <c>task-k.rc</c>), <c>task-k.log</c> (output and errors) and <c>job.json</c> (shards and job ids). Success is read
/// from the exit-code files rather than from accounting (<c>sacct</c>), which many clusters and a one-node test cluster
/// do not run: a task that left no file (killed, out of time, node lost) has failed. Resubmitting sends only the failed
/// tasks again (<c>--array=2,5</c>), into the same folder, so a stage's store parts are completed in place.
/// </summary>
public static class SlurmArrayJob
{
    private const string StateFile = "job.json";

    /// <summary>Writes the job folder <paramref name="directory"/> for <paramref name="options"/> (created when missing).</summary>
    public static void Prepare(ArrayJobOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string dir = Path.GetFullPath(directory);
        if (dir.IndexOfAny([' ', '\'', '"', '\n']) >= 0) throw new ArgumentException($"The job folder '{dir}' holds a space or quote; #SBATCH lines cannot quote it.");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "stage.ps1"), StageScript(options));
        File.WriteAllText(Path.Combine(dir, "job.sbatch"), BatchScript(options, dir));
        Save(dir, new JobState(options.Shards, [], []));
    }

    /// <summary>The PowerShell script each task runs.</summary>
    internal static string StageScript(ArrayJobOptions o) => $$"""
        # Written by Submit-CurationArrayJob: one shard of a pipeline stage.
        param([Parameter(Mandatory)][string]$Shard)
        $ErrorActionPreference = 'Stop'
        $ProgressPreference = 'SilentlyContinue'
        Import-Module {{Quote(Path.GetFullPath(o.ModulePath))}}
        $ShardIndex, $ShardCount = $Shard.Split('/') | ForEach-Object { [int]$_ }
        Set-Location -LiteralPath {{Quote(Path.GetFullPath(o.WorkingDirectory))}}
        {{o.Script.Trim()}}

        """;

    /// <summary>The batch script: resources, setup and the exit-code wrapper.</summary>
    internal static string BatchScript(ArrayJobOptions o, string dir)
    {
        var s = new StringBuilder("#!/bin/bash\n");
        s.Append("#SBATCH --job-name=").Append(o.Name).Append('\n');
        s.Append("#SBATCH --output=").Append(dir).Append("/task-%a.log\n");
        s.Append("#SBATCH --ntasks=1\n");
        s.Append("#SBATCH --cpus-per-task=").Append(o.CpusPerTask.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (o.Partition is not null) s.Append("#SBATCH --partition=").Append(o.Partition).Append('\n');
        if (o.Account is not null) s.Append("#SBATCH --account=").Append(o.Account).Append('\n');
        if (o.Time is not null) s.Append("#SBATCH --time=").Append(o.Time).Append('\n');
        if (o.Memory is not null) s.Append("#SBATCH --mem=").Append(o.Memory).Append('\n');
        foreach (var a in o.SbatchArguments) s.Append("#SBATCH ").Append(a).Append('\n');
        s.Append("# The array (--array=…) is given at submission, so that a resubmission can name only the failed tasks.\n");
        foreach (var line in o.Setup) s.Append(line).Append('\n');
        s.Append("rc_file=\"").Append(dir).Append("/task-${SLURM_ARRAY_TASK_ID}.rc\"\n");
        s.Append("rm -f \"$rc_file\"\n");
        s.Append(o.Pwsh).Append(" -NoProfile -NonInteractive -File \"").Append(dir).Append("/stage.ps1\" -Shard \"${SLURM_ARRAY_TASK_ID}/")
            .Append(o.Shards.ToString(CultureInfo.InvariantCulture)).Append("\"\n");
        s.Append("rc=$?\necho \"$rc\" > \"$rc_file\"\nexit \"$rc\"\n");
        return s.ToString();
    }

    /// <summary>
    /// Submits <paramref name="tasks"/> (null = all shards) of the prepared job in <paramref name="directory"/> with
    /// <c>sbatch --array</c>, after removing their old exit codes; returns the job's state.
    /// </summary>
    public static CurationArrayJob Submit(string directory, IReadOnlyList<int>? tasks = null)
    {
        string dir = Path.GetFullPath(directory);
        var state = Load(dir);
        var list = (tasks ?? Enumerable.Range(1, state.Shards).ToArray()).Distinct().Order().ToArray();
        if (list.Length == 0) throw new ArgumentException("No task to submit.");
        if (list.Any(t => t < 1 || t > state.Shards)) throw new ArgumentException($"Tasks must be 1…{state.Shards}.");
        foreach (int t in list) File.Delete(RcPath(dir, t));
        var (code, output, error) = Run("sbatch", ["--parsable", "--array=" + ArraySpec(list), Path.Combine(dir, "job.sbatch")], dir);
        if (code != 0) throw new InvalidOperationException($"sbatch failed ({code}): {error.Trim()}");
        string id = output.Trim().Split(';')[0];
        state = state with { JobIds = [.. state.JobIds, id], LastTasks = list };
        Save(dir, state);
        return Status(dir, finished: false);
    }

    /// <summary>Waits until the last submission of the job in <paramref name="directory"/> has left the queue (polling squeue), then returns its state.</summary>
    public static CurationArrayJob Wait(string directory, RunContext? context = null, TimeSpan? poll = null)
    {
        context ??= RunContext.Default;
        string dir = Path.GetFullPath(directory);
        var state = Load(dir);
        if (state.JobIds.Count == 0) throw new InvalidOperationException($"The job in '{dir}' was never submitted.");
        string id = state.JobIds[^1];
        while (true)
        {
            var (code, output, _) = Run("squeue", ["-h", "-r", "-j", id, "-o", "%i %T"], dir);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (code != 0 || lines.Length == 0) break; // squeue forgets finished jobs; an unknown id is a finished one
            var done = state.LastTasks.Count(t => File.Exists(RcPath(dir, t)));
            context.Report(done / (double)state.LastTasks.Count, $"job {id}: {lines.Length} task(s) queued or running");
            context.Cancellation.WaitHandle.WaitOne(poll ?? TimeSpan.FromSeconds(2));
            context.Cancellation.ThrowIfCancellationRequested();
        }
        return Status(dir, finished: true);
    }

    /// <summary>The state of the job in <paramref name="directory"/>; failures are listed once <paramref name="finished"/>.</summary>
    public static CurationArrayJob Status(string directory, bool finished)
    {
        string dir = Path.GetFullPath(directory);
        var state = Load(dir);
        var succeeded = Enumerable.Range(1, state.Shards).Where(t => ExitCode(dir, t) == 0).ToArray();
        var failed = finished
            ? state.LastTasks.Where(t => ExitCode(dir, t) != 0)
                .Select(t => new ArrayTaskFailure(t, ExitCode(dir, t), LogPath(dir, t), Tail(LogPath(dir, t), 20))).ToArray()
            : [];
        return new CurationArrayJob(dir, state.JobIds, state.Shards, state.LastTasks, succeeded, failed, finished);
    }

    /// <summary>Tasks of the job in <paramref name="directory"/> that have not succeeded (no exit code 0).</summary>
    public static IReadOnlyList<int> Unfinished(string directory)
    {
        string dir = Path.GetFullPath(directory);
        return Enumerable.Range(1, Load(dir).Shards).Where(t => ExitCode(dir, t) != 0).ToArray();
    }

    /// <summary><c>1-4,7,9-10</c> for the sorted <paramref name="tasks"/>.</summary>
    internal static string ArraySpec(IReadOnlyList<int> tasks)
    {
        var parts = new List<string>();
        for (int i = 0; i < tasks.Count;)
        {
            int j = i;
            while (j + 1 < tasks.Count && tasks[j + 1] == tasks[j] + 1) j++;
            parts.Add(j == i ? tasks[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{tasks[i]}-{tasks[j]}"));
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    private static string RcPath(string dir, int task) => Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"task-{task}.rc"));

    private static string LogPath(string dir, int task) => Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"task-{task}.log"));

    private static int? ExitCode(string dir, int task) =>
        File.Exists(RcPath(dir, task)) && int.TryParse(File.ReadAllText(RcPath(dir, task)).Trim(), CultureInfo.InvariantCulture, out int rc) ? rc : null;

    private static string? Tail(string path, int lines) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : null;

    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    private sealed record JobState(int Shards, IReadOnlyList<string> JobIds, IReadOnlyList<int> LastTasks);

    private static JobState Load(string dir)
    {
        string file = Path.Combine(dir, StateFile);
        if (!File.Exists(file)) throw new FileNotFoundException($"'{dir}' is not an array job folder (no {StateFile}).", file);
        return JsonSerializer.Deserialize<JobState>(File.ReadAllText(file)) ?? throw new InvalidDataException($"{file} is empty.");
    }

    private static void Save(string dir, JobState state) =>
        File.WriteAllText(Path.Combine(dir, StateFile), JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true }));

    private static (int Code, string Output, string Error) Run(string program, IReadOnlyList<string> args, string dir)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, error.Result);
    }
}
