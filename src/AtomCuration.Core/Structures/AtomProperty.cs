namespace AtomCuration.Structures;

/// <summary>The value type of a per-atom property column, as extended XYZ spells it.</summary>
public enum AtomPropertyType
{
    /// <summary>Real number (<c>R</c>).</summary>
    Real,
    /// <summary>Integer (<c>I</c>).</summary>
    Integer,
    /// <summary>String (<c>S</c>).</summary>
    String,
    /// <summary>Logical (<c>L</c>).</summary>
    Logical,
}

/// <summary>
/// A per-atom property that is not one of the named labels of a <see cref="Structure"/>
/// (tags, magnetic moments, velocities, …), kept so that writing is lossless.
/// <see cref="Values"/> is a row-major, read-only list of <c>atoms × Columns</c> values:
/// <c>double</c>, <c>long</c>, <c>string</c> or <c>bool</c> according to <see cref="Type"/>.
/// The property keeps its own copy of the array it was made from, and writing through
/// <see cref="Values"/> throws, so structures sharing a property cannot change each other. A sealed class rather than a
/// record, so that PowerShell's Get-Member lists no compiler-generated <c>&lt;Clone&gt;$</c>.
/// </summary>
public sealed class AtomProperty
{
    /// <summary>Creates a property after checking that the array type matches <paramref name="type"/>.</summary>
    public AtomProperty(string name, AtomPropertyType type, int columns, Array values)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A property needs a name.", nameof(name));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "At least one column.");
        bool ok = type switch
        {
            AtomPropertyType.Real => values is double[],
            AtomPropertyType.Integer => values is long[],
            AtomPropertyType.String => values is string[],
            AtomPropertyType.Logical => values is bool[],
            _ => false,
        };
        if (!ok) throw new ArgumentException($"Property '{name}' of type {type} cannot hold {values.GetType().Name}.");
        if (values.Length % columns != 0)
            throw new ArgumentException($"Property '{name}' has {values.Length} values, not a multiple of {columns} columns.");
        Name = name;
        Type = type;
        Columns = columns;
        Raw = (Array)values.Clone();
        Values = Raw switch
        {
            double[] d => Array.AsReadOnly(d),
            long[] l => Array.AsReadOnly(l),
            string[] t => Array.AsReadOnly(t),
            _ => Array.AsReadOnly((bool[])Raw),
        };
    }

    /// <summary>Column name (e.g. <c>tags</c>).</summary>
    public string Name { get; }

    /// <summary>Value type.</summary>
    public AtomPropertyType Type { get; }

    /// <summary>Values per atom.</summary>
    public int Columns { get; }

    /// <summary>Row-major values, atoms × columns (read-only: writing throws <see cref="NotSupportedException"/>).</summary>
    public System.Collections.IList Values { get; }

    /// <summary>The values as an array of their element type (a copy).</summary>
    public T[] ToArray<T>() => Raw is T[] typed ? (T[])typed.Clone()
        : throw new InvalidCastException($"Property '{Name}' holds {Type} values, not {typeof(T).Name}.");

    /// <summary>The private array behind <see cref="Values"/>; never handed out of the library.</summary>
    internal Array Raw { get; }

    /// <summary>Number of atoms the property covers.</summary>
    public int Rows => Raw.Length / Columns;
}
