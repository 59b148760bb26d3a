using System.Management.Automation;
using AtomCuration.Jobs;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Runs a pipeline stage as a SLURM array job, one task per shard (each runs the module in pwsh with $Shard = 'k/n'), waits for it, reports failed tasks with their logs and resubmits only those.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Submit, "CurationArrayJob", DefaultParameterSetName = SubmitSet, SupportsShouldProcess = true)]
[OutputType(typeof(CurationArrayJob))]
public sealed class SubmitCurationArrayJobCommand : PSCmdlet, IDisposable
{
    private const string SubmitSet = "Submit";
    private const string ResubmitSet = "Resubmit";
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The stage, run once per shard; it sees $Shard ('k/n'), $ShardIndex and $ShardCount, e.g. { Import-Structure pool/*.xyz -Shard $Shard | Get-Descriptor -Preset AverageSoap | Export-Descriptor soap.parquet -Shard $Shard }.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SubmitSet)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>Number of shards = array tasks.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SubmitSet)]
    [ValidateRange(1, 100_000)]
    public int Shards { get; set; }

    /// <summary>Folder for the job's scripts, task logs and exit codes (default: atomcuration-jobs/&lt;name&gt;-&lt;time&gt; here); must be visible from the nodes.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    [ValidateNotNullOrEmpty]
    public string? JobDirectory { get; set; }

    /// <summary>Resubmit the tasks of this earlier job folder that have not succeeded (binds a piped job's Directory).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ResubmitSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Directory")]
    [ValidateNotNullOrEmpty]
    public string Resubmit { get; set; } = "";

    /// <summary>Job name (sbatch --job-name).</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "atomcuration";

    /// <summary>Partition (sbatch --partition); default: the cluster's default partition.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string? Partition { get; set; }

    /// <summary>Account to charge (sbatch --account).</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string? Account { get; set; }

    /// <summary>Time limit per task (sbatch --time), e.g. '02:00:00'.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string? Time { get; set; }

    /// <summary>CPUs per task (sbatch --cpus-per-task); the stage's threads.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    [ValidateRange(1, 4096)]
    public int CpusPerTask { get; set; } = 1;

    /// <summary>Memory per task's node (sbatch --mem), e.g. '4G'.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string? Memory { get; set; }

    /// <summary>Shell lines run on the node before pwsh, e.g. 'module load powershell'.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string[] Setup { get; set; } = [];

    /// <summary>Further sbatch options, e.g. '--qos=short'.</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    public string[] SbatchArgument { get; set; } = [];

    /// <summary>Command starting PowerShell on a node (default: this session's PowerShell).</summary>
    [Parameter(ParameterSetName = SubmitSet)]
    [ValidateNotNullOrEmpty]
    public string? Pwsh { get; set; }

    /// <summary>Wait until the tasks have finished, then report failed ones as errors with their logs.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait: resubmit failed tasks up to this many times.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int Retry { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string dir;
        IReadOnlyList<int>? tasks = null;
        try
        {
            if (ParameterSetName == ResubmitSet)
            {
                dir = GetUnresolvedProviderPathFromPSPath(Resubmit);
                tasks = SlurmArrayJob.Unfinished(dir);
                if (tasks.Count == 0)
                {
                    WriteWarning($"Every task of {dir} has succeeded; nothing to resubmit.");
                    WriteObject(SlurmArrayJob.Status(dir, finished: true));
                    return;
                }
            }
            else
            {
                dir = GetUnresolvedProviderPathFromPSPath(JobDirectory
                    ?? System.IO.Path.Combine("atomcuration-jobs", $"{Name}-{DateTime.Now:yyyyMMdd-HHmmss}"));
                if (!ShouldProcess(dir, $"Submit a {Shards}-task SLURM array job")) return;
                SlurmArrayJob.Prepare(Options(), dir);
            }
            var job = SlurmArrayJob.Submit(dir, tasks);
            WriteVerbose($"Submitted job {job.JobId} (tasks {string.Join(",", job.Submitted)}) from {dir}.");
            if (!Wait)
            {
                WriteObject(job);
                return;
            }
            var progress = new ProgressRecord(5, "Submit-CurationArrayJob", $"job {job.JobId}");
            for (int attempt = 0; ; attempt++)
            {
                job = ProgressRelay.Run(p => SlurmArrayJob.Wait(dir, BoundOptions.Context(_stop.Token, 1, p)), ProgressRelay.Showing(this, progress));
                if (job.Failed.Count == 0 || attempt == Retry) break;
                WriteWarning($"Job {job.JobId}: task(s) {string.Join(",", job.Failed.Select(f => f.Task))} failed; resubmitting ({attempt + 1} of {Retry}).");
                job = SlurmArrayJob.Submit(dir, job.Failed.Select(f => f.Task).ToArray());
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            foreach (var f in job.Failed)
                WriteError(new ErrorRecord(new InvalidOperationException(
                        $"Task {f.Task}/{job.Shards} of job {job.JobId} failed (exit code {f.ExitCode?.ToString() ?? "none: killed, out of time or lost"}); log {f.LogPath}:\n{f.LogTail}"),
                    "ArrayTaskFailed", ErrorCategory.OperationStopped, f));
            WriteObject(job);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception or InvalidDataException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ArrayJobFailed", ErrorCategory.InvalidOperation, Resubmit));
        }
    }

    private ArrayJobOptions Options()
    {
        string home = (string)SessionState.PSVariable.GetValue("PSHOME");
        string pwsh = Pwsh ?? (File.Exists(System.IO.Path.Combine(home, "pwsh")) ? System.IO.Path.Combine(home, "pwsh")
            : "dotnet " + System.IO.Path.Combine(home, "pwsh.dll"));
        return new ArrayJobOptions
        {
            Script = ScriptBlock.ToString(),
            Shards = Shards,
            Name = Name,
            Partition = Partition,
            Account = Account,
            Time = Time,
            CpusPerTask = CpusPerTask,
            Memory = Memory,
            Setup = Setup,
            SbatchArguments = SbatchArgument,
            Pwsh = pwsh,
            ModulePath = System.IO.Path.Combine(MyInvocation.MyCommand.Module.ModuleBase, "AtomCuration.psd1"),
            WorkingDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath,
        };
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _stop.Dispose();
}
