using System.Globalization;
using System.Runtime.InteropServices;
using AtomCuration.Common;

namespace AtomCuration.Tests.Common;

public class LargeArraysTests
{
    [Fact]
    public void SmallArraysArePlain()
    {
        var a = LargeArrays.Uninitialized<double>(1000);
        Assert.Equal(1000, a.Length);
        a.AsSpan().Fill(2);
        Assert.All(a, v => Assert.Equal(2, v));
    }

    [Fact]
    public void LargeArraysAreMarkedForHugePagesWhereTheKernelTakesTheAdvice()
    {
        int length = (int)(3 * LargeArrays.Threshold / sizeof(double));
        var a = LargeArrays.Uninitialized<double>(length);
        Assert.Equal(length, a.Length);
        a.AsSpan().Fill(1.5);
        Assert.Equal(1.5 * length, a.Sum());
        const string setting = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!OperatingSystem.IsLinux() || !File.Exists(setting) || File.ReadAllText(setting).Contains("[never]")) return;
        // The kernel records the advice on the mapping (VmFlags "hg") whether or not it found huge pages for it.
        var handle = GCHandle.Alloc(a, GCHandleType.Pinned);
        try
        {
            long middle = (long)handle.AddrOfPinnedObject() + (long)length * sizeof(double) / 2;
            Assert.Contains("hg", FlagsOfMappingAt(middle));
        }
        finally
        {
            handle.Free();
        }
    }

    private static string[] FlagsOfMappingAt(long address)
    {
        bool inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-');
            int space = line.IndexOf(' ');
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, null, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, null, out long end))
                inside = start <= address && address < end;
            else if (inside && line.StartsWith("VmFlags:"))
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        throw new InvalidOperationException($"no mapping holds 0x{address:x}");
    }
}
