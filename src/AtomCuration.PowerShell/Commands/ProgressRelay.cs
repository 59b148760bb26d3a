using System.Collections.Concurrent;
using System.Management.Automation;

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
    /// Runs <paramref name="work"/> on a worker thread and calls <paramref name="show"/> on this thread with the latest
    /// fraction reported, at most every <see cref="Interval"/> (a report held back is shown when the interval has
    /// passed, and the last one always). Returns the work's result or rethrows its exception unchanged. If
    /// <paramref name="show"/> throws (WriteProgress does once the pipeline is stopping), the work is waited for —
    /// the caller has cancelled it by then — so that it never outlives the cmdlet. <paramref name="time"/> (default: the
    /// system clock) measures the interval; a test passes a clock it moves by hand, so that nothing depends on how
    /// fast a loaded machine schedules the threads.
    /// </summary>
    public static T Run<T>(Func<IProgress<double>, T> work, Action<double> show, TimeProvider? time = null)
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
        try
        {
            Pump(reports, show, time ?? TimeProvider.System);
        }
        catch
        {
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
                // The work's own failure (usually its cancellation) matters less than the one being thrown.
            }
            throw;
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// A <paramref name="record"/> updater for <see cref="Run{T}"/>: percent complete and seconds remaining (from the time
    /// since this call), written by <paramref name="cmdlet"/>.
    /// </summary>
    public static Action<double> Showing(Cmdlet cmdlet, ProgressRecord record)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return fraction =>
        {
            Estimate(record, fraction, clock.Elapsed);
            cmdlet.WriteProgress(record);
        };
    }

    /// <summary>
    /// Sets <paramref name="record"/>'s percent complete and, once a little work is done, the seconds remaining at the
    /// rate so far: elapsed · (1 − f) / f. Before that (under 1 %) the estimate would be noise, so it stays unknown (−1).
    /// </summary>
    public static void Estimate(ProgressRecord record, double fraction, TimeSpan elapsed)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        record.PercentComplete = (int)(100 * fraction);
        record.SecondsRemaining = fraction >= 0.01 ? (int)Math.Ceiling(elapsed.TotalSeconds * (1 - fraction) / fraction) : -1;
    }

    private static void Pump(BlockingCollection<double> reports, Action<double> show, TimeProvider time)
    {
        var lastShown = DateTimeOffset.MinValue;
        double? pending = null, shown = null;
        while (true)
        {
            // With nothing held back, block until the next report (or the end); otherwise wait only until the held one
            // is due. Only that remaining time is clamped: Timeout.InfiniteTimeSpan is negative, and clamped to zero it
            // would turn the wait into a poll that keeps a core busy for as long as the work runs.
            var wait = Timeout.InfiniteTimeSpan;
            if (pending is not null)
            {
                wait = Interval - (time.GetUtcNow() - lastShown);
                if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            }
            if (TryTake(reports, out var fraction, wait, time))
            {
                pending = fraction;
                while (reports.TryTake(out var newer)) pending = newer;
            }
            else if (reports.IsCompleted)
            {
                break;
            }
            if (pending is { } value && value == shown)
            {
                pending = null; // nothing new to show
            }
            else if (pending is { } fresh && time.GetUtcNow() is var now && now - lastShown >= Interval)
            {
                // The interval counts from when showing began: read after show, the clock may already include time the
                // work spent after seeing the update (a test's clock moved on by the worker), holding the next one back.
                show(Math.Clamp(fresh, 0, 1));
                (shown, pending, lastShown) = (fresh, null, now);
            }
        }
        if (pending is { } last) show(Math.Clamp(last, 0, 1));
    }

    /// <summary>The next report, waiting at most <paramref name="wait"/> as <paramref name="time"/> counts it.</summary>
    private static bool TryTake(BlockingCollection<double> reports, out double item, TimeSpan wait, TimeProvider time)
    {
        if (wait == Timeout.InfiniteTimeSpan || wait == TimeSpan.Zero) return reports.TryTake(out item, wait);
        using var due = new CancellationTokenSource(wait, time);
        try
        {
            return reports.TryTake(out item, Timeout.Infinite, due.Token);
        }
        catch (OperationCanceledException)
        {
            item = 0;
            return false;
        }
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
