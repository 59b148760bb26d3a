namespace AtomCuration.Descriptors;

/// <summary>Reduces a per-atom matrix to a structure vector (see <see cref="Aggregation"/>).</summary>
public static class Aggregator
{
    /// <summary>Names of the <see cref="Aggregation.Stats"/> entries, appended to a column label as <c>label.mean</c> etc.</summary>
    public static IReadOnlyList<string> StatNames { get; } = ["mean", "std", "min", "max"];

    /// <summary>Length of the aggregated vector for <paramref name="columns"/> per-atom columns.</summary>
    public static int Width(Aggregation aggregation, int columns) => aggregation switch
    {
        Aggregation.Stats => 4 * columns,
        Aggregation.None => 0,
        _ => columns,
    };

    /// <summary>Labels of the aggregated vector: the column labels for Mean and Sum, <c>label.stat</c> for Stats.</summary>
    public static IReadOnlyList<string> Labels(Aggregation aggregation, IReadOnlyList<string> columns) => aggregation switch
    {
        Aggregation.Stats => columns.SelectMany(c => StatNames.Select(s => $"{c}.{s}")).ToArray(),
        Aggregation.None => [],
        _ => columns,
    };

    /// <summary>Aggregates <paramref name="rows"/> (row-major, <paramref name="atoms"/> × <paramref name="columns"/>) into <paramref name="destination"/>.</summary>
    public static void Apply(Aggregation aggregation, ReadOnlySpan<double> rows, int atoms, int columns, Span<double> destination)
    {
        if (rows.Length != atoms * columns) throw new ArgumentException("Rows do not match atoms × columns.", nameof(rows));
        if (destination.Length != Width(aggregation, columns)) throw new ArgumentException("Destination has the wrong length.", nameof(destination));
        if (aggregation == Aggregation.None) return;
        if (aggregation is Aggregation.Mean or Aggregation.Sum)
        {
            destination.Clear();
            for (int i = 0; i < atoms; i++)
                System.Numerics.Tensors.TensorPrimitives.Add(destination, rows.Slice(i * columns, columns), destination);
            if (aggregation == Aggregation.Mean)
                System.Numerics.Tensors.TensorPrimitives.Multiply(destination, 1.0 / atoms, destination);
            return;
        }
        for (int c = 0; c < columns; c++)
            ColumnStatistics.Write(rows, columns, c, destination.Slice(4 * c, 4));
    }
}
