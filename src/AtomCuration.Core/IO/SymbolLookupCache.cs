using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Maps symbol tokens to atomic numbers without allocating a string per atom: the few
/// distinct symbols of a file are remembered and compared as spans.
/// </summary>
internal sealed class SymbolLookupCache
{
    private const int Capacity = 32;
    private readonly string[] _symbols = new string[Capacity];
    private readonly int[] _numbers = new int[Capacity];
    private int _count, _last;

    /// <summary>Atomic number of a symbol (any case, as ASE capitalises), or 0 when it is not an element.</summary>
    // Hot per atom line: optimised from the first call (see LineSource.Next).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Lookup(ReadOnlySpan<char> token)
    {
        if (_count > 0 && token.SequenceEqual(_symbols[_last])) return _numbers[_last];
        for (int i = 0; i < _count; i++)
        {
            if (!token.SequenceEqual(_symbols[i])) continue;
            _last = i;
            return _numbers[i];
        }
        string symbol = token.ToString();
        if (!Elements.TryFromSymbol(symbol, out var element)) return 0;
        if (_count < Capacity)
        {
            _symbols[_count] = symbol;
            _numbers[_count] = element.Z;
            _last = _count++;
        }
        return element.Z;
    }
}
