using ScottPlot;
using SkiaSharp;

namespace AtomCuration.Plotting;

/// <summary>Image formats a figure can be written in.</summary>
public enum FigureFormat
{
    /// <summary>Portable Network Graphics (raster).</summary>
    Png,
    /// <summary>Scalable Vector Graphics (text elements stay text).</summary>
    Svg,
}

/// <summary>
/// Writes a ScottPlot figure (one plot or a multiplot) as PNG or SVG. Skia does the drawing and the SVG
/// serialisation (<see cref="SKSvgCanvas"/>); nothing here rasterises or writes SVG by hand.
/// The same figure and size always give the same bytes: no clock, no random numbers, fixed fonts.
/// </summary>
public static partial class FigureFile
{
    static FigureFile() => NativeAssets.Register();

    /// <summary>The format implied by a file name (.png or .svg, any case); otherwise an error naming both.</summary>
    public static FigureFormat FormatOf(string path)
    {
        string ext = Path.GetExtension(path);
        if (ext.Equals(".png", StringComparison.OrdinalIgnoreCase)) return FigureFormat.Png;
        if (ext.Equals(".svg", StringComparison.OrdinalIgnoreCase)) return FigureFormat.Svg;
        throw new ArgumentException($"Cannot tell the image format of '{path}': name it .png or .svg.");
    }

    /// <summary>Renders <paramref name="figure"/> at <paramref name="width"/> × <paramref name="height"/> pixels into <paramref name="path"/>.</summary>
    public static void Save(Figure figure, string path, int width, int height)
    {
        byte[] bytes = Render(figure, FormatOf(path), width, height);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Renders <paramref name="figure"/> to the bytes of an image file.</summary>
    public static byte[] Render(Figure figure, FigureFormat format, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (width < 100 || height < 100) throw new ArgumentOutOfRangeException(nameof(width), "A figure needs at least 100 × 100 pixels.");
        var rect = new PixelRect(0, width, height, 0);
        if (format == FigureFormat.Svg)
        {
            // ScottPlot renders a second time when the first pass changed the layout (auto-scaled axes); a vector
            // canvas would keep both passes. A first pass on a no-draw canvas settles the layout.
            using (var settle = new SKNoDrawCanvas(width, height)) figure.Draw(settle, rect);
            using var stream = new MemoryStream();
            using (var wstream = new SKManagedWStream(stream))
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), wstream))
            {
                figure.Draw(canvas, rect);
            }
            return NumberClipPaths(stream.ToArray());
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        figure.Draw(surface.Canvas, rect);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Skia names clip paths from a process-wide counter (cl_4, cl_e, …), so the same figure drawn twice differs;
    /// renaming them cl_0, cl_1, … in order of appearance makes the SVG a function of the figure alone.
    /// </summary>
    private static byte[] NumberClipPaths(byte[] svg)
    {
        string text = System.Text.Encoding.UTF8.GetString(svg);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string renamed = ClipId().Replace(text, m =>
        {
            string old = m.Groups[2].Value;
            if (!names.TryGetValue(old, out string? fresh)) names[old] = fresh = "cl_" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return m.Groups[1].Value + fresh;
        });
        return System.Text.Encoding.UTF8.GetBytes(renamed);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(id=""|url\(#)(cl_[0-9a-f]+)")]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}

/// <summary>A figure ready to render: one ScottPlot <see cref="Plot"/> or a <see cref="Multiplot"/> of panels.</summary>
public sealed class Figure
{
    private readonly Plot? _plot;
    private readonly Multiplot? _multiplot;

    /// <summary>A single-panel figure.</summary>
    public Figure(Plot plot) => _plot = plot ?? throw new ArgumentNullException(nameof(plot));

    /// <summary>A multi-panel figure.</summary>
    public Figure(Multiplot multiplot) => _multiplot = multiplot ?? throw new ArgumentNullException(nameof(multiplot));

    /// <summary>The panels (one for a single plot).</summary>
    public IReadOnlyList<Plot> Panels => _plot is not null ? [_plot] : _multiplot!.Subplots.GetPlots();

    internal void Draw(SKCanvas canvas, PixelRect rect)
    {
        canvas.Clear(SKColors.White);
        if (_plot is not null) _plot.Render(canvas, rect);
        else _multiplot!.Render(canvas, rect);
    }
}
