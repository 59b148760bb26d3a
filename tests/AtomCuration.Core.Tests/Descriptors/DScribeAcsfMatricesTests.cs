using System.Collections;
using System.Text.Json;
using AtomCuration.Descriptors;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// ACSF, Coulomb matrix and sine matrix against DScribe 2.1.1's own output
/// (tests/oracles/fixtures/dscribe_acsf_matrices.json.gz, made by make_dscribe_acsf_matrices_fixture.py),
/// each through the path of <c>Get-Descriptor -Kind … -Parameters @{…}</c>.
/// </summary>
public class DScribeAcsfMatricesTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<JsonDocument> Fixture = new(() => DScribeFixture.Load("dscribe_acsf_matrices.json.gz"));

    public static TheoryData<string> AcsfCases() => DScribeFixture.Names(Fixture.Value, "acsf");

    public static TheoryData<string> MatrixCases() => DScribeFixture.Names(Fixture.Value, "matrices");

    private static JsonElement Case(string section, string name) => DScribeFixture.Case(Fixture.Value, section, name);

    /// <summary>
    /// DScribe's row for atom i: per neighbour species b, [G1, G2…]; then per species pair (hi, lo) in the
    /// order hi(hi+1)/2 + lo, [G4…, G5…]. Ours is resolved by the centre's species c: G2[c-b], then G4[c-a-b]
    /// for a ≤ b, then G5[c-a-b]; every column outside the centre's block is zero.
    /// </summary>
    [Theory]
    [MemberData(nameof(AcsfCases))]
    public void AcsfEqualsDScribe(string name)
    {
        var c = Case("acsf", name);
        var structure = DScribeFixture.StructureOf(c);
        var g2 = DScribeFixture.Rows(c.GetProperty("g2"));
        var g4 = DScribeFixture.Rows(c.GetProperty("g4"));
        var g5 = DScribeFixture.Rows(c.GetProperty("g5"));
        var symbols = c.GetProperty("species").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var parameters = new Hashtable
        {
            ["cutoff"] = c.GetProperty("cutoff").GetDouble(), ["g2"] = g2, ["g4"] = g4, ["g5"] = g5, ["species"] = symbols,
        };
        var options = DescriptorOptions.Create([DescriptorKind.Acsf], parameters, perAtom: true);
        var rows = DescriptorCalculator.Attach([structure], options).Single().AtomDescriptors!;
        var species = SpeciesSet.FromSymbols(symbols);
        int s = species.Count, pairs = s * (s + 1) / 2, block = s * g2.Length + pairs * (g4.Length + g5.Length);
        Assert.Equal(s * block, rows.Columns);
        var expected = DScribeFixture.Doubles(c.GetProperty("values"));
        int width = s * (1 + g2.Length) + pairs * (g4.Length + g5.Length);
        Assert.Equal(structure.AtomCount * width, expected.Length);

        for (int i = 0; i < structure.AtomCount; i++)
        {
            var theirs = expected.AsSpan(i * width, width);
            int centre = species.IndexOf(structure.AtomicNumbers[i]);
            var ours = new double[width];
            var row = rows.Row(i);
            for (int k = 0; k < rows.Columns; k++)
                if (k / block != centre) Assert.Equal(0.0, row[k]);
            var mine = row.Slice(centre * block, block);
            for (int b = 0; b < s; b++)
            {
                // G1 = Σ f_c, which is our G2 with η = 0 where the case has one (the only way to compare it).
                int etaZero = Array.FindIndex(g2, f => f[0] == 0);
                ours[b * (1 + g2.Length)] = etaZero >= 0 ? mine[b * g2.Length + etaZero] : theirs[b * (1 + g2.Length)];
                for (int p = 0; p < g2.Length; p++) ours[b * (1 + g2.Length) + 1 + p] = mine[b * g2.Length + p];
            }
            int ourPair = 0;
            for (int a = 0; a < s; a++)
            for (int b = a; b < s; b++, ourPair++)
            {
                int theirPair = b * (b + 1) / 2 + a;
                int to = s * (1 + g2.Length) + theirPair * (g4.Length + g5.Length);
                for (int p = 0; p < g4.Length; p++) ours[to + p] = mine[s * g2.Length + ourPair * g4.Length + p];
                for (int p = 0; p < g5.Length; p++) ours[to + g4.Length + p] = mine[s * g2.Length + pairs * g4.Length + ourPair * g5.Length + p];
            }
            DScribeFixture.AssertRelativelyClose(theirs, ours, Tolerance, $"{name}, atom {i}");
        }
    }

    [Theory]
    [MemberData(nameof(MatrixCases))]
    public void MatrixEqualsDScribe(string name)
    {
        var c = Case("matrices", name);
        var kind = Enum.Parse<DescriptorKind>(c.GetProperty("kind").GetString()!);
        string permutation = c.GetProperty("permutation").GetString() switch
        {
            "sorted_l2" => "SortedL2",
            "eigenspectrum" => "Eigenspectrum",
            _ => "None",
        };
        var parameters = new Hashtable { ["permutation"] = permutation, ["maxAtoms"] = c.GetProperty("maxAtoms").GetInt32() };
        var options = DescriptorOptions.Create([kind], parameters);
        var vector = DescriptorCalculator.Attach([DScribeFixture.StructureOf(c)], options).Single().Descriptor!.Value.AsSpan();
        DScribeFixture.AssertRelativelyClose(DScribeFixture.Doubles(c.GetProperty("values")), vector, Tolerance, name);
    }
}
