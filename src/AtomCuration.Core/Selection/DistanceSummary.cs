using System.Runtime.InteropServices;

namespace AtomCuration.Selection;

/// <summary>
/// Mean, median and maximum of a stream of non-negative distances (the coverage columns of
/// <see cref="DiversityReport"/>) in bounded memory: the sum and maximum accumulate in arrival order, and the
/// values are buffered for the median up to <see cref="BufferLength"/>, beyond which they spill to a temporary
/// file. The median of a spilled stream is exact: a non-negative double orders as its bit pattern, so the k-th
/// smallest is found 16 bits at a time by four counting passes over the file (a radix selection).
/// </summary>
internal sealed class DistanceSummary : IDisposable
{
    /// <summary>Values kept in memory before spilling (8 MiB; the buffer grows to it as values arrive).</summary>
    internal const int BufferLength = 1 << 20;

    private readonly int _capacity;
    private double[] _buffer;
    private int _buffered;
    private FileStream? _spill;
    private double _sum;
    private double _max = double.NegativeInfinity;

    public DistanceSummary(int bufferLength = BufferLength)
    {
        _capacity = bufferLength;
        _buffer = new double[Math.Min(bufferLength, 4096)];
    }

    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds the next distance.</summary>
    public void Add(double distance)
    {
        _sum += distance;
        if (distance > _max) _max = distance;
        Count++;
        if (_buffered == _buffer.Length && _buffer.Length < _capacity)
            Array.Resize(ref _buffer, (int)Math.Min(_capacity, 2L * _buffer.Length)); // small measures stay small
        else if (_buffered == _buffer.Length)
        {
            _spill ??= new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _spill.Write(MemoryMarshal.AsBytes(_buffer.AsSpan()));
            _buffered = 0;
        }
        _buffer[_buffered++] = distance;
    }

    /// <summary>Mean (sum in arrival order over the count).</summary>
    public double Mean => _sum / Count;

    /// <summary>Largest value.</summary>
    public double Max => _max;

    /// <summary>Median (the mean of the two middle values for an even count).</summary>
    public double Median()
    {
        if (Count == 0) return double.NaN;
        if (_spill is null)
        {
            var sorted = _buffer.AsSpan(0, _buffered).ToArray();
            Array.Sort(sorted);
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        }
        return Count % 2 == 1 ? Select(Count / 2) : 0.5 * (Select(Count / 2 - 1) + Select(Count / 2));
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based) of a spilled stream.</summary>
    private double Select(long k)
    {
        ulong prefix = 0, mask = 0;
        var histogram = new long[1 << 16];
        for (int shift = 48; shift >= 0; shift -= 16)
        {
            Array.Clear(histogram);
            foreach (var block in Blocks())
                foreach (ulong bits in block.Span)
                    if ((bits & mask) == prefix) histogram[(int)((bits >> shift) & 0xFFFF)]++;
            int bucket = 0;
            while (k >= histogram[bucket]) k -= histogram[bucket++];
            prefix |= (ulong)bucket << shift;
            mask |= 0xFFFFUL << shift;
        }
        return BitConverter.UInt64BitsToDouble(prefix);
    }

    /// <summary>All values as bit patterns: the spilled blocks, then the buffer.</summary>
    private IEnumerable<ReadOnlyMemory<ulong>> Blocks()
    {
        var block = new ulong[_buffer.Length];
        _spill!.Position = 0;
        while (true)
        {
            int read = _spill.ReadAtLeast(MemoryMarshal.AsBytes(block.AsSpan()), block.Length * 8, throwOnEndOfStream: false);
            if (read == 0) break;
            yield return block.AsMemory(0, read / 8);
        }
        var tail = new ulong[_buffered];
        for (int i = 0; i < _buffered; i++) tail[i] = BitConverter.DoubleToUInt64Bits(_buffer[i]);
        yield return tail;
    }

    /// <summary>Deletes the spill file.</summary>
    public void Dispose() => _spill?.Dispose();
}
