namespace AtomCuration.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): a small, fast generator whose stream is fixed by its 64-bit state,
/// so every configuration's random numbers follow from (seed, index) alone, on any thread and any .NET version.
/// Normal deviates by the Box–Muller transform.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public SplitMix64(int seed, long index)
    {
        _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)index * 0xD1B54A32D192ED03UL;
        _spare = 0;
        _hasSpare = false;
        NextUInt64();
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u1 = 1.0 - NextDouble(), u2 = NextDouble();
        double radius = Math.Sqrt(-2 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        _hasSpare = true;
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
