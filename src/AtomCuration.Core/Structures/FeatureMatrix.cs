namespace AtomCuration.Structures;

/// <summary>
/// A dense row-major matrix of features with a label for every column: per-atom descriptors
/// (atoms × features) or a pool's structure × feature matrix.
/// </summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (row-major, not copied) as rows × labels.Count.</summary>
    public FeatureMatrix(int rows, IReadOnlyList<string> labels, double[] values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "Rows cannot be negative.");
        if (values.Length != rows * labels.Count)
            throw new ArgumentException($"{values.Length} values do not fill {rows} × {labels.Count}.", nameof(values));
        Rows = rows;
        Labels = labels;
        _values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns => Labels.Count;

    /// <summary>Column labels.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Element (row, column).</summary>
    public double this[int row, int column] => _values[row * Columns + column];

    /// <summary>One row.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>All values, row-major.</summary>
    public ReadOnlySpan<double> Values => _values;
}
