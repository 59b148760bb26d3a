using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtomCuration.Common;

/// <summary>
/// Uninitialised arrays of many megabytes that the Linux kernel may back with 2 MiB transparent huge pages. Fresh memory
/// is mapped one page at a time on first touch; with 4 KiB pages a 40 MB array costs ten thousand page faults, which in a
/// virtual machine took 110–125 ms to fill, with the advice 60–75 ms (11 ms when the kernel had huge pages free; bench
/// <c>hugepages</c>). Where transparent huge pages are enabled only on request (<c>madvise</c>, the default of Debian and
/// Ubuntu kernels) the array's range is marked with <c>madvise(MADV_HUGEPAGE)</c> before it is first written. The advice
/// is a hint: the kernel falls back to small pages when it has no huge ones, and nothing else changes. Other systems get a
/// plain uninitialised array.
/// </summary>
internal static partial class LargeArrays
{
    /// <summary>Below this many bytes the array gets no advice: it spans at most a couple of huge pages.</summary>
    public const long Threshold = 4L << 20;

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE (asm-generic: x86-64 and arm64 alike)
    private const long HugePage = 2L << 20;

    /// <summary>An uninitialised array of <paramref name="length"/> elements, its whole huge pages advised as such on Linux.</summary>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        long bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes >= Threshold && OperatingSystem.IsLinux()) Advise(array, bytes);
        return array;
    }

    private static void Advise<T>(T[] array, long bytes)
    {
        // Pinned only while the address is read and advised; should the array move later, the advice stays with the old range.
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            long start = (long)handle.AddrOfPinnedObject();
            long first = (start + HugePage - 1) & ~(HugePage - 1), last = (start + bytes) & ~(HugePage - 1);
            if (last > first) _ = Madvise((nint)first, (nuint)(last - first), MadviseHugePage); // a refusal leaves small pages
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise: the array keeps small pages.
        }
        finally
        {
            handle.Free();
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
