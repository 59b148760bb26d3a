using AtomCuration.Jobs;

namespace AtomCuration.Tests.Jobs;

/// <summary>The job folder's scripts (the real submission is tested in tests/pester/Submit-CurationArrayJob.Tests.ps1).</summary>
public class SlurmArrayJobTests
{
    private static readonly ArrayJobOptions Options = new()
    {
        Script = "Import-Structure pool.xyz -Shard $Shard",
        Shards = 8,
        Name = "soap",
        Partition = "short",
        Account = "chem123",
        Time = "02:00:00",
        CpusPerTask = 4,
        Memory = "8G",
        Setup = ["module load powershell"],
        SbatchArguments = ["--qos=low"],
        Pwsh = "/opt/pwsh/pwsh",
        ModulePath = "/opt/AtomCuration/AtomCuration.psd1",
        WorkingDirectory = "/scratch/me",
    };

    [Fact]
    public void TheBatchScriptCarriesTheResourcesSetupAndExitCodeWrapper()
    {
        string s = SlurmArrayJob.BatchScript(Options, "/scratch/me/job");
        foreach (var line in new[] { "#SBATCH --job-name=soap", "#SBATCH --output=/scratch/me/job/task-%a.log", "#SBATCH --cpus-per-task=4",
                     "#SBATCH --partition=short", "#SBATCH --account=chem123", "#SBATCH --time=02:00:00", "#SBATCH --mem=8G", "#SBATCH --qos=low",
                     "module load powershell", "/opt/pwsh/pwsh -NoProfile -NonInteractive -File \"/scratch/me/job/stage.ps1\" -Shard \"${SLURM_ARRAY_TASK_ID}/8\"",
                     "echo \"$rc\" > \"$rc_file\"" })
            Assert.Contains(line + "\n", s);
        Assert.True(s.IndexOf("module load", StringComparison.Ordinal) > s.LastIndexOf("#SBATCH", StringComparison.Ordinal), "setup after the #SBATCH lines");
        Assert.DoesNotContain(s.Split('\n'), l => l.StartsWith("#SBATCH --array", StringComparison.Ordinal)); // given at submission
    }

    [Fact]
    public void TheStageScriptImportsTheModuleAndRunsInTheWorkingDirectory()
    {
        string s = SlurmArrayJob.StageScript(Options with { WorkingDirectory = "/scratch/o'brien" });
        Assert.Contains("Import-Module '/opt/AtomCuration/AtomCuration.psd1'", s);
        Assert.Contains("Set-Location -LiteralPath '/scratch/o''brien'", s);
        Assert.Contains("Import-Structure pool.xyz -Shard $Shard", s);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4 }, "1-4")]
    [InlineData(new[] { 2 }, "2")]
    [InlineData(new[] { 1, 3, 4, 5, 9 }, "1,3-5,9")]
    public void FailedTasksAreResubmittedAsACompactArray(int[] tasks, string spec) => Assert.Equal(spec, SlurmArrayJob.ArraySpec(tasks));

    [Fact]
    public void OptionsRefuseValuesThatWouldBreakTheScript()
    {
        Assert.ThrowsAny<ArgumentException>(() => (Options with { Partition = "a b" }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Options with { Script = " " }).Validate());
        Assert.ThrowsAny<ArgumentException>(() => (Options with { Shards = 0 }).Validate());
    }
}
