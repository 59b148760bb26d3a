using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AtomCuration.Fitting;

namespace AtomCuration.Plotting.Report;

/// <summary>One structure as the report shows it.</summary>
/// <param name="Id">Structure id.</param>
/// <param name="Group">Group label (e.g. config_type), or null.</param>
/// <param name="Formula">Chemical formula.</param>
/// <param name="Atoms">Atom count.</param>
/// <param name="EnergyPerAtom">Reference energy per atom (eV/atom), or null.</param>
/// <param name="MapX">First map coordinate, or null.</param>
/// <param name="MapY">Second map coordinate, or null.</param>
/// <param name="Cluster">Cluster id, or null.</param>
/// <param name="Selected">Whether it was selected.</param>
/// <param name="PredictedEnergyPerAtom">A potential's energy per atom (eV/atom), or null.</param>
/// <param name="ForceRmse">Force-component RMSE against the labels (meV/Å), or null.</param>
public sealed record ReportStructure(string Id, string? Group, string Formula, int Atoms, double? EnergyPerAtom, double? MapX, double? MapY,
    int? Cluster, bool Selected, double? PredictedEnergyPerAtom, double? ForceRmse);

/// <summary>Errors of one group (or all structures) in the report's table.</summary>
/// <param name="Group">Group label; "all" for the whole set.</param>
/// <param name="Structures">Structures with a prediction.</param>
/// <param name="EnergyRmse">Energy-per-atom RMSE (meV/atom).</param>
/// <param name="EnergyMae">Energy-per-atom MAE (meV/atom).</param>
/// <param name="ForceRmse">Force-component RMSE (meV/Å) over every component of the group, or null.</param>
public sealed record ReportGroupError(string Group, int Structures, double EnergyRmse, double EnergyMae, double? ForceRmse);

/// <summary>Everything one report shows.</summary>
public sealed record ReportContent
{
    /// <summary>Page title.</summary>
    public string Title { get; init; } = "AtomCuration report";

    /// <summary>The structures (pool, selection, map, predictions).</summary>
    public required IReadOnlyList<ReportStructure> Structures { get; init; }

    /// <summary>Learning-curve points of the test energy RMSE (meV/atom); may be empty.</summary>
    public IReadOnlyList<CurvePoint> EnergyCurve { get; init; } = [];

    /// <summary>Learning-curve points of the test force RMSE (meV/Å); may be empty.</summary>
    public IReadOnlyList<CurvePoint> ForceCurve { get; init; } = [];

    /// <summary>What the learning curves' x values are (size, budget or threshold).</summary>
    public CurveAxis CurveAxis { get; init; } = CurveAxis.Count;

    /// <summary>Energy RMSE of the fit to all the data (meV/atom), drawn on the energy learning curve.</summary>
    public double? ReferenceEnergyRmse { get; init; }

    /// <summary>Force RMSE of the fit to all the data (meV/Å), drawn on the force learning curve.</summary>
    public double? ReferenceForceRmse { get; init; }

    /// <summary>Reference against predicted force components (eV/Å), as <see cref="PlotData.Parity(FitErrorReport, ParityQuantity, Func{Structures.Structure, string?})"/> gives them; may be empty.</summary>
    public IReadOnlyList<ParityPoint> ForceParity { get; init; } = [];

    /// <summary>Reference against predicted stress components (GPa); may be empty.</summary>
    public IReadOnlyList<ParityPoint> StressParity { get; init; } = [];

    /// <summary>
    /// Above this many map points the map opens as a density (2-D histogram); points stay one click away.
    /// Force and stress parity plots with more components draw an evenly spaced subsample of this many (RMSE over all).
    /// </summary>
    public int DensityAbove { get; init; } = 20_000;
}

/// <summary>
/// Writes one self-contained HTML file (no network access when opened): pool summary, an interactive map
/// (hover, zoom, lasso/box or cluster selection listing and copying the ids, density mode for large pools),
/// learning curves, energy, force-component and stress parity plots and per-group error tables. Plotting is done in the browser by the
/// vendored plotly.js (MIT), embedded with its licence; the page's own script only wires data to it.
/// The same content gives the same bytes.
/// </summary>
public static class CurationReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Escapes <, >, &, ' so the data cannot close the script element it sits in.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    /// <summary>Per-group and overall error rows from the structures that have predictions (ordinal group order, "all" last).</summary>
    public static IReadOnlyList<ReportGroupError> GroupErrors(IReadOnlyList<ReportStructure> structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        var predicted = structures.Where(s => s.PredictedEnergyPerAtom is not null && s.EnergyPerAtom is not null).ToList();
        if (predicted.Count == 0) return [];
        var rows = predicted.GroupBy(s => s.Group ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList())).ToList();
        rows.Add(Row("all", predicted));
        return rows;
    }

    private static ReportGroupError Row(string name, List<ReportStructure> s)
    {
        var e = s.Select(x => 1000 * (x.PredictedEnergyPerAtom!.Value - x.EnergyPerAtom!.Value)).ToArray();
        double? force = null;
        var withForce = s.Where(x => x.ForceRmse is not null).ToList();
        if (withForce.Count > 0)
        {
            // Pool per-structure RMSEs over all components: Σ 3n_i·rmse_i² / Σ 3n_i.
            double sq = withForce.Sum(x => 3.0 * x.Atoms * x.ForceRmse!.Value * x.ForceRmse.Value);
            force = Math.Sqrt(sq / withForce.Sum(x => 3.0 * x.Atoms));
        }
        return new ReportGroupError(name, s.Count, Quantiles.Rms(e), e.Average(Math.Abs), force);
    }

    /// <summary>Writes the report to <paramref name="path"/> (UTF-8, no BOM).</summary>
    public static void Write(ReportContent content, string path) =>
        File.WriteAllText(path, Render(content), new UTF8Encoding(false));

    /// <summary>The report's HTML.</summary>
    public static string Render(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var s = content.Structures;
        var html = new StringBuilder(1 << 20);
        string title = WebUtility.HtmlEncode(content.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append("</title>\n<style>\n").Append(Resource("report.css")).Append("</style>\n")
            .Append("<!-- plotly.js 4.1.2, embedded so the report opens offline. Its licence:\n")
            .Append(Resource("plotly.LICENSE").Replace("--", "- -", StringComparison.Ordinal)).Append("-->\n")
            .Append("<script>\n").Append(Resource("plotly.min.js")).Append("\n</script>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(title).Append("</h1></header>\n<main>\n");

        AppendSummary(html, s);
        bool hasMap = s.Any(x => x.MapX is not null && x.MapY is not null);
        if (hasMap)
            html.Append("""
                <section id="map-section">
                <h2>Map</h2>
                <div class="controls">
                <label>Colour by <select id="color-by"></select></label>
                <label>View <select id="view-mode"><option value="points">points</option><option value="density">density</option></select></label>
                <label>Cluster or group <select id="pick"></select></label> <button id="pick-button" type="button">Select</button>
                <span class="hint">Drag with the lasso or box tool to select a region; double-click to reset the zoom.</span>
                </div>
                <div id="map" class="plot tall"></div>
                <div class="selection"><span id="selection-count">Nothing selected.</span>
                <button id="copy-ids" type="button" disabled>Copy ids</button>
                <textarea id="selection-ids" readonly rows="4" aria-label="Selected ids"></textarea></div>
                </section>

                """);
        if (content.EnergyCurve.Count > 0 || content.ForceCurve.Count > 0)
            html.Append("<section id=\"curves-section\">\n<h2>Learning curves</h2>\n<div class=\"row\"><div id=\"curve-energy\" class=\"plot\"></div><div id=\"curve-force\" class=\"plot\"></div></div>\n</section>\n");
        var errors = GroupErrors(s);
        if (errors.Count > 0 || content.ForceParity.Count > 0 || content.StressParity.Count > 0)
        {
            html.Append("<section id=\"errors-section\">\n<h2>Fit errors</h2>\n<div class=\"row\">");
            if (errors.Count > 0) html.Append("<div id=\"parity-energy\" class=\"plot\"></div>");
            if (content.ForceParity.Count > 0) html.Append("<div id=\"parity-force\" class=\"plot\"></div>");
            if (content.StressParity.Count > 0) html.Append("<div id=\"parity-stress\" class=\"plot\"></div>");
            html.Append("</div>\n");
            AppendSubsampleNote(html, "Force parity", "force components", content.ForceParity.Count, content.DensityAbove);
            AppendSubsampleNote(html, "Stress parity", "stress components", content.StressParity.Count, content.DensityAbove);
            if (errors.Count > 0) AppendErrorTable(html, errors);
            html.Append("</section>\n");
        }
        html.Append("</main>\n<footer>Made by AtomCuration's Export-CurationReport. Plots: plotly.js 4.1.2 (MIT).</footer>\n")
            .Append("<div id=\"status\" data-ready=\"false\" data-errors=\"0\" hidden></div>\n")
            .Append("<script type=\"application/json\" id=\"report-data\">").Append(DataJson(content, errors)).Append("</script>\n")
            .Append("<script>\n").Append(Resource("report.js")).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, IReadOnlyList<ReportStructure> s)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append("<section id=\"summary\">\n<h2>Pool</h2>\n<table class=\"summary\">\n");
        void Row(string k, string v) => html.Append("<tr><th>").Append(WebUtility.HtmlEncode(k)).Append("</th><td>").Append(WebUtility.HtmlEncode(v)).Append("</td></tr>\n");
        Row("Structures", s.Count.ToString("N0", inv));
        Row("Atoms", s.Sum(x => (long)x.Atoms).ToString("N0", inv));
        var elements = s.SelectMany(x => ElementsOf(x.Formula)).Distinct().Order(StringComparer.Ordinal).ToList();
        Row("Elements", elements.Count == 0 ? "–" : string.Join(", ", elements));
        var e = s.Where(x => x.EnergyPerAtom is not null).Select(x => x.EnergyPerAtom!.Value).ToList();
        Row("Energy per atom", e.Count == 0 ? "no labels" : string.Create(inv, $"{e.Min():0.0000} to {e.Max():0.0000} eV/atom ({e.Count} labelled)"));
        Row("Selected", s.Count(x => x.Selected).ToString("N0", inv));
        int clusters = s.Where(x => x.Cluster is not null).Select(x => x.Cluster).Distinct().Count();
        Row("Clusters", clusters == 0 ? "–" : clusters.ToString(inv));
        Row("On the map", s.Count(x => x.MapX is not null && x.MapY is not null).ToString("N0", inv));
        html.Append("</table>\n");
        var groups = s.GroupBy(x => x.Group ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (groups.Count > 1 || groups[0].Key != "(none)")
        {
            html.Append("<table class=\"groups\"><thead><tr><th>Group</th><th>Structures</th><th>Atoms</th><th>Selected</th><th>Mean energy (eV/atom)</th></tr></thead><tbody>\n");
            foreach (var g in groups)
            {
                var ge = g.Where(x => x.EnergyPerAtom is not null).Select(x => x.EnergyPerAtom!.Value).ToList();
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(g.Key)).Append("</td><td>").Append(g.Count().ToString(inv))
                    .Append("</td><td>").Append(g.Sum(x => (long)x.Atoms).ToString(inv)).Append("</td><td>").Append(g.Count(x => x.Selected).ToString(inv))
                    .Append("</td><td>").Append(ge.Count == 0 ? "–" : ge.Average().ToString("0.0000", inv)).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append("</section>\n");
    }

    private static void AppendSubsampleNote(StringBuilder html, string plot, string what, int total, int limit)
    {
        if (total <= limit) return;
        var inv = CultureInfo.InvariantCulture;
        int stride = Stride(total, limit);
        html.Append("<p class=\"note subsample\">").Append(plot).Append(": ").Append(((total + stride - 1) / stride).ToString("N0", inv))
            .Append(" of ").Append(total.ToString("N0", inv)).Append(' ').Append(what).Append(" drawn (one in every ").Append(stride.ToString(inv))
            .Append(", as the map turns to a density view above ").Append(limit.ToString("N0", inv))
            .Append(" points); the RMSEs in the legend are over all of them.</p>\n");
    }

    // Every stride-th point keeps at most `limit` points and each group's share of them.
    private static int Stride(int total, int limit) => total <= limit ? 1 : (total + limit - 1) / limit;

    private static void AppendErrorTable(StringBuilder html, IReadOnlyList<ReportGroupError> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Append("<table class=\"errors\"><thead><tr><th>Group</th><th>Structures</th><th>Energy RMSE (meV/atom)</th><th>Energy MAE (meV/atom)</th><th>Force RMSE (meV/Å)</th></tr></thead><tbody>\n");
        foreach (var r in rows)
            html.Append(r.Group == "all" ? "<tr class=\"total\"><td>" : "<tr><td>").Append(WebUtility.HtmlEncode(r.Group)).Append("</td><td>").Append(r.Structures.ToString(inv))
                .Append("</td><td>").Append(r.EnergyRmse.ToString("0.00", inv)).Append("</td><td>").Append(r.EnergyMae.ToString("0.00", inv))
                .Append("</td><td>").Append(r.ForceRmse is { } f ? f.ToString("0.0", inv) : "–").Append("</td></tr>\n");
        html.Append("</tbody></table>\n");
    }

    private static IEnumerable<string> ElementsOf(string formula)
    {
        for (int i = 0; i < formula.Length; i++)
        {
            if (!char.IsUpper(formula[i])) continue;
            int j = i + 1;
            while (j < formula.Length && char.IsLower(formula[j])) j++;
            yield return formula[i..j];
        }
    }

    private static string DataJson(ReportContent content, IReadOnlyList<ReportGroupError> errors)
    {
        var s = content.Structures;
        static double? R(double? v, int digits) => v is { } x && double.IsFinite(x) ? Math.Round(x, digits) : null;
        var groups = s.Select(x => x.Group ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToList();
        var groupIndex = groups.Select((g, i) => (g, i)).ToDictionary(t => t.g, t => t.i, StringComparer.Ordinal);
        var data = new
        {
            title = content.Title,
            densityAbove = content.DensityAbove,
            palette = Palette.Hex,
            groups,
            ids = s.Select(x => x.Id),
            group = s.Select(x => groupIndex[x.Group ?? "(none)"]),
            energy = s.Select(x => R(x.EnergyPerAtom, 6)),
            x = s.Select(x => R(x.MapX, 6)),
            y = s.Select(x => R(x.MapY, 6)),
            cluster = s.Select(x => x.Cluster),
            selected = s.Select(x => x.Selected ? 1 : 0),
            predicted = s.Select(x => R(x.PredictedEnergyPerAtom, 6)),
            forceRmse = s.Select(x => R(x.ForceRmse, 3)),
            energyCurve = content.EnergyCurve.Select(Curve),
            forceCurve = content.ForceCurve.Select(Curve),
            curveAxis = LearningCurvePlot.AxisLabel(content.CurveAxis),
            referenceEnergy = content.ReferenceEnergyRmse,
            referenceForce = content.ReferenceForceRmse,
            errors = errors.Select(e => new { group = e.Group, rmse = Math.Round(e.EnergyRmse, 3) }),
            forceParity = ParityData(content.ForceParity, ParityQuantity.Force, groups, content.DensityAbove),
            stressParity = ParityData(content.StressParity, ParityQuantity.Stress, groups, content.DensityAbove),
        };
        return JsonSerializer.Serialize(data, Json);
    }

    /// <summary>
    /// One component parity plot's data: per group its RMSE over all points (in the quantity's RMSE unit) and the drawn
    /// points (every <see cref="Stride"/>-th, so at most <paramref name="limit"/>); colours follow the report's group order.
    /// </summary>
    private static object? ParityData(IReadOnlyList<ParityPoint> points, ParityQuantity quantity, List<string> groups, int limit)
    {
        if (points.Count == 0) return null;
        var (name, unit, rmseUnit, scale) = ParityPlot.Units(quantity);
        int stride = Stride(points.Count, limit);
        var names = points.Select(p => p.Group ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToList();
        var extra = names.Where(g => !groups.Contains(g)).ToList();
        int ColorIndex(string g) => groups.IndexOf(g) is var i and >= 0 ? i : groups.Count + extra.IndexOf(g);
        var series = names.ToDictionary(g => g, _ => (Sq: 0.0, N: 0, X: new List<double>(), Y: new List<double>()), StringComparer.Ordinal);
        for (int k = 0; k < points.Count; k++)
        {
            var p = points[k];
            string g = p.Group ?? "(none)";
            var t = series[g];
            double d = p.Predicted - p.Reference;
            t.Sq += d * d;
            t.N++;
            if (k % stride == 0)
            {
                t.X.Add(Math.Round(p.Reference, 5));
                t.Y.Add(Math.Round(p.Predicted, 5));
            }
            series[g] = t;
        }
        return new
        {
            name,
            unit,
            rmseUnit,
            total = points.Count,
            shown = series.Values.Sum(t => t.X.Count),
            rmse = Math.Round(scale * Quantiles.Rms(points.Select(p => p.Predicted - p.Reference)), 4),
            groups = names.Select(g => new
            {
                name = g,
                color = ColorIndex(g),
                n = series[g].N,
                rmse = Math.Round(scale * Math.Sqrt(series[g].Sq / series[g].N), 4),
                x = series[g].X,
                y = series[g].Y,
            }),
        };
    }

    private static object Curve(CurvePoint p) => new
    {
        method = p.Method,
        count = p.Count,
        median = double.IsFinite(p.Median) ? p.Median : (double?)null,
        lower = double.IsFinite(p.Lower) ? p.Lower : (double?)null,
        upper = double.IsFinite(p.Upper) ? p.Upper : (double?)null,
    };

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AtomCuration.Plotting." + name)
            ?? throw new InvalidOperationException($"The report resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
