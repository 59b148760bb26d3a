using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtomCuration.Studies;

/// <summary>
/// A study's finished trials on disk, one JSON object per line after a header line that names the study
/// (a hash of the pool's ids and every setting that changes a result). Lines are appended and flushed as
/// trials finish, so a stopped study loses at most the trials that were running; a rerun with the same
/// settings reads them back (doubles round-trip exactly) and runs only the rest. A file written for other
/// settings is refused, and a torn last line (the process killed mid-write) is ignored. The header also lists
/// the keys of every trial of the whole study in table order (<see cref="Header.Plan"/>), so that the files of a
/// study's shards, which share the header, can be merged into the single-run table (<see cref="StudyParts"/>).
/// </summary>
internal sealed class StudyCheckpoint : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    /// <summary>The first line: the study's signature, the format version and the keys of all its trials in table order (null in files written before sharding).</summary>
    internal sealed record Header(string Study, int Version, IReadOnlyList<string>? Plan = null);

    /// <summary>Trials already on disk, by (method, count, fraction, trial).</summary>
    public Dictionary<string, StudyTrial> Done { get; } = new(StringComparer.Ordinal);

    /// <summary>Opens (or starts) the checkpoint of the study with <paramref name="signature"/>, whose trials in table order have the keys <paramref name="plan"/>.</summary>
    public StudyCheckpoint(string path, string signature, IReadOnlyList<string> plan)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (!fresh)
        {
            var (header, trials) = Read(path);
            if (header?.Study != signature)
                throw new ArgumentException($"Checkpoint {path} belongs to another study (other pool or settings); give a new -CheckpointPath or delete it.");
            foreach (var t in trials) Done[KeyOf(t)] = t;
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        if (fresh)
        {
            _writer.WriteLine(JsonSerializer.Serialize(new Header(signature, 1, plan), Json));
            _writer.Flush();
        }
    }

    /// <summary>The header (null when the first line is not one) and the trials of a checkpoint file, a torn last line skipped.</summary>
    internal static (Header? Header, List<StudyTrial> Trials) Read(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        Header? header = null;
        try { header = first is null ? null : JsonSerializer.Deserialize<Header>(first, Json); }
        catch (JsonException) { }
        var trials = new List<StudyTrial>();
        if (header is null) return (null, trials);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            StudyTrial? t;
            try { t = JsonSerializer.Deserialize<StudyTrial>(line, Json); }
            catch (JsonException) { continue; } // a torn last line
            if (t is not null) trials.Add(t);
        }
        return (header, trials);
    }

    public static string Key(string method, StudySize size, int trial) =>
        FormattableString.Invariant($"{method}\u001f{size.Count}\u001f{size.Fraction:R}\u001f{trial}\u001f{size.Budget:R}\u001f{size.Threshold:R}");

    /// <summary>The key of a finished trial (a budget or threshold size has no fixed count).</summary>
    public static string KeyOf(StudyTrial t) =>
        Key(t.Method, new StudySize(t.Budget is null && t.Threshold is null ? t.Count : 0, t.Fraction, t.Budget, t.Threshold), t.Trial);

    public void Append(StudyTrial trial)
    {
        var line = JsonSerializer.Serialize(trial, Json);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
