using AtomCuration.Selection;

namespace AtomCuration.Tests.Selection;

public class KMeansDistanceTests
{
    [Theory]
    [InlineData(3, 1)]
    [InlineData(85, 7)]
    [InlineData(88, 9)]
    public void BlocksGiveTheBitsOfSinglePairsAndTheNaiveSum(int d, int count)
    {
        var rng = new Random(d);
        var row = Enumerable.Range(0, d).Select(_ => 10 * rng.NextDouble() - 5).ToArray();
        var centers = Enumerable.Range(0, count * d).Select(_ => 10 * rng.NextDouble() - 5).ToArray();
        var block = new double[count];
        KMeansDistance.Squared(row, centers, block);
        for (int j = 0; j < count; j++)
        {
            var c = centers.AsSpan(j * d, d);
            double naive = 0;
            for (int a = 0; a < d; a++) naive += (row[a] - c[a]) * (row[a] - c[a]);
            Assert.Equal(KMeansDistance.Squared(row, c), block[j]); // same order of operations: labels cannot depend on the path
            Assert.Equal(naive, block[j], naive * 1e-14);
        }
    }

    [Fact]
    public void PaddingIsWholeVectors() =>
        Assert.Equal([4, 4, 8, 88, 88], new[] { 1, 4, 5, 85, 88 }.Select(KMeansDistance.Stride));
}
