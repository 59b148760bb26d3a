using System.Text;
using System.Text.Json;

namespace AtomCuration.Tests.Support;

/// <summary>
/// Runs a script from tests/oracles with Debian's Python (where python3-ase, python3-pymatgen,
/// python3-sklearn live; ATOMCURATION_PYTHON overrides /usr/bin/python3), feeding JSON on stdin and
/// parsing JSON from stdout, live or from its frozen output (see <see cref="Oracle"/>). Live, the
/// Python modules the script imports are checked first: a missing one skips the test with the reason
/// (fails it under ATOMCURATION_REQUIRE_ORACLES=1, as .ci/run sets).
/// </summary>
public static class PythonOracle
{
    /// <summary>The interpreter the live oracles run with.</summary>
    public static string Python =>
        Environment.GetEnvironmentVariable("ATOMCURATION_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    public static string RepoRoot => RepoPaths.Root;

    public static string OraclePath(string script) => Path.Combine(RepoRoot, "tests", "oracles", script);

    /// <summary>Third-party modules the oracle scripts import, each an oracle of its own.</summary>
    private static readonly string[] Modules = ["ase", "pymatgen", "sklearn", "scipy", "mpmath", "numpy", "dscribe"];

    /// <summary>The oracles a script needs: Python, the modules it imports, and lmp if it runs LAMMPS.</summary>
    public static IEnumerable<string> Needs(string script)
    {
        yield return "python";
        string text = File.ReadAllText(OraclePath(script));
        foreach (var m in Modules)
            if (System.Text.RegularExpressions.Regex.IsMatch(text, $@"^\s*(import|from)\s+{m}\b", System.Text.RegularExpressions.RegexOptions.Multiline))
                yield return m;
        if (text.Contains("\"lmp\"", StringComparison.Ordinal)) yield return "lammps";
        if (text.Contains("/usr/share/lammps", StringComparison.Ordinal)) yield return "lammps-data";
    }

    public static JsonDocument Run(string script, object? input = null, params string[] args)
    {
        if (Oracle.IsLive) foreach (var need in Needs(script)) Oracle.Need(need);
        string? stdin = input is null ? null : JsonSerializer.Serialize(input);
        var output = Oracle.Run(script, Python, [OraclePath(script), .. args], stdin);
        return JsonDocument.Parse(Encoding.UTF8.GetString(output));
    }
}
