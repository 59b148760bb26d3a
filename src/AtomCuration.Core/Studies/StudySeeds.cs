using System.Text;

namespace AtomCuration.Studies;

/// <summary>
/// Seeds of a study's trials, derived without any shared random stream so that they do not depend on
/// the order or thread in which trials run: FNV-1a 64 of the parts (the method name as UTF-8, integers as
/// little-endian bytes), finished with the SplitMix64 mixer (Steele, Lea &amp; Flood, OOPSLA 2014,
/// doi:10.1145/2660193.2660195), folded to a non-negative int.
/// </summary>
public static class StudySeeds
{
    /// <summary>The selection seed of (method, size, trial).</summary>
    public static int Selection(int studySeed, string method, int count, int trial) =>
        Mix(Hash(Hash(Hash(Hash(Offset, "select"u8), studySeed), Encoding.UTF8.GetBytes(method)), count, trial));

    /// <summary>The seed of trial <paramref name="trial"/>'s test split (shared by every method and size).</summary>
    public static int Split(int studySeed, int trial) => Mix(Hash(Hash(Offset, "split"u8), studySeed, trial));

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private static ulong Hash(ulong h, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes) h = (h ^ b) * Prime;
        return h;
    }

    private static ulong Hash(ulong h, params int[] values)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (int v in values)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, v);
            h = Hash(h, buffer);
        }
        return h;
    }

    private static int Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
