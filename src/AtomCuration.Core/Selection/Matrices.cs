using AtomCuration.Structures;

namespace AtomCuration.Selection;

/// <summary>Small helpers for building the dense row-major matrices the algorithms work on.</summary>
public static class Matrices
{
    /// <summary>Wraps <paramref name="values"/> (row-major, not copied) as a rows × columns matrix labelled c0, c1, ….</summary>
    public static FeatureMatrix Create(int rows, int columns, double[] values) =>
        new(rows, Enumerable.Range(0, columns).Select(c => "c" + c).ToArray(), values);

    /// <summary>Stacks rows given as arrays (all the same length).</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        int d = rows.Count == 0 ? 0 : rows[0].Length;
        var v = new double[rows.Count * d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d) throw new ArgumentException($"Row {i} has {rows[i].Length} values, row 0 has {d}.");
            rows[i].CopyTo(v, i * d);
        }
        return Create(rows.Count, d, v);
    }
}
