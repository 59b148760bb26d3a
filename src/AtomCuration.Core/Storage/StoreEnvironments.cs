using AtomCuration.Selection;

namespace AtomCuration.Storage;

/// <summary>
/// A per-atom store as the local-environment bank's source, read with bounded memory. One survey pass counts the
/// structures and their atoms, finds the elements and the min–max scaling; when the whole store fits in the
/// memory budget it is kept from that pass (the bisection over thresholds then runs without reading again).
/// Otherwise every visit reads the store again: in pool order one pass; in a shuffled order the order is cut into
/// windows that fit in the budget, and each window takes one pass collecting its structures, then hands them
/// out in the window's order.
/// </summary>
internal sealed class StoreEnvironments : IEnvironmentSource
{
    private readonly DescriptorStore _store;
    private readonly long _budget;
    private readonly int[] _atoms;
    private readonly ColumnScaling _minMax;
    private readonly List<StoreStructure>? _cached;

    public StoreEnvironments(DescriptorStore store, long budgetBytes, CancellationToken cancellation)
    {
        StoreStructures.RequireAtoms(store, "the local-environment bank");
        if (store.Structures > int.MaxValue) throw new ArgumentException($"Store '{store.Path}' has {store.Structures} structures; at most {int.MaxValue} are supported.");
        _store = store;
        _budget = budgetBytes;
        bool cache = Bytes(store.Rows) <= budgetBytes;
        var atoms = new List<int>();
        var elements = new List<int>();
        var seen = new HashSet<int>();
        var cached = cache ? new List<StoreStructure>() : null;
        _minMax = ColumnScaling.MinMax(Survey());
        _atoms = atoms.ToArray();
        Elements = elements;
        _cached = cached;

        IEnumerable<Structures.FeatureMatrix> Survey()
        {
            foreach (var s in StoreStructures.Read(store, false, cancellation))
            {
                atoms.Add(s.AtomicNumbers.Length);
                foreach (int z in s.AtomicNumbers)
                    if (seen.Add(z)) elements.Add(z);
                cached?.Add(s);
                yield return s.Environments;
            }
        }
    }

    public int Count => _atoms.Length;

    public IReadOnlyList<int> Elements { get; }

    public ColumnScaling MinMax() => _minMax;

    public IEnumerable<EnvironmentVisit> Visit(int[] order, CancellationToken cancellation)
    {
        if (_cached is not null) return order.Select(i => Of(_cached[i]));
        bool inPoolOrder = true;
        for (int i = 0; i < order.Length && inPoolOrder; i++) inPoolOrder = order[i] == i;
        return inPoolOrder ? StoreStructures.Read(_store, false, cancellation).Select(Of) : Windows(order, cancellation);
    }

    private IEnumerable<EnvironmentVisit> Windows(int[] order, CancellationToken cancellation)
    {
        int start = 0;
        while (start < order.Length)
        {
            // The window: as many structures in visiting order as fit in the budget (at least one).
            var slot = new Dictionary<int, int>();
            long bytes = 0;
            int end = start;
            while (end < order.Length && (end == start || bytes + Bytes(_atoms[order[end]]) <= _budget))
            {
                bytes += Bytes(_atoms[order[end]]);
                slot[order[end]] = end - start;
                end++;
            }
            var window = new StoreStructure?[end - start];
            int found = 0;
            foreach (var s in StoreStructures.Read(_store, false, cancellation))
                if (slot.TryGetValue(s.Ordinal, out int k))
                {
                    window[k] = s;
                    if (++found == window.Length) break;
                }
            foreach (var s in window) yield return Of(s!);
            start = end;
        }
    }

    private long Bytes(long rows) => rows * (8L * Math.Max(1, _store.Labels.Count) + 4);

    private static EnvironmentVisit Of(StoreStructure s) => new(s.Ordinal, s.AtomicNumbers, s.Environments);
}
