using System.Collections.Concurrent;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// Runs long Core work on a worker thread and hands its progress reports to the calling thread.
/// Cmdlet.WriteProgress may only be called from the pipeline thread, while Core's selectors and
/// embeddings report from wherever they run (often pool threads), so a cmdlet that passed their
/// reports straight to WriteProgress would fail; one that ignores them shows no progress at all.
/// </summary>
internal static class ProgressRelay
{
    /// <summary>The shortest time between two progress updates shown (PowerShell redraws on every one).</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="work"/> on a worker thread, calls <paramref name="show"/> on this thread with the
    /// latest fraction reported (at most every <see cref="Interval"/>, and once more for the last report),
    /// and returns the result or rethrows the work's exception unchanged.
    /// </summary>
    public static T Run<T>(Func<IProgress<double>, T> work, Action<double> show)
    {
        using var reports = new BlockingCollection<double>();
        var task = Task.Run(() =>
        {
            try
            {
                return work(new Reporter(reports));
            }
            finally
            {
                reports.CompleteAdding();
            }
        });
        var lastShown = DateTime.MinValue;
        double? pending = null, shown = null;
        foreach (var fraction in reports.GetConsumingEnumerable())
        {
            // Show only the newest of the reports that queued up since the last update.
            pending = fraction;
            while (reports.TryTake(out var newer)) pending = newer;
            if (DateTime.UtcNow - lastShown < Interval) continue;
            show(Math.Clamp(pending.Value, 0, 1));
            (shown, pending) = (pending, null);
            lastShown = DateTime.UtcNow;
        }
        if (pending is { } last && last != shown) show(Math.Clamp(last, 0, 1));
        return task.GetAwaiter().GetResult();
    }

    private sealed class Reporter(BlockingCollection<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            // A report from a thread the work left running after it returned is simply dropped.
            try
            {
                reports.TryAdd(value);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
            }
        }
    }
}
