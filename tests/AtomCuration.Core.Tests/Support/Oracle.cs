using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AtomCuration.Tests.Support;

/// <summary>
/// Runs an external reference program (ASE, pymatgen, scikit-learn, SciPy, mpmath, numpy, LAMMPS,
/// bgzip) live, or replays its frozen output from tests/oracles/fixtures/frozen.
/// <para>
/// Every cross-check exists twice: a plain test that runs its assertions on the frozen output
/// (<see cref="Frozen(Action)"/>: runs on any machine), and a live test carrying
/// <c>[Trait("Oracle", name)]</c> (<see cref="Live(string, Action)"/>) that runs the oracle itself.
/// A live test whose oracle is missing is reported as skipped with the reason, unless
/// ATOMCURATION_REQUIRE_ORACLES=1 (set by .ci/run): then it fails. With ATOMCURATION_RECORD_ORACLES=1 a
/// live run also writes the frozen output (tests/oracles/freeze.sh).
/// </para>
/// <para>
/// A frozen output is keyed by the program's arguments and standard input, in which every absolute
/// path is replaced by what it names: a file by its content hash, a folder by its files' hashes, a path
/// not yet existing by its name. Files the oracle writes into those folders or paths are stored with
/// the output and put back on replay. Changing an oracle's input therefore asks for a new fixture
/// (the frozen test fails and says so) instead of comparing against stale numbers.
/// </para>
/// </summary>
public static class Oracle
{
    private enum Mode
    {
        Unset,
        Live,
        Frozen,
    }

    private static readonly AsyncLocal<Mode> Current = new();

    /// <summary>Whether oracle calls on this flow run live.</summary>
    public static bool IsLive => Current.Value == Mode.Live;

    /// <summary>Whether a missing oracle fails the test instead of skipping it (ATOMCURATION_REQUIRE_ORACLES=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable("ATOMCURATION_REQUIRE_ORACLES") == "1";

    /// <summary>Whether live runs write their frozen output (ATOMCURATION_RECORD_ORACLES=1).</summary>
    public static bool Recording => Environment.GetEnvironmentVariable("ATOMCURATION_RECORD_ORACLES") == "1";

    /// <summary>The folder of frozen outputs.</summary>
    public static string FixtureFolder => RepoPaths.Combine("tests", "oracles", "fixtures", "frozen");

    /// <summary>Runs <paramref name="body"/> with every oracle call answered from its frozen output.</summary>
    public static void Frozen(Action body) => With(Mode.Frozen, body);

    /// <summary>Runs <paramref name="body"/> with every oracle call answered from its frozen output.</summary>
    public static async Task FrozenAsync(Func<Task> body)
    {
        var previous = Current.Value;
        Current.Value = Mode.Frozen;
        try
        {
            await body();
        }
        finally
        {
            Current.Value = previous;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> against the live oracles after checking that each of
    /// <paramref name="needs"/> is present (skipped with the reason when one is missing, failed under
    /// ATOMCURATION_REQUIRE_ORACLES=1). Python modules a script imports are checked on each call too.
    /// </summary>
    public static void Live(string needs, Action body)
    {
        foreach (var need in needs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Need(need);
        With(Mode.Live, body);
    }

    private static void With(Mode mode, Action body)
    {
        var previous = Current.Value;
        Current.Value = mode;
        try
        {
            body();
        }
        finally
        {
            Current.Value = previous;
        }
    }

    private static readonly Dictionary<string, string?> Missing = new();

    /// <summary>
    /// Skips (or, when required, fails) the running test if oracle <paramref name="name"/> is missing:
    /// "python", a Python module (ase, pymatgen, sklearn, scipy, mpmath, numpy), "lammps" (the lmp
    /// executable), "lammps-data" (Debian's /usr/share/lammps/potentials) or "bgzip".
    /// </summary>
    public static void Need(string name)
    {
        string? reason;
        lock (Missing)
        {
            if (!Missing.TryGetValue(name, out reason)) Missing[name] = reason = Probe(name);
        }
        if (reason is null) return;
        if (Required) Assert.Fail($"Oracle '{name}' is missing ({reason}) and ATOMCURATION_REQUIRE_ORACLES=1.");
        throw new SkipException($"Oracle '{name}' is missing: {reason}. Install it with .ci/run's apt-get line.");
    }

    private static string? Probe(string name)
    {
        switch (name)
        {
            case "python":
                return File.Exists(PythonOracle.Python) ? null : $"no Python at {PythonOracle.Python}";
            case "lammps":
                return OnPath("lmp") ? null : "no lmp on PATH";
            case "lammps-data":
                return Directory.Exists(LammpsPotentials) ? null : $"no {LammpsPotentials}";
            case "bgzip":
                return OnPath("bgzip") ? null : "no bgzip on PATH";
            default:
                if (Probe("python") is { } noPython) return noPython;
                var psi = new ProcessStartInfo(PythonOracle.Python, ["-c", "import " + name])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                using (var p = Process.Start(psi)!)
                {
                    string err = p.StandardError.ReadToEnd();
                    p.WaitForExit();
                    return p.ExitCode == 0 ? null : $"{PythonOracle.Python} cannot import {name}: {err.Trim().Split('\n')[^1]}";
                }
        }
    }

    /// <summary>Debian lammps-data's potential folder (read by live tests only).</summary>
    public const string LammpsPotentials = "/usr/share/lammps/potentials";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(d => File.Exists(Path.Combine(d, program)));

    /// <summary>
    /// Runs <paramref name="program"/> (live) or replays its frozen output. <paramref name="label"/> names
    /// the fixture family (the script or program); the key is built from <paramref name="keyArgs"/> and
    /// <paramref name="stdin"/> (<paramref name="keyArgs"/> defaults to <paramref name="args"/>).
    /// </summary>
    public static byte[] Run(string label, string program, IReadOnlyList<string> args, string? stdin, IReadOnlyList<string>? keyArgs = null)
    {
        var mode = Current.Value;
        if (mode == Mode.Unset)
            throw new InvalidOperationException($"Oracle call to {label} outside Oracle.Live or Oracle.Frozen: every cross-check has both.");
        var paths = new List<string>();
        var key = new StringBuilder(label).Append('\n');
        foreach (var a in keyArgs ?? args) key.Append(Normalize(a, paths)).Append('\n');
        if (stdin is not null) key.Append(NormalizeJson(stdin, paths));
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..20];
        string fixture = Path.Combine(FixtureFolder, $"{Path.GetFileNameWithoutExtension(label)}-{hash}.json.gz");
        if (mode == Mode.Frozen) return Replay(fixture, label, paths);

        var before = paths.Select(Snapshot).ToList();
        byte[] output = Execute(label, program, args, stdin);
        if (Recording) Record(fixture, label, output, paths, before);
        return output;
    }

    private static byte[] Execute(string label, string program, IReadOnlyList<string> args, string? stdin)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {program}.");
        using var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(true);
            throw new TimeoutException($"{label} did not finish in 5 minutes.");
        }
        copy.Wait();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{label} failed ({p.ExitCode}).\n{stderr.Result}");
        return stdout.ToArray();
    }

    /// <summary>Files under a path before the run: name → content hash (a folder's top-level files, or the file itself).</summary>
    private static Dictionary<string, string> Snapshot(string path)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(path))
            foreach (var f in Directory.GetFiles(path)) files[Path.GetFileName(f)] = FileHash(f);
        else if (File.Exists(path)) files[""] = FileHash(path);
        return files;
    }

    private static void Record(string fixture, string label, byte[] output, List<string> paths, List<Dictionary<string, string>> before)
    {
        var written = new JsonArray();
        for (int i = 0; i < paths.Count; i++)
        {
            var after = Snapshot(paths[i]);
            foreach (var (name, h) in after.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                if (before[i].TryGetValue(name, out var old) && old == h) continue;
                string file = name.Length == 0 ? paths[i] : Path.Combine(paths[i], name);
                written.Add(new JsonObject { ["path"] = i, ["name"] = name, ["data"] = Convert.ToBase64String(File.ReadAllBytes(file)) });
            }
        }
        var doc = new JsonObject
        {
            ["oracle"] = label,
            ["files"] = written,
        };
        // Text output stays readable; binary output (bgzip) is kept as base64.
        try
        {
            doc["stdout"] = new UTF8Encoding(false, true).GetString(output);
        }
        catch (DecoderFallbackException)
        {
            doc["stdout_base64"] = Convert.ToBase64String(output);
        }
        Directory.CreateDirectory(FixtureFolder);
        using var gz = new GZipStream(File.Create(fixture), CompressionLevel.SmallestSize);
        gz.Write(Encoding.UTF8.GetBytes(doc.ToJsonString()));
    }

    private static byte[] Replay(string fixture, string label, List<string> paths)
    {
        if (!File.Exists(fixture))
            Assert.Fail($"No frozen output of {label} for this input ({Path.GetFileName(fixture)}): the input changed or the fixture was never made. " +
                        "Re-freeze with tests/oracles/freeze.sh on a machine with the oracles (.ci/run's apt-get line).");
        using var gz = new GZipStream(File.OpenRead(fixture), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        foreach (var f in doc.RootElement.GetProperty("files").EnumerateArray())
        {
            string root = paths[f.GetProperty("path").GetInt32()];
            string name = f.GetProperty("name").GetString()!;
            string target = name.Length == 0 ? root : Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Convert.FromBase64String(f.GetProperty("data").GetString()!));
        }
        return doc.RootElement.TryGetProperty("stdout", out var text)
            ? Encoding.UTF8.GetBytes(text.GetString()!)
            : Convert.FromBase64String(doc.RootElement.GetProperty("stdout_base64").GetString()!);
    }

    private static string FileHash(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s))[..20];
    }

    /// <summary>The key text of one argument or JSON string: absolute paths become what they name.</summary>
    private static string Normalize(string value, List<string> paths)
    {
        if (!value.StartsWith('/') || value.Contains('\n')) return value;
        string root = RepoPaths.Root + "/";
        string name = Path.GetFileName(value.TrimEnd('/'));
        int dot = name.IndexOf('.');
        string shown = dot > 0 ? name[dot..] : name;
        if (File.Exists(value))
        {
            paths.Add(value);
            return value.StartsWith(root, StringComparison.Ordinal) && value.Contains("/tests/oracles/", StringComparison.Ordinal)
                ? "script:" + value[root.Length..]
                : $"file:{shown}:{FileHash(value)}";
        }
        if (Directory.Exists(value))
        {
            paths.Add(value);
            var files = Directory.GetFiles(value).Select(f => Path.GetFileName(f) + "=" + FileHash(f)).Order(StringComparer.Ordinal);
            return "dir:" + string.Join(",", files);
        }
        if (Directory.Exists(Path.GetDirectoryName(value)))
        {
            paths.Add(value);
            return "new:" + shown;
        }
        return value;
    }

    private static string NormalizeJson(string json, List<string> paths)
    {
        var node = JsonNode.Parse(json);
        return Walk(node, paths)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Walk(JsonNode? node, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var k in o.Select(p => p.Key).ToList())
                    if (Walk(o[k], paths) is { Parent: null } replaced) o[k] = replaced;
                return o;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    if (Walk(a[i], paths) is { Parent: null } replaced) a[i] = replaced;
                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                string s = v.GetValue<string>();
                string n = Normalize(s, paths);
                return n == s ? v : JsonValue.Create(n);
            default:
                return node;
        }
    }
}
