using System.Runtime.InteropServices;
using AtomCuration.PowerShell.Commands;

namespace AtomCuration.Tests.PowerShell;

public class ProgressRelayTests
{
    /// <summary>
    /// A clock that moves only when told (<see cref="Advance"/>), firing the timers that fall due: the relay's interval is
    /// then a matter of what the test does, not of how fast a loaded machine runs the threads.
    /// </summary>
    private sealed class ManualClock : TimeProvider
    {
        private readonly object _gate = new();
        private readonly List<Timer> _timers = [];
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow()
        {
            lock (_gate) return _now;
        }

        public void Advance(TimeSpan by)
        {
            List<Timer> due;
            lock (_gate)
            {
                _now += by;
                due = _timers.Where(t => t.Due <= _now).ToList();
                _timers.RemoveAll(due.Contains);
            }
            foreach (var t in due) t.Fire();
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new Timer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        private sealed class Timer(ManualClock clock, TimerCallback callback, object? state) : ITimer
        {
            public DateTimeOffset Due { get; private set; }

            public void Fire() => callback(state);

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (clock._gate)
                {
                    clock._timers.Remove(this);
                    if (dueTime == Timeout.InfiniteTimeSpan) return true;
                    Due = clock._now + dueTime;
                    clock._timers.Add(this);
                }
                return true;
            }

            public void Dispose()
            {
                lock (clock._gate) clock._timers.Remove(this);
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    [Fact]
    public void ReportsFromWorkerThreadsAreShownOnTheCallingThreadAndTheResultReturned()
    {
        int caller = Environment.CurrentManagedThreadId;
        var clock = new ManualClock();
        var shownOn = new List<int>();
        var shown = new List<double>();
        using var showed = new SemaphoreSlim(0);
        int result = ProgressRelay.Run(progress =>
        {
            Assert.NotEqual(caller, Environment.CurrentManagedThreadId);
            for (int k = 1; k <= 4; k++)
            {
                Parallel.For(0, 8, _ => progress.Report(k / 4.0));
                Assert.True(showed.Wait(TimeSpan.FromSeconds(20)), $"burst {k} was never shown");
                clock.Advance(ProgressRelay.Interval * 1.5);
            }
            return 42;
        }, fraction =>
        {
            shownOn.Add(Environment.CurrentManagedThreadId);
            shown.Add(fraction);
            showed.Release();
            // Showing takes time (PowerShell redraws) and the work moves on meanwhile, here moving the clock before
            // show returns: the interval must count from when showing began, or the next burst would wait for ever.
            Thread.Sleep(50);
        }, clock);
        Assert.Equal(42, result);
        Assert.All(shownOn, id => Assert.Equal(caller, id));
        // One update per burst: its 8 reports coalesce, and bursts are further apart than the interval.
        Assert.Equal([0.25, 0.5, 0.75, 1.0], shown);
    }

    [Fact]
    public void WhileTheWorkIsSilentTheCallingThreadSleeps()
    {
        // The relay pumps on the calling thread, so that thread's own CPU time is what the pump cost. Polling instead of
        // blocking would cost about as much as the silence lasts (less on a loaded machine, but far over the bound).
        long before = ThreadCpuNanoseconds();
        ProgressRelay.Run(p =>
        {
            p.Report(0.5);
            Thread.Sleep(600);
            return 0;
        }, _ => { });
        double busy = (ThreadCpuNanoseconds() - before) / 1e6;
        Assert.True(busy < 100, $"the calling thread used {busy:F0} ms of CPU while the work was silent for 600 ms");
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static long ThreadCpuNanoseconds()
    {
        Assert.Equal(0, ClockGetTime(ThreadCpuClock, out var t));
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    [Fact]
    public void TheWorksExceptionComesBackUnchanged()
    {
        var e = Assert.Throws<OperationCanceledException>(() =>
            ProgressRelay.Run<int>(_ => throw new OperationCanceledException("stopped"), _ => { }));
        Assert.Equal("stopped", e.Message);
    }

    [Fact]
    public void FractionsAreClampedToZeroOne()
    {
        var shown = new List<double>();
        ProgressRelay.Run(p =>
        {
            p.Report(1.7);
            return 0;
        }, shown.Add);
        Assert.Equal([1.0], shown);
    }

    [Fact]
    public void AReportHeldBackIsShownWhenTheIntervalHasPassed()
    {
        var clock = new ManualClock();
        var shown = new List<double>();
        using var showed = new SemaphoreSlim(0);
        bool laterReported = false;
        var beforeLater = new List<double>();
        ProgressRelay.Run(p =>
        {
            p.Report(0.1);
            Assert.True(showed.Wait(TimeSpan.FromMinutes(1)));
            clock.Advance(ProgressRelay.Interval / 10);
            p.Report(0.5); // inside the interval: held back …
            // The clock moves on (again, should the relay have read it just before a move) until the held report shows.
            for (int moves = 0; !showed.Wait(TimeSpan.FromMilliseconds(20)); moves++)
            {
                Assert.True(moves < 3000, "the held-back report was not shown once the interval was up");
                clock.Advance(ProgressRelay.Interval);
            }
            laterReported = true;
            p.Report(0.6);
            return 0;
        }, f =>
        {
            shown.Add(f);
            if (!laterReported) beforeLater.Add(f);
            showed.Release();
        }, clock);
        Assert.Equal([0.1, 0.5, 0.6], shown);
        // … and shown once the interval is up, not when the next report arrives.
        Assert.Equal([0.1, 0.5], beforeLater);
    }

    [Fact]
    public void WhenShowingThrowsTheWorkIsWaitedForAndTheErrorComesBack()
    {
        using var stop = new CancellationTokenSource();
        bool workEnded = false;
        var e = Assert.Throws<InvalidOperationException>(() => ProgressRelay.Run(p =>
        {
            try
            {
                while (true)
                {
                    p.Report(0.5);
                    stop.Token.ThrowIfCancellationRequested();
                    Thread.Sleep(5);
                }
            }
            finally
            {
                workEnded = true;
            }
#pragma warning disable CS0162 // the loop only ends by cancellation
            return 0;
#pragma warning restore CS0162
        }, _ =>
        {
            stop.Cancel(); // as StopProcessing does before WriteProgress throws
            throw new InvalidOperationException("pipeline stopped");
        }));
        Assert.Equal("pipeline stopped", e.Message);
        Assert.True(workEnded);
    }
}
