using System.Diagnostics;
using System.Text.Json;

namespace AtomCuration.Tests.Support;

/// <summary>
/// Runs a script from tests/oracles with Debian's /usr/bin/python3 (where python3-ase,
/// python3-pymatgen, python3-sklearn live), feeding JSON on stdin and parsing JSON from stdout.
/// A missing interpreter or module fails the test: cross-checks are never silently skipped
/// (.ci/run installs them).
/// </summary>
public static class PythonOracle
{
    public const string Python = "/usr/bin/python3";

    public static string RepoRoot => RepoPaths.Root;

    public static string OraclePath(string script) => Path.Combine(RepoRoot, "tests", "oracles", script);

    public static string SharedDataPath(string file) => Path.Combine(RepoRoot, "..", "shared", "data", file);

    public static JsonDocument Run(string script, object? input = null, params string[] args)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(OraclePath(script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (input is not null) p.StandardInput.Write(JsonSerializer.Serialize(input));
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(true);
            throw new TimeoutException($"{script} did not finish in 5 minutes.");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{script} failed ({p.ExitCode}). Install the oracles with .ci/run's apt-get line.\n{stderr.Result}");
        return JsonDocument.Parse(stdout.Result);
    }
}
