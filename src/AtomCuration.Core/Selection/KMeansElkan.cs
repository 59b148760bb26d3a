using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AtomCuration.Common;

namespace AtomCuration.Selection;

/// <summary>
/// Lloyd iterations accelerated with Elkan's bounds (C. Elkan, "Using the triangle inequality to
/// accelerate k-means", ICML 2003): for every row an upper bound u on the distance to its own centre
/// and a lower bound l_j on the distance to every centre j. A row whose u is at most half the gap
/// from its centre to the nearest other centre keeps its label; otherwise centre j is examined only
/// when u &gt; max(l_j, ½‖c_a − c_j‖), u is made exact (one distance) only when some centre passes that test,
/// and the distance to j is computed only if the test still holds then. After each update u grows by how far its
/// centre moved (applied when the row is next visited), and every l_j shrinks by how
/// far centre j moved: rather than touching rows × k bounds every iteration, l_j is stored as l_j + D_j,
/// with D_j the distance centre j has travelled in total, and read back as the stored value − D_j
/// (the path travelled is at least the displacement, so the bound stays valid). The stored values are floats rounded
/// down (still lower bounds): the n × k bounds are read in full every pass, and at half the bytes the pass waits half
/// as long for memory. A row's own centre's bound is held at +∞ and written only when the row leaves that centre, so a
/// pass that changes nothing writes no bounds.
/// The labels are those of exact Lloyd iterations; only distance computations are skipped. The centre sums are kept
/// running and changed only by the rows that change cluster (<see cref="Sums"/>), so a row the bounds settle is not read
/// at all; rows are processed in fixed chunks whose contributions are added in chunk order, so the result is the same
/// on any thread count.
/// The per-row loops and the distance kernels are <c>AggressiveOptimization</c>: a fit is a few long calls, and with tiered
/// compilation its first passes ran in unoptimised tier-0 code until call counting (which waits out the start-up's JIT
/// activity) promoted them — 0.3–0.4 s of a 2 s fit on 100,000 × 85 (bench/RESULTS.md). The small helpers they call
/// (<see cref="Down"/>, the candidate tests) are <c>AggressiveInlining</c>, as the optimising JIT otherwise kept them as calls.
/// </summary>
internal static class KMeansElkan
{
    /// <summary>Most bounds (rows × k) kept: 2²⁶ floats, 256 MB; larger problems use Hamerly's single lower bound.</summary>
    public const long MaxBounds = 1L << 26;

    /// <summary>The largest float not above <paramref name="v"/>: a lower bound stored as a float stays a lower bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Down(double v)
    {
        float f = (float)v;
        if (f <= 0) return f > v ? MathF.BitDecrement(f) : f;
        // Rounding to nearest goes up for about every other value, a branch the processor cannot predict: for a positive float
        // the next one down has bits one less, subtracted without a branch.
        return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(f) - (f > v ? 1 : 0));
    }

    /// <summary>
    /// Elkan's per-row state: the n × k lower bounds (<see cref="Lower"/>, row-major, stored as described on <see cref="KMeansElkan"/>),
    /// each row's label and its upper bound u.
    /// </summary>
    public sealed class Bounds(float[] lower, int n)
    {
        public float[] Lower { get; } = lower;

        public int[] Labels { get; } = new int[n];

        public double[] Upper { get; } = new double[n];
    }

    /// <summary>
    /// Lloyd from <c>centers</c> (k × d) on the n × d rows <c>x</c>, in <paramref name="bounds"/>. When <c>seeded</c> the bounds already
    /// hold every row's distance to every starting centre, its nearest one and that distance (from k-means++) and the first pass
    /// only sums the rows, else the first pass computes them.
    /// </summary>
    public static KMeansModel Run(double[] x, int n, int d, int k, double[] centers, Bounds bounds, bool seeded, double tol, int maxIter, int threads,
        CancellationToken cancellation, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        var labels = bounds.Labels;
        var upper = bounds.Upper;
        var lower = bounds.Lower;
        var sums = new Sums(chunks, k, d);
        var changed = new bool[chunks]; // did any row of the chunk change cluster in the last pass
        var next = new double[k * d];
        var halfGap = new double[k * k];
        var nearest = new double[k];
        var move = new double[k]; // how far each centre moved in the last update; u is loosened by it in the next pass
        var drift = new double[k]; // D_j: total distance centre j has moved since the bounds were last all recomputed
        bool exact = true; // bounds not valid yet: every distance is computed
        bool strict = false;
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            cancellation.ThrowIfCancellationRequested();
            Pass(exact, seeded, x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, sums, changed, chunk);
            seeded = false;
            sums.Update(exact, next, threads);
            bool reseeded = false;
            if (Array.IndexOf(sums.Total, 0) >= 0)
            {
                // u may be loose (a row is tightened only when a bound asks), so the farthest rows are found by their exact distances.
                var dist = new double[n];
                for (int i = 0; i < n; i++) dist[i] = KMeansDistance.Squared(x.AsSpan(i * d, d), centers.AsSpan(labels[i] * d, d));
                reseeded = KMeans.Reseed(x, n, d, k, labels, dist, sums.Total, next);
            }
            double shift = 0;
            for (int j = 0; j < k; j++)
            {
                double m = VectorMath.SquaredDistance(centers.AsSpan(j * d, d), next.AsSpan(j * d, d));
                shift += m;
                move[j] = Math.Sqrt(m);
            }
            for (int j = 0; j < k; j++) drift[j] += move[j];
            exact = reseeded;
            (centers, next) = (next, centers);
            if (iter > 0 && !reseeded && Array.IndexOf(changed, true) < 0) { strict = true; iter++; break; }
            if (shift <= tol) { iter++; break; }
        }
        // Labels for the final centres (the bounds are valid unless a centre was just re-seeded).
        if (!strict) Pass(exact, false, x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, null, changed, chunk);
        return new KMeansModel(centers, labels, KMeans.Inertia(x, n, d, centers, labels, threads), iter);
    }

    private static void Pass(bool exact, bool seeded, double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, float[] lower,
        double[] move, double[] drift, double[] halfGap, double[] nearest, int threads, Sums? sums, bool[] changed, int chunk)
    {
        if (exact)
        {
            Array.Clear(drift);
            Exact(seeded, x, n, d, k, centers, labels, upper, lower, threads, sums, changed, chunk);
        }
        else
        {
            Gaps(centers, k, d, halfGap, nearest);
            Bounded(x, n, d, k, centers, labels, upper, lower, move, drift, halfGap, nearest, threads, sums, changed, chunk);
        }
    }

    /// <summary>Half the distance between every two centres, and for each centre half the gap to its nearest other one.</summary>
    private static void Gaps(double[] centers, int k, int d, double[] halfGap, double[] nearest)
    {
        Array.Fill(nearest, double.PositiveInfinity);
        for (int a = 0; a < k; a++)
        {
            halfGap[a * k + a] = 0;
            for (int b = a + 1; b < k; b++)
            {
                double g = 0.5 * Math.Sqrt(VectorMath.SquaredDistance(centers.AsSpan(a * d, d), centers.AsSpan(b * d, d)));
                halfGap[a * k + b] = halfGap[b * k + a] = g;
                nearest[a] = Math.Min(nearest[a], g);
                nearest[b] = Math.Min(nearest[b], g);
            }
        }
    }

    /// <summary>Every distance (computed, or already in the bounds when <paramref name="known"/>): labels, u = the smallest, l_j = each.</summary>
    private static void Exact(bool known, double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, float[] lower,
        int threads, Sums? sums, bool[] changed, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            sums?.Clear(ch);
            var dist = known ? null : new double[k];
            bool any = known; // the seeding's labels are the first (only the first pass reads them)
            for (int i = lo; i < hi; i++)
            {
                var row = x.AsSpan(i * d, d);
                if (dist is not null)
                {
                    var l = lower.AsSpan(i * k, k);
                    KMeansDistance.Squared(row, centers, dist);
                    int best = 0;
                    double bd = double.PositiveInfinity;
                    for (int j = 0; j < k; j++)
                    {
                        double dj = Math.Sqrt(dist[j]);
                        l[j] = Down(dj);
                        if (dj < bd) { bd = dj; best = j; }
                    }
                    any |= labels[i] != best;
                    labels[i] = best;
                    upper[i] = bd;
                }
                lower[i * k + labels[i]] = float.PositiveInfinity;
                sums?.Add(ch, labels[i], row);
            }
            changed[ch] = any;
        }, threads);
    }

    /// <summary>
    /// A pass with valid bounds: a row is looked at only when its loosened u exceeds half the gap from its centre to the nearest other
    /// one, tightened only when a bound asks for it (<see cref="Candidates"/>), and read only then or when it changes cluster, which is
    /// all the centre update needs (<see cref="Sums"/>).
    /// </summary>
    private static void Bounded(double[] x, int n, int d, int k, double[] centers, int[] labels, double[] upper, float[] lower,
        double[] move, double[] drift, double[] halfGap, double[] nearest, int threads, Sums? sums, bool[] changed, int chunk)
    {
        int chunks = (n + chunk - 1) / chunk;
        OrderedParallel.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (ch) =>
        {
            int lo = ch * chunk, hi = Math.Min(n, lo + chunk);
            sums?.Clear(ch);
            bool any = false;
            Span<double> squares = stackalloc double[4];
            for (int i = lo; i < hi; i++)
            {
                if (Sse.IsSupported && i + 4 < hi)
                {
                    Prefetch(x, (i + 4) * d, d);
                    Prefetch(lower, (i + 4) * k, k);
                }
                int a = labels[i];
                double u = upper[i] + move[a];
                if (u > nearest[a])
                {
                    var row = x.AsSpan(i * d, d);
                    var scan = new Candidates(row, centers, lower.AsSpan(i * k, k), drift, halfGap, a, u, squares);
                    scan.Run();
                    u = scan.Distance;
                    if (scan.Label != a)
                    {
                        any = true;
                        sums?.Move(ch, a, scan.Label, row);
                        labels[i] = scan.Label;
                    }
                }
                upper[i] = u;
            }
            changed[ch] = any;
        }, threads);
    }

    /// <summary>
    /// Asks for the cache lines of <c>x[from…from+length)</c> ahead of use. A bounded pass reads each row's bounds and, when a bound
    /// asks, the row itself, so a row's first read waited on memory each time: fetching four rows ahead cut the 100,000 × 85 fit by
    /// ~15 % (bench/RESULTS.md), though a third of the rows fetched are then not read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(T[] x, int from, int length) where T : unmanaged
    {
        ref T r = ref x[from];
        for (int q = 0; q < length; q += 64 / sizeof(T)) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref r, q)));
    }

    /// <summary>
    /// One row's search for a nearer centre than its own (label a, u an upper bound on the distance to it): the centres j with
    /// u &gt; l_j, found sixteen (or eight) at a time by vector compares of the bounds, each re-tested against
    /// max(l_j, ½‖c_a − c_j‖) with the current u and label as it is reached (the gap test is left to the re-test: a row that gets
    /// this far usually lies within half the gap of most centres); the first one that passes makes u exact (one distance, the row
    /// read for the first time this pass) and is tested again, and those that still pass have their distances computed four at
    /// a time (<see cref="KMeansDistance.Four"/>).
    /// A queued centre that the one-by-one test would have skipped after an earlier one in its group lowered u is
    /// at least u away, so it cannot win under the strict comparison: the label is the one the one-by-one scan gives,
    /// and the centre's bound just gets tighter.
    /// </summary>
    private ref struct Candidates(ReadOnlySpan<double> row, double[] centers, Span<float> lower, double[] drift, double[] halfGap, int label, double distance,
        Span<double> squares)
    {
        private readonly ReadOnlySpan<double> _row = row;
        private readonly Span<float> _lower = lower;
        private readonly Span<double> _squares = squares; // four distances at a time
        private int _j0, _j1, _j2, _queued;
        private bool _tight; // Distance is the exact distance to Label

        public int Label { get; private set; } = label;

        public double Distance { get; private set; } = distance;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run()
        {
            int k = _lower.Length, j = 0;
            ref float l = ref MemoryMarshal.GetReference(_lower);
            ref double dr = ref MemoryMarshal.GetArrayDataReference(drift);
            if (Vector512.IsHardwareAccelerated)
                for (; j + 16 <= k; j += 16)
                {
                    var u = Vector512.Create(Distance);
                    var (l0, l1) = Vector512.Widen(Vector512.LoadUnsafe(ref l, (nuint)j));
                    ulong bits = Vector512.GreaterThan(u, l0 - Vector512.LoadUnsafe(ref dr, (nuint)j)).ExtractMostSignificantBits()
                        | Vector512.GreaterThan(u, l1 - Vector512.LoadUnsafe(ref dr, (nuint)(j + 8))).ExtractMostSignificantBits() << 8;
                    if (bits != 0) Visit(bits, j);
                }
            for (; j + 8 <= k; j += 8)
            {
                var u = Vector256.Create(Distance);
                var (l0, l1) = Vector256.Widen(Vector256.LoadUnsafe(ref l, (nuint)j));
                ulong bits = Vector256.GreaterThan(u, l0 - Vector256.LoadUnsafe(ref dr, (nuint)j)).ExtractMostSignificantBits()
                    | Vector256.GreaterThan(u, l1 - Vector256.LoadUnsafe(ref dr, (nuint)(j + 4))).ExtractMostSignificantBits() << 4;
                if (bits != 0) Visit(bits, j);
            }
            for (; j < k; j++)
                if (Distance > _lower[j] - drift[j]) Visit(1, j);
            for (int t = 0; t < _queued; t++)
            {
                int c = t == 0 ? _j0 : t == 1 ? _j1 : _j2;
                Settle(c, KMeansDistance.Squared(_row, Center(c)));
            }
        }

        /// <summary>Queues each centre j0 + (set bit) whose bound still lets it beat the current distance.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Visit(ulong bits, int j0)
        {
            int k = _lower.Length;
            for (; bits != 0; bits &= bits - 1)
            {
                int j = j0 + BitOperations.TrailingZeroCount(bits);
                if (Closed(j, k)) continue;
                if (!_tight)
                {
                    Distance = Math.Sqrt(KMeansDistance.Squared(_row, Center(Label)));
                    _tight = true;
                    if (Closed(j, k)) continue;
                }
                switch (_queued++)
                {
                    case 0: _j0 = j; break;
                    case 1: _j1 = j; break;
                    case 2: _j2 = j; break;
                    default:
                        KMeansDistance.Four(_row, Center(_j0), Center(_j1), Center(_j2), Center(j), _squares);
                        Settle(_j0, _squares[0]);
                        Settle(_j1, _squares[1]);
                        Settle(_j2, _squares[2]);
                        Settle(j, _squares[3]);
                        _queued = 0;
                        break;
                }
            }
        }

        /// <summary>
        /// Centre j cannot be nearer than the current distance: u ≤ l_j or u ≤ ½‖c_a − c_j‖ (both tested, one branch on the outcome
        /// instead of two hard-to-predict ones).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly bool Closed(int j, int k) => (Distance <= _lower[j] - drift[j]) | (Distance <= halfGap[Label * k + j]);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly ReadOnlySpan<double> Center(int j) => centers.AsSpan(j * _row.Length, _row.Length);

        /// <summary>
        /// Stores the exact distance to centre j as its bound and takes j when strictly nearer; the centre left behind gets
        /// its bound then (the distance to it is exact), and the new one's becomes +∞ (it never passes while it is the row's own).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Settle(int j, double squared)
        {
            double dj = Math.Sqrt(squared);
            if (dj < Distance)
            {
                _lower[Label] = Down(Distance + drift[Label]);
                _lower[j] = float.PositiveInfinity;
                Label = j;
                Distance = dj;
            }
            else
            {
                _lower[j] = Down(dj + drift[j]);
            }
        }
    }

    /// <summary>
    /// The centre update's sums. Per fixed chunk of rows and centre: after an exact pass the sum of the chunk's rows in the centre,
    /// after a bounded pass its change (rows that left subtracted, rows that came added), so a pass reads only the rows that moved;
    /// the running sums take them in chunk order, independent of the thread count. Only (chunk, centre) pairs marked as touched are
    /// non-zero, and only those are cleared and added.
    /// </summary>
    private sealed class Sums(int chunks, int k, int d)
    {
        private readonly double[] _part = new double[chunks * k * d];
        private readonly int[] _count = new int[chunks * k];
        private readonly bool[] _touched = new bool[chunks * k];
        private readonly double[] _running = new double[k * d];

        /// <summary>Rows in each cluster.</summary>
        public int[] Total { get; } = new int[k];

        public void Clear(int ch)
        {
            for (int j = 0; j < k; j++)
            {
                if (!_touched[ch * k + j]) continue;
                _touched[ch * k + j] = false;
                _count[ch * k + j] = 0;
                _part.AsSpan((ch * k + j) * d, d).Clear();
            }
        }

        public void Add(int ch, int label, ReadOnlySpan<double> row)
        {
            var target = Touch(ch, label, +1);
            TensorPrimitives.Add(target, row, target);
        }

        public void Move(int ch, int from, int to, ReadOnlySpan<double> row)
        {
            var source = Touch(ch, from, -1);
            TensorPrimitives.Subtract(source, row, source);
            Add(ch, to, row);
        }

        private Span<double> Touch(int ch, int label, int count)
        {
            _touched[ch * k + label] = true;
            _count[ch * k + label] += count;
            return _part.AsSpan((ch * k + label) * d, d);
        }

        /// <summary>New centres into <paramref name="next"/>: the running sums (restarted after an exact pass) divided by the counts (zero when empty).</summary>
        public void Update(bool exact, double[] next, int threads) => OrderedParallel.For(k, j =>
        {
            var sum = _running.AsSpan(j * d, d);
            if (exact)
            {
                sum.Clear();
                Total[j] = 0;
            }
            for (int ch = 0; ch < chunks; ch++)
            {
                if (!_touched[ch * k + j]) continue;
                Total[j] += _count[ch * k + j];
                TensorPrimitives.Add(sum, _part.AsSpan((ch * k + j) * d, d), sum);
            }
            var target = next.AsSpan(j * d, d);
            if (Total[j] > 0) TensorPrimitives.Multiply(sum, 1.0 / Total[j], target);
            else target.Clear();
        }, threads);
    }
}
