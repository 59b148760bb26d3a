using System.Diagnostics;
using AtomCuration.Common;

namespace AtomCuration.Bench;

/// <summary>
/// First touch of a fresh 40 MB array (the k-means bounds of 100,000 rows × 100 centres): a plain uninitialised array
/// against <see cref="LargeArrays"/>' huge-page advice, alternating, each in fresh memory.
/// </summary>
public sealed class HugePagesBench : IBenchmark
{
    public string Name => "hugepages";
    public string Description => "fill a fresh 40 MB array: plain against madvise(MADV_HUGEPAGE) (args: [pairs])";

    public int Run(string[] args)
    {
        int pairs = args.Length > 0 && int.TryParse(args[0], out int p) ? p : 3;
        const int length = 10_000_000;
        for (int i = 0; i < pairs; i++)
        {
            Fill("plain", GC.AllocateUninitializedArray<float>(length));
            Fill("advised", LargeArrays.Uninitialized<float>(length));
        }
        return 0;
    }

    private static void Fill(string kind, float[] array)
    {
        var wall = Stopwatch.StartNew();
        Array.Fill(array, 1f);
        Console.WriteLine($"{kind,-8} {array.Length * 4 / 1e6:F0} MB first filled in {wall.Elapsed.TotalMilliseconds:F1} ms");
    }
}
