using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.ActiveLearning;

/// <summary>
/// An active-learning run on disk: a hash of the pool's ids and every setting that changes the result, the
/// partition, the structures added per iteration (with their split) and the finished iterations. Written
/// whole through <see cref="AtomicFile"/> after every iteration — together with the next iteration's
/// structures, chosen while the current potential was at hand — so a stopped run resumes exactly where it
/// was and ends with the same result (doubles round-trip exactly). A file written for another pool or other
/// settings is refused.
/// </summary>
internal sealed class ActiveLearningState
{
    private const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public int Version { get; set; } = CurrentVersion;

    public string Signature { get; set; } = "";

    public int[] Labels { get; set; } = [];

    public double? Delta { get; set; }

    public List<DeltaScanPoint> Scan { get; set; } = [];

    /// <summary>Pool indices added per iteration; one more entry than <see cref="Iterations"/> while the next batch waits for its fit.</summary>
    public List<int[]> Batches { get; set; } = [];

    /// <summary>Whether each structure of the matching batch went to the test split.</summary>
    public List<bool[]> Test { get; set; } = [];

    public List<ActiveLearningIteration> Iterations { get; set; } = [];

    public ActiveLearningStopReason? Stop { get; set; }

    public string? Message { get; set; }

    /// <summary>The partition as stored.</summary>
    public ActiveLearningPartition Partition => new(Labels, Labels.Max() + 1, Delta, Scan);

    /// <summary>Reads <paramref name="path"/> if it exists; refuses a file of another run.</summary>
    public static ActiveLearningState? Load(string path, string signature)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return null;
        ActiveLearningState? state;
        try
        {
            state = JsonSerializer.Deserialize<ActiveLearningState>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"State file {path} cannot be read ({e.Message}); give a new -StatePath or delete it.", e);
        }
        if (state is null || state.Version != CurrentVersion || state.Signature != signature)
            throw new ArgumentException($"State file {path} belongs to another run (other pool or settings); give a new -StatePath or delete it.");
        return state;
    }

    /// <summary>Replaces <paramref name="path"/> with this state.</summary>
    public void Save(string path)
    {
        using var file = AtomicFile.Create(path);
        JsonSerializer.Serialize(file.Stream, this, Json);
        file.Commit();
    }

    /// <summary>A hash of the pool ids and every setting that changes a result (not the state path).</summary>
    public static string SignatureOf(IReadOnlyList<Structure> pool, ActiveLearningOptions options)
    {
        var sb = new StringBuilder();
        foreach (var s in pool) sb.Append(s.Id).Append('\n');
        var plain = OptionsBinder.ToPlain(options with { StatePath = null, Search = null });
        sb.Append(JsonSerializer.Serialize(plain, Json));
        if (options.Search is { } search)
        {
            sb.Append(CultureInfo.InvariantCulture, $"|search {search.Method} {search.Budget} {search.ValidationFraction:R}");
            foreach (var d in (search.Space ?? Potentials.Eam.EamSearchSpace.Default).Dimensions)
                sb.Append(CultureInfo.InvariantCulture, $" {d.Name} {d.Min:R} {d.Max:R}");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
