using ScottPlot;

namespace AtomCuration.Plotting;

/// <summary>
/// The Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008; Wong, Nat. Methods 8, 441, 2011,
/// doi:10.1038/nmeth.1618): eight colours told apart with every common form of colour blindness.
/// Beyond eight series the colours repeat with a different marker shape.
/// </summary>
public static class Palette
{
    /// <summary>The series colours, most distinct first (blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black).</summary>
    public static IReadOnlyList<string> Hex { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    private static readonly Color[] Colors = Hex.Select(Color.FromHex).ToArray();

    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    public static Color ColorOf(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];

    /// <summary>The marker shape of series <paramref name="index"/> (changes each time the colours wrap around).</summary>
    public static MarkerShape ShapeOf(int index) => Shapes[(Math.Abs(index) / Colors.Length) % Shapes.Length];

    /// <summary>Neutral grey for context (the unselected pool).</summary>
    public static Color Context { get; } = Color.FromHex("#BBBBBB");

    /// <summary>Viridis (perceptually uniform, colour-blind safe) at <paramref name="fraction"/> ∈ [0, 1].</summary>
    public static Color Sequential(double fraction) => new ScottPlot.Colormaps.Viridis().GetColor(Math.Clamp(fraction, 0, 1));
}
