namespace AtomCuration.IO;

/// <summary>
/// CRC-32 as gzip records it in every member's trailer (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320;
/// RFC 1952 §8), computed slicing-by-8 (Kounavis and Berry, 2005, "A Systematic Approach to Building High
/// Performance Software-based CRC Generators", ISCC, doi:10.1109/ISCC.2005.18): eight table look-ups per eight
/// bytes, several times faster than the byte-at-a-time loop and far faster than decompression.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    /// <summary>The CRC of <paramref name="crc"/>'s data followed by <paramref name="data"/> (start from 0).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table;
        uint c = ~crc;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint a = c ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            uint b = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
            c = t[7 * 256 + (a & 0xff)] ^ t[6 * 256 + ((a >> 8) & 0xff)] ^ t[5 * 256 + ((a >> 16) & 0xff)] ^ t[4 * 256 + (a >> 24)]
                ^ t[3 * 256 + (b & 0xff)] ^ t[2 * 256 + ((b >> 8) & 0xff)] ^ t[256 + ((b >> 16) & 0xff)] ^ t[b >> 24];
        }
        for (; i < data.Length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >> 8);
        return ~c;
    }

    /// <summary>Table k holds the CRC of a byte followed by k zero bytes.</summary>
    private static uint[] Build()
    {
        var t = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        for (int k = 1; k < 8; k++)
            for (int n = 0; n < 256; n++)
                t[k * 256 + n] = t[(k - 1) * 256 + n] >> 8 ^ t[t[(k - 1) * 256 + n] & 0xff];
        return t;
    }
}
