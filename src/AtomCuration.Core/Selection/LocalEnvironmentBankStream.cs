using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>
/// The local-environment bank as structures arrive (what lets Select-Configuration stream): each
/// structure is offered once and comes back at once, selected or not. Only settings that need no
/// look at the whole pool stream — fixed thresholds, raw descriptor values, input order — and then the
/// selection equals <see cref="LocalEnvironmentBank.Select"/>'s on the same pool.
/// </summary>
public sealed class LocalEnvironmentBankStream
{
    private readonly LocalEnvironmentBank _bank;
    private int _offered;
    private int _selected;

    private LocalEnvironmentBankStream(LocalEnvironmentBankOptions options)
    {
        _bank = new LocalEnvironmentBank(options.BaseThreshold, null, options.Threads);
    }

    /// <summary>
    /// A stream for <paramref name="options"/>, or null when they need the whole pool first: min–max scaling
    /// (fitted over the pool), shuffling, a count found by bisection, or another method.
    /// </summary>
    public static LocalEnvironmentBankStream? TryCreate(SelectionOptions options, RunContext? context = null) =>
        options.WithRun(context, "select") is LocalEnvironmentBankOptions { FitCount: false, Scaling: EnvironmentScaling.None, Shuffle: false } b
        && (b.Threshold is not null || b.ElementThresholds is not null)
            ? new LocalEnvironmentBankStream(b)
            : null;

    /// <summary>
    /// Offers the next structure. Selected: the copy with <see cref="Structure.SelectionRank"/> and
    /// <see cref="Structure.SelectionScore"/> (environments added), and <see cref="Structure.Selected"/> true
    /// when <paramref name="includeRejected"/>. Not selected: null, or with <paramref name="includeRejected"/>
    /// the copy with <see cref="Structure.Selected"/> false. An element with neither an
    /// <see cref="LocalEnvironmentBankOptions.ElementThresholds"/> entry nor a
    /// <see cref="LocalEnvironmentBankOptions.Threshold"/> throws <see cref="ArgumentException"/>, as the batch bank does.
    /// </summary>
    public Structure? Offer(Structure structure, bool includeRejected = false)
    {
        int added = _bank.Offer(structure, _offered++);
        if (added > 0)
            return new Structure(structure) { SelectionRank = _selected++, SelectionScore = added, Selected = includeRejected ? true : null };
        return includeRejected ? new Structure(structure) { Selected = false } : null;
    }
}
