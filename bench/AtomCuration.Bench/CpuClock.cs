using System.Runtime.InteropServices;

namespace AtomCuration.Bench;

/// <summary>
/// CPU time of the whole process (all threads, GC included) in seconds, with nanosecond resolution
/// (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)); Process.TotalProcessorTime on Linux counts in 10 ms ticks.
/// </summary>
public static class CpuClock
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private const int ProcessCpuTime = 2;

    public static double Now
    {
        get
        {
            if (!OperatingSystem.IsLinux()) return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            ClockGetTime(ProcessCpuTime, out var t);
            return t.Seconds + 1e-9 * t.Nanoseconds;
        }
    }
}
