using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>An affine per-column map x' = (x − Offset) · Factor applied to descriptor rows.</summary>
/// <param name="Offset">Subtracted from each column.</param>
/// <param name="Factor">Multiplies each column after the offset.</param>
public sealed record ColumnScaling(double[] Offset, double[] Factor)
{
    /// <summary>Min–max scaling to [0, 1] over all rows of all matrices (constant columns map to 0).</summary>
    public static ColumnScaling MinMax(IEnumerable<FeatureMatrix> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        double[]? min = null, max = null;
        foreach (var m in matrices)
        {
            min ??= Enumerable.Repeat(double.PositiveInfinity, m.Columns).ToArray();
            max ??= Enumerable.Repeat(double.NegativeInfinity, m.Columns).ToArray();
            if (m.Columns != min.Length) throw new ArgumentException($"Descriptor widths differ ({m.Columns} vs {min.Length}).");
            for (int i = 0; i < m.Rows; i++)
            {
                var row = m.Row(i);
                for (int c = 0; c < row.Length; c++)
                {
                    if (row[c] < min[c]) min[c] = row[c];
                    if (row[c] > max[c]) max[c] = row[c];
                }
            }
        }
        if (min is null || max is null) return new ColumnScaling([], []);
        var factor = new double[min.Length];
        for (int c = 0; c < min.Length; c++) factor[c] = max[c] > min[c] ? 1 / (max[c] - min[c]) : 0;
        return new ColumnScaling(min, factor);
    }

    /// <summary>Writes the scaled <paramref name="row"/> into <paramref name="destination"/>.</summary>
    public void Apply(ReadOnlySpan<double> row, Span<double> destination)
    {
        for (int c = 0; c < row.Length; c++) destination[c] = (row[c] - Offset[c]) * Factor[c];
    }
}
