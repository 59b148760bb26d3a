using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>
/// Panels in a grid filled row by row, with a relative height per row (ScottPlot 5.1.59's own Grid layout
/// rejects grids with more columns than rows).
/// </summary>
public sealed class GridLayout : IMultiplotLayout
{
    private readonly int _columns;
    private readonly double[] _rowWeights;

    /// <summary>A grid of <paramref name="columns"/> columns and one row per entry of <paramref name="rowWeights"/> (relative heights).</summary>
    public GridLayout(int columns, params double[] rowWeights)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), "At least one column.");
        if (rowWeights.Length == 0 || rowWeights.Any(w => !(w > 0))) throw new ArgumentException("Positive row weights, at least one.", nameof(rowWeights));
        _columns = columns;
        _rowWeights = rowWeights;
    }

    /// <inheritdoc />
    public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
    {
        ArgumentNullException.ThrowIfNull(subplots);
        double total = _rowWeights.Sum();
        var rects = new PixelRect[subplots.Count];
        float width = figureRect.Width / _columns;
        for (int i = 0; i < rects.Length; i++)
        {
            int row = Math.Min(i / _columns, _rowWeights.Length - 1), col = i % _columns;
            double top = _rowWeights.Take(row).Sum() / total, height = _rowWeights[row] / total;
            float y0 = figureRect.Top + (float)(top * figureRect.Height), y1 = figureRect.Top + (float)((top + height) * figureRect.Height);
            float x0 = figureRect.Left + col * width;
            rects[i] = new PixelRect(x0, x0 + width, y1, y0);
        }
        return rects;
    }
}
