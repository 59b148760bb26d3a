using System.Text.Json;
using System.Text.Json.Serialization;

namespace AtomCuration.Studies;

/// <summary>
/// A study's finished trials on disk, one JSON object per line after a header line that names the study
/// (a hash of the pool's ids and every setting that changes a result). Lines are appended and flushed as
/// trials finish, so a stopped study loses at most the trials that were running; a rerun with the same
/// settings reads them back (doubles round-trip exactly) and runs only the rest. A file written for other
/// settings is refused, and a torn last line (the process killed mid-write) is ignored.
/// </summary>
internal sealed class StudyCheckpoint : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    private sealed record Header(string Study, int Version);

    /// <summary>Trials already on disk, by (method, count, fraction, trial).</summary>
    public Dictionary<string, StudyTrial> Done { get; } = new(StringComparer.Ordinal);

    public StudyCheckpoint(string path, string signature)
    {
        bool fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        if (!fresh)
        {
            using var reader = new StreamReader(path);
            var first = reader.ReadLine();
            Header? header = null;
            try { header = first is null ? null : JsonSerializer.Deserialize<Header>(first, Json); }
            catch (JsonException) { }
            if (header?.Study != signature)
                throw new ArgumentException($"Checkpoint {path} belongs to another study (other pool or settings); give a new -CheckpointPath or delete it.");
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                StudyTrial? t;
                try { t = JsonSerializer.Deserialize<StudyTrial>(line, Json); }
                catch (JsonException) { continue; } // a torn last line
                if (t is not null) Done[Key(t.Method, new StudySize(t.Budget is null && t.Threshold is null ? t.Count : 0, t.Fraction, t.Budget, t.Threshold), t.Trial)] = t;
            }
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
        if (fresh)
        {
            _writer.WriteLine(JsonSerializer.Serialize(new Header(signature, 1), Json));
            _writer.Flush();
        }
    }

    public static string Key(string method, StudySize size, int trial) =>
        FormattableString.Invariant($"{method}\u001f{size.Count}\u001f{size.Fraction:R}\u001f{trial}\u001f{size.Budget:R}\u001f{size.Threshold:R}");

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
