using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>How <see cref="LocalEnvironmentBank"/> scales per-atom descriptors before measuring distances.</summary>
public enum EnvironmentScaling
{
    /// <summary>Min–max to [0, 1] per column over the whole pool (what the published thresholds assume).</summary>
    MinMax,
    /// <summary>Raw descriptor values.</summary>
    None,
}

/// <summary>Options for <see cref="LocalEnvironmentBank"/>.</summary>
public sealed record LocalEnvironmentBankOptions : SelectionOptions
{
    /// <summary>Distance threshold for every element not in <see cref="ElementThresholds"/> (e.g. 0.275 for the paper's Ge set).</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public double? Threshold { get; init; }

    /// <summary>Per-element thresholds keyed by atomic number (T_Pd, T_H in the paper).</summary>
    [OptionRange(0, double.PositiveInfinity, MinExclusive = true)]
    public IReadOnlyDictionary<int, double>? ElementThresholds { get; init; }

    /// <summary>
    /// Scale all thresholds by one factor, found by bisection, so that <see cref="SelectionOptions.Count"/>
    /// structures are selected (implied when no threshold is given; base threshold 1).
    /// </summary>
    public bool FitCount { get; init; }

    /// <summary>Descriptor scaling (min–max over the pool by default).</summary>
    public EnvironmentScaling Scaling { get; init; } = EnvironmentScaling.MinMax;

    /// <summary>Visit structures in a random order drawn from <see cref="SelectionOptions.Seed"/> (the paper shuffles the pool).</summary>
    public bool Shuffle { get; init; }

    /// <summary>True when the thresholds are scaled to reach <see cref="SelectionOptions.Count"/> (asked for, or no threshold given).</summary>
    internal bool FitsCount => FitCount || (Threshold is null && ElementThresholds is null);

    /// <summary>
    /// The base threshold of element <paramref name="z"/>: its <see cref="ElementThresholds"/> entry, else
    /// <see cref="Threshold"/>, else 1 when fitting a count; otherwise an error naming the element.
    /// </summary>
    internal double BaseThreshold(int z) =>
        ElementThresholds is { } m && m.TryGetValue(z, out var t) ? t
            : Threshold ?? (FitsCount ? 1.0 : throw new ArgumentException(
                $"No threshold for {Elements.FromZ(z).Symbol}: give Threshold or an ElementThresholds entry for every element."));
}

/// <summary>
/// The local-environment bank of Li et al. (J. Chem. Phys. 160, 074109): structures are visited in
/// turn; for each atom i, d_min = min over bank entries of the same element of |G_i − G_k|; if
/// d_min exceeds the element's threshold the environment joins the bank (immediately, so later
/// atoms of the same structure see it) and the structure joins the selection. The bank of an
/// element starts with the first environment of that element met (d_min of an empty bank is ∞),
/// so the first structure visited is always selected — the paper's random initial entry is
/// obtained with <see cref="LocalEnvironmentBankOptions.Shuffle"/>.
/// An instance is the streaming form: call <see cref="Offer"/> as structures arrive.
/// </summary>
public sealed class LocalEnvironmentBank
{
    private readonly Func<int, double> _threshold;
    private readonly ColumnScaling? _scaling;
    private readonly Dictionary<int, ElementBank> _banks = [];
    private readonly int _threads;

    /// <summary>Group radius of the pruning index in units of the threshold (speed only; results are exact for any value).</summary>
    private const double GroupRadius = 4;

    /// <summary>Creates an empty bank.</summary>
    /// <param name="threshold">Threshold for an atomic number.</param>
    /// <param name="scaling">Column scaling applied to every environment (null = raw values).</param>
    /// <param name="threads">Threads for scanning one structure's atoms (0 = all cores); never changes the result.</param>
    public LocalEnvironmentBank(Func<int, double> threshold, ColumnScaling? scaling = null, int threads = 0)
    {
        _threshold = threshold ?? throw new ArgumentNullException(nameof(threshold));
        _scaling = scaling;
        _threads = threads <= 0 ? Environment.ProcessorCount : threads;
    }

    /// <summary>Environments stored, all elements together.</summary>
    public int EnvironmentCount => _banks.Values.Sum(b => b.Count);

    /// <summary>
    /// Visits one structure (<paramref name="index"/> is only used in error messages) and returns
    /// how many of its environments joined the bank; the structure is selected when this is &gt; 0.
    /// </summary>
    public int Offer(Structure structure, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return OfferEnvironments(structure.AtomicNumbers.AsSpan(), DescriptorPool.AtomDescriptorsOf(structure, index));
    }

    /// <summary>Visits one structure given as the atomic numbers <paramref name="z"/> and environments <paramref name="g"/> (one row per atom).</summary>
    internal int OfferEnvironments(ReadOnlySpan<int> z, FeatureMatrix g)
    {
        int n = g.Rows, d = g.Columns;
        var rows = new double[n * d];
        for (int a = 0; a < n; a++)
        {
            if (_scaling is null) g.Row(a).CopyTo(rows.AsSpan(a * d, d));
            else _scaling.Apply(g.Row(a), rows.AsSpan(a * d, d));
        }
        // Phase 1 (parallel, read-only): test every atom against the bank as it was before this structure.
        var before = new int[n];
        var matched = new bool[n];
        var element = z.ToArray(); // the parallel loop below cannot capture a span
        for (int a = 0; a < n; a++) before[a] = Bank(element[a], d).Count;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        if (_threads == 1 || n < 8)
            for (int a = 0; a < n; a++) matched[a] = Indexed(element[a], rows.AsSpan(a * d, d));
        else
            Parallel.For(0, n, options, a => matched[a] = Indexed(element[a], rows.AsSpan(a * d, d)));
        // Phase 2 (in atom order): the rest only need the entries this structure added.
        int added = 0;
        for (int a = 0; a < n; a++)
        {
            if (matched[a]) continue;
            var bank = _banks[element[a]];
            if (Within(element[a], rows.AsSpan(a * d, d), before[a], bank.Count)) continue;
            bank.Add(rows.AsSpan(a * d, d));
            added++;
        }
        return added;
    }

    private ElementBank Bank(int z, int d)
    {
        if (!_banks.TryGetValue(z, out var b)) _banks[z] = b = new ElementBank(d, GroupRadius * _threshold(z));
        else if (b.Width != d) throw new ArgumentException($"Descriptor width {d} differs from the bank's {b.Width}.");
        return b;
    }

    private bool Indexed(int z, ReadOnlySpan<double> row)
    {
        double t = _threshold(z);
        return _banks[z].AnyWithin(row, t, t * t);
    }

    private bool Within(int z, ReadOnlySpan<double> row, int from, int to)
    {
        double t = _threshold(z), t2 = t * t;
        var bank = _banks[z];
        int d = bank.Width;
        var values = bank.Values;
        for (int e = from; e < to; e++)
            if (VectorMath.SquaredDistanceBounded(row, values.AsSpan(e * d, d), t2) <= t2) return true;
        return false;
    }

    /// <summary>Runs the bank over a pool. Score of each selected structure = environments it added.</summary>
    public static SelectionResult Select(IReadOnlyList<Structure> pool, LocalEnvironmentBankOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        return SelectFrom(new PoolEnvironments(pool), options);
    }

    /// <summary>
    /// Runs the bank over the structures of <paramref name="source"/> (the pool in memory, or a per-atom descriptor
    /// store read in passes): the same visits in the same order, so the same selection from the same descriptors.
    /// </summary>
    internal static SelectionResult SelectFrom(IEnvironmentSource source, LocalEnvironmentBankOptions options)
    {
        var scaling = options.Scaling == EnvironmentScaling.MinMax ? source.MinMax() : null;
        var order = Enumerable.Range(0, source.Count).ToArray();
        if (options.Shuffle)
        {
            var rng = new Random(options.Seed);
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        foreach (int z in source.Elements) options.BaseThreshold(z);
        if (!options.FitsCount) return Run(source, order, options.BaseThreshold, 1.0, scaling, options);
        return Bisect(source, order, options.BaseThreshold, scaling, options);
    }

    private static SelectionResult Bisect(IEnvironmentSource source, int[] order, Func<int, double> baseThreshold,
        ColumnScaling? scaling, LocalEnvironmentBankOptions options)
    {
        int target = options.Count;
        double minBase = source.Elements.Select(baseThreshold).Min();
        // Above the diameter of the scaled pool every atom matches its element's first entry.
        double lo = 0, hi = Diameter(source, scaling) / minBase * 1.000001 + 1e-12;
        SelectionResult? best = null;
        for (int it = 0; it < 60; it++)
        {
            double mid = 0.5 * (lo + hi);
            options.Progress?.Report(it / 60.0);
            var r = Run(source, order, baseThreshold, mid, scaling, options with { Progress = null });
            int count = r.SelectedIndices.Count;
            if (best is null || Math.Abs(count - target) < Math.Abs(best.SelectedIndices.Count - target)) best = r;
            if (count == target) break;
            if (count > target) lo = mid; else hi = mid;
        }
        return best!;
    }

    private static double Diameter(IEnvironmentSource source, ColumnScaling? scaling)
    {
        var s = scaling ?? source.MinMax();
        double sum = 0;
        foreach (var f in s.Factor) sum += f > 0 ? (scaling is null ? 1 / (f * f) : 1) : 0;
        return Math.Sqrt(sum);
    }

    private static SelectionResult Run(IEnvironmentSource source, int[] order, Func<int, double> baseThreshold,
        double factor, ColumnScaling? scaling, LocalEnvironmentBankOptions options)
    {
        var bank = new LocalEnvironmentBank(z => baseThreshold(z) * factor, scaling, options.Threads);
        var picks = new List<int>();
        var scores = new List<double>();
        int k = 0;
        foreach (var visit in source.Visit(order, options.Cancellation))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            if ((k & 63) == 0) options.Progress?.Report(k / (double)order.Length);
            k++;
            int added = bank.OfferEnvironments(visit.AtomicNumbers.Span, visit.Environments);
            if (added == 0) continue;
            picks.Add(visit.Index);
            scores.Add(added);
        }
        return new SelectionResult(SelectionMethod.LocalEnvironmentBank, picks, scores)
        {
            Info = new Dictionary<string, double>
            {
                ["ThresholdFactor"] = factor,
                ["Environments"] = bank.EnvironmentCount,
            },
        };
    }

    /// <summary>The pool in memory as the bank's source.</summary>
    private sealed class PoolEnvironments : IEnvironmentSource
    {
        private readonly IReadOnlyList<Structure> _pool;

        public PoolEnvironments(IReadOnlyList<Structure> pool)
        {
            _pool = pool;
            for (int i = 0; i < pool.Count; i++) DescriptorPool.AtomDescriptorsOf(pool[i], i);
            Elements = pool.SelectMany(s => s.AtomicNumbers).Distinct().ToArray();
        }

        public int Count => _pool.Count;

        public IReadOnlyList<int> Elements { get; }

        public ColumnScaling MinMax() => ColumnScaling.MinMax(_pool.Select(s => s.AtomDescriptors!));

        public IEnumerable<EnvironmentVisit> Visit(int[] order, CancellationToken cancellation) =>
            order.Select(i => new EnvironmentVisit(i, _pool[i].AtomicNumbers.AsMemory(), _pool[i].AtomDescriptors!));
    }

    /// <summary>
    /// The environments of one element, grouped for exact pruning (the "grouping mechanism" the
    /// paper suggests): every entry belongs to the first leader within the group radius R when it was
    /// added (else it leads a new group), and each group keeps its radius r ≤ R. By the triangle
    /// inequality a group whose leader is farther than T + r from a query holds no entry within T.
    /// </summary>
    private sealed class ElementBank(int width, double radius)
    {
        private readonly List<int> _leaders = [];
        private readonly List<double> _radius = [];
        private readonly List<List<int>> _members = [];

        public int Width { get; } = width;
        public int Count { get; private set; }
        public double[] Values { get; private set; } = new double[width * 64];

        /// <summary>True when some entry lies within √<paramref name="t2"/> of <paramref name="row"/>.</summary>
        public bool AnyWithin(ReadOnlySpan<double> row, double t, double t2)
        {
            for (int g = 0; g < _leaders.Count; g++)
            {
                double reach = (t + _radius[g]) * (t + _radius[g]);
                double d2 = VectorMath.SquaredDistanceBounded(row, Values.AsSpan(_leaders[g] * Width, Width), reach);
                if (d2 <= t2) return true;
                if (d2 > reach) continue;
                foreach (int e in _members[g])
                    if (VectorMath.SquaredDistanceBounded(row, Values.AsSpan(e * Width, Width), t2) <= t2) return true;
            }
            return false;
        }

        public void Add(ReadOnlySpan<double> row)
        {
            if ((Count + 1) * Width > Values.Length)
            {
                var grown = new double[Values.Length * 2];
                Values.AsSpan().CopyTo(grown);
                Values = grown;
            }
            row.CopyTo(Values.AsSpan(Count * Width, Width));
            double r2 = radius * radius;
            for (int g = 0; g < _leaders.Count; g++)
            {
                double d2 = VectorMath.SquaredDistanceBounded(row, Values.AsSpan(_leaders[g] * Width, Width), r2);
                if (d2 > r2) continue;
                _members[g].Add(Count);
                _radius[g] = Math.Max(_radius[g], Math.Sqrt(d2));
                Count++;
                return;
            }
            _leaders.Add(Count);
            _radius.Add(0);
            _members.Add([]);
            Count++;
        }
    }
}
