using System.Globalization;
using System.Text;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Writes structure descriptors as CSV: a header <c>id,label1,label2,…</c> (fields quoted where
/// they hold commas or quotes, RFC 4180), then one row per structure, numbers in invariant
/// culture with round-trip ("R") formatting so the file reads back bit for bit.
/// </summary>
public sealed class CsvDescriptorWriter : IDescriptorWriter
{
    private readonly StreamWriter _writer;
    private IReadOnlyList<string>? _labels;
    private readonly StringBuilder _line = new();

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public CsvDescriptorWriter(string path)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Write(Structure structure)
    {
        bool first = _labels is null;
        var values = DescriptorRows.Check(structure, ref _labels);
        if (first) _writer.WriteLine("id," + string.Join(",", _labels!.Select(Quote)));
        _line.Clear().Append(Quote(structure.Id));
        foreach (double v in values) _line.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
        _writer.WriteLine(_line);
        Count++;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
