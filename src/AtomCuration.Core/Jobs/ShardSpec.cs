using System.Globalization;

namespace AtomCuration.Jobs;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (written <c>k/n</c>, 1 ≤ k ≤ n): the frames of a pool
/// whose position in the whole pool (all files, in the order read, bad frames counted) is ≡ k−1 (mod n).
/// Round-robin over the pool rather than over files, so every frame belongs to exactly one shard whatever
/// the files and their sizes, shards differ in size by at most one frame, and merging the shards' outputs
/// by pool position restores the unsharded order exactly.
/// </summary>
public readonly record struct ShardSpec
{
    /// <summary>Shard <paramref name="index"/> (1-based) of <paramref name="count"/>.</summary>
    public ShardSpec(int index, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A pool is split into at least 1 shard.");
        if (index < 1 || index > count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Shard index must be 1…{count}.");
        Index = index;
        Count = count;
    }

    /// <summary>The whole pool (shard 1 of 1).</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>1-based shard number.</summary>
    public int Index { get; }

    /// <summary>Number of shards.</summary>
    public int Count { get; }

    /// <summary>Whether this is the whole pool.</summary>
    public bool IsAll => Count == 1;

    /// <summary>Whether the frame at <paramref name="poolIndex"/> (0-based position in the pool) belongs to this shard.</summary>
    public bool Contains(long poolIndex) => poolIndex % Count == Index - 1;

    /// <summary>Parses <c>k/n</c> (e.g. <c>3/8</c>); throws <see cref="FormatException"/> otherwise.</summary>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            || n < 1 || k < 1 || k > n)
            throw new FormatException($"'{text}' is not a shard: write k/n with 1 ≤ k ≤ n, e.g. 3/8.");
        return new ShardSpec(k, n);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
