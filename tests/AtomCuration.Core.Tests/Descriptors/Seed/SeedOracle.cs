using System.Text.Json;
using System.Text.Json.Nodes;
using AtomCuration.Tests.Geometry;
using AtomCuration.Tests.Support;

namespace AtomCuration.Tests.Descriptors.Seed;

/// <summary>
/// pymatgen's seed-fingerprint values for <see cref="SeedCases.All"/>. Running the oracle on all
/// cases takes about a minute, so its output is committed as tests/oracles/pymatgen_seed_fixture.json
/// together with the inputs it was made from; the tests check those inputs still equal
/// <see cref="SeedCases"/>, and <see cref="SeedFingerprintTests"/> re-runs pymatgen live on the small
/// cells. Regenerate with <c>SEED_ORACLE_REGENERATE=1 dotnet test --filter "FullyQualifiedName~Descriptors.Seed"</c>.
/// </summary>
public static class SeedOracle
{
    public static string FixturePath => PythonOracle.OraclePath("pymatgen_seed_fixture.json");

    private static readonly Lazy<(List<SeedCases.Case> Cases, List<JsonElement> Results)> Data = new(Load);

    public static List<SeedCases.Case> Cases => Data.Value.Cases;

    public static List<JsonElement> Results => Data.Value.Results;

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static object Inputs(IEnumerable<SeedCases.Case> cases) => cases.Select(c => SeedCases.ToOracle(c.Structure)).ToList();

    public static List<JsonElement> RunLive(IEnumerable<SeedCases.Case> cases)
    {
        using var doc = PythonOracle.Run("pymatgen_seed.py", Inputs(cases), "fingerprint");
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static (List<SeedCases.Case>, List<JsonElement>) Load()
    {
        var cases = SeedCases.All();
        if (Environment.GetEnvironmentVariable("SEED_ORACLE_REGENERATE") == "1")
        {
            List<JsonElement> live = [];
            Oracle.Live("pymatgen", () => live = RunLive(cases));
            var fixture = new JsonObject
            {
                ["generator"] = "tests/oracles/pymatgen_seed.py fingerprint (python3-pymatgen 2022.11.7)",
                ["inputs"] = JsonSerializer.SerializeToNode(Inputs(cases)),
                ["outputs"] = JsonSerializer.SerializeToNode(live),
            };
            File.WriteAllText(FixturePath, fixture.ToJsonString());
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(FixturePath));
        var stored = doc.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        var current = JsonSerializer.SerializeToElement(Inputs(cases)).EnumerateArray().ToList();
        if (stored.Count != current.Count) throw new InvalidOperationException("Fixture is stale: regenerate it (see SeedOracle).");
        for (int c = 0; c < stored.Count; c++)
        {
            var a = stored[c].GetProperty("positions").EnumerateArray().SelectMany(p => Doubles(p)).Concat(Doubles(stored[c].GetProperty("cell")));
            var b = current[c].GetProperty("positions").EnumerateArray().SelectMany(p => Doubles(p)).Concat(Doubles(current[c].GetProperty("cell")));
            if (!a.SequenceEqual(b)) throw new InvalidOperationException($"Fixture input {c} differs from SeedCases: regenerate it (see SeedOracle).");
        }
        var results = doc.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.Clone()).ToList();
        return (cases, results);
    }
}
