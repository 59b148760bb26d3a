using System.Collections.Immutable;
using System.Collections.ObjectModel;

namespace AtomCuration.Structures;

/// <summary>
/// The <see cref="Structure.Info"/> dictionary: a private copy, in the source's order, that refuses
/// every write (the <see cref="System.Collections.IDictionary"/> indexer, <c>Add</c>, <c>Remove</c>,
/// <c>Clear</c> throw <see cref="NotSupportedException"/>), with array values frozen as
/// <see cref="ImmutableArray{T}"/>. Structures made with <c>with</c> share one instance, which is
/// safe because nothing can change it; so nothing done to one structure shows in another.
/// </summary>
internal sealed class FrozenInfo : ReadOnlyDictionary<string, object>
{
    /// <summary>The one empty instance.</summary>
    public static new FrozenInfo Empty { get; } = new(new Dictionary<string, object>());

    private FrozenInfo(Dictionary<string, object> copy) : base(copy)
    {
    }

    /// <summary>
    /// Wraps <paramref name="owned"/> without copying it: for a reader that built the dictionary for this one
    /// structure, keeps no other reference to it and stored every value through <see cref="Freeze"/>.
    /// </summary>
    internal static FrozenInfo Adopt(Dictionary<string, object> owned) => owned.Count == 0 ? Empty : new FrozenInfo(owned);

    /// <summary><paramref name="source"/> itself when already frozen, else a frozen copy.</summary>
    public static IReadOnlyDictionary<string, object> From(IReadOnlyDictionary<string, object>? source)
    {
        if (source is FrozenInfo frozen) return frozen;
        if (source is null || source.Count == 0) return Empty;
        var copy = new Dictionary<string, object>(source.Count, (source as Dictionary<string, object>)?.Comparer);
        foreach (var (key, value) in source)
        {
            ArgumentNullException.ThrowIfNull(value, $"Info[{key}]");
            copy.Add(key, Freeze(value));
        }
        return new FrozenInfo(copy);
    }

    /// <summary>Arrays become immutable arrays of the same element type; everything else (strings, numbers, booleans) is immutable already.</summary>
    internal static object Freeze(object value) => value switch
    {
        double[] a => ImmutableArray.Create(a),
        long[] a => ImmutableArray.Create(a),
        int[] a => ImmutableArray.Create(a),
        bool[] a => ImmutableArray.Create(a),
        string[] a => ImmutableArray.Create(a),
        float[] a => ImmutableArray.Create(a),
        Array a => ImmutableArray.CreateRange(a.Cast<object>().Select(Freeze)),
        _ => value,
    };

    /// <summary>The mutable array a frozen array value was made from (a copy), for writers that format arrays.</summary>
    internal static object Thaw(object value) => value switch
    {
        ImmutableArray<double> a => a.ToArray(),
        ImmutableArray<long> a => a.ToArray(),
        ImmutableArray<int> a => a.ToArray(),
        ImmutableArray<bool> a => a.ToArray(),
        ImmutableArray<string> a => a.ToArray(),
        ImmutableArray<float> a => a.ToArray(),
        _ => value,
    };
}
