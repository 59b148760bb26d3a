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
}
