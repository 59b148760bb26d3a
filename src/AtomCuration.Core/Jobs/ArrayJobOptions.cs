using AtomCuration.Options;

namespace AtomCuration.Jobs;

/// <summary>
/// What a SLURM array job for one pipeline stage needs: the stage (a PowerShell script run once per shard with
/// <c>$Shard</c> = <c>k/n</c>), how many shards, the scheduler's resources and how to start PowerShell on a node.
/// </summary>
public sealed record ArrayJobOptions : IOptions
{
    /// <summary>PowerShell code of the stage; it sees <c>$Shard</c> (e.g. <c>"3/8"</c>), <c>$ShardIndex</c> and <c>$ShardCount</c>.</summary>
    public string Script { get; init; } = "";

    /// <summary>Number of shards = array tasks.</summary>
    [OptionRange(1, 100_000)]
    public int Shards { get; init; } = 1;

    /// <summary>Job name (<c>--job-name</c>).</summary>
    public string Name { get; init; } = "atomcuration";

    /// <summary>Partition (<c>--partition</c>); null = the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Account charged (<c>--account</c>); null = the user's default.</summary>
    public string? Account { get; init; }

    /// <summary>Time limit of each task (<c>--time</c>, e.g. <c>02:00:00</c>); null = the partition's default.</summary>
    public string? Time { get; init; }

    /// <summary>CPUs per task (<c>--cpus-per-task</c>); the stage's threads.</summary>
    [OptionRange(1, 4096)]
    public int CpusPerTask { get; init; } = 1;

    /// <summary>Memory per node (<c>--mem</c>, e.g. <c>4G</c>); null = the partition's default.</summary>
    public string? Memory { get; init; }

    /// <summary>Shell lines run before PowerShell on the node, e.g. <c>module load powershell</c>.</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>Further <c>#SBATCH</c> options, e.g. <c>--qos=short</c>.</summary>
    public IReadOnlyList<string> SbatchArguments { get; init; } = [];

    /// <summary>Command that starts PowerShell on a node (e.g. <c>pwsh</c>, or <c>dotnet /opt/pwsh/pwsh.dll</c>).</summary>
    public string Pwsh { get; init; } = "pwsh";

    /// <summary>The module manifest each task imports (AtomCuration.psd1), visible from the nodes.</summary>
    public string ModulePath { get; init; } = "";

    /// <summary>Working directory of each task (relative paths in the stage resolve against it).</summary>
    public string WorkingDirectory { get; init; } = ".";

    /// <inheritdoc />
    public void Validate()
    {
        OptionRanges.Validate(this);
        if (string.IsNullOrWhiteSpace(Script)) throw new ArgumentException("The stage script is empty.");
        if (string.IsNullOrWhiteSpace(ModulePath)) throw new ArgumentException("ModulePath names no module manifest.");
        foreach (var (name, value) in new[] { ("Name", Name), ("Partition", Partition), ("Account", Account), ("Time", Time), ("Memory", Memory) })
            if (value is not null && value.IndexOfAny(['\n', '\r', ' ', '\'', '"']) >= 0)
                throw new ArgumentException($"{name} '{value}' holds a space, quote or line break.");
    }
}
