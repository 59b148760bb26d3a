using AtomCuration.PowerShell.Commands;

namespace AtomCuration.Tests.PowerShell;

public class ProgressRelayTests
{
    [Fact]
    public void ReportsFromWorkerThreadsAreShownOnTheCallingThreadAndTheResultReturned()
    {
        int caller = Environment.CurrentManagedThreadId;
        var shownOn = new List<int>();
        var shown = new List<double>();
        int result = ProgressRelay.Run(progress =>
        {
            Assert.NotEqual(caller, Environment.CurrentManagedThreadId);
            for (int k = 1; k <= 4; k++)
            {
                Parallel.For(0, 8, _ => progress.Report(k / 4.0));
                Thread.Sleep(ProgressRelay.Interval * 1.5);
            }
            return 42;
        }, fraction =>
        {
            shownOn.Add(Environment.CurrentManagedThreadId);
            shown.Add(fraction);
        });
        Assert.Equal(42, result);
        Assert.All(shownOn, id => Assert.Equal(caller, id));
        // At most one update per burst (its 8 reports coalesce; bursts are further apart than the interval),
        // and the last report is always shown.
        Assert.InRange(shown.Count, 2, 4);
        Assert.Equal(shown.Order(), shown);
        Assert.Equal(1.0, shown[^1]);
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
        var shown = new List<(double Fraction, TimeSpan At)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan nextReport = default;
        ProgressRelay.Run(p =>
        {
            p.Report(0.1);
            Thread.Sleep(20);
            p.Report(0.5); // inside the interval: held back …
            Thread.Sleep(ProgressRelay.Interval * 4);
            nextReport = clock.Elapsed;
            p.Report(0.6);
            return 0;
        }, f => shown.Add((f, clock.Elapsed)));
        Assert.Equal([0.1, 0.5, 0.6], shown.Select(s => s.Fraction));
        // … and shown once the interval is up, not when the next report arrives (measured against that moment,
        // not a wall-clock bound, so a loaded machine cannot fail it).
        Assert.True(shown[1].At < nextReport, $"0.5 shown at {shown[1].At}, the next report came at {nextReport}");
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
