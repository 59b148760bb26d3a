using System.Globalization;
using System.Text;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Writes structure descriptors as CSV: a header <c>id,label1,label2,…</c> (fields quoted where
/// they hold commas or quotes, RFC 4180), then one row per structure, numbers in invariant
/// culture with round-trip ("R") formatting so the file reads back bit for bit.
/// </summary>
public sealed class CsvDescriptorWriter : IDescriptorWriter
{
    private readonly AtomicFile _file;
    private readonly StreamWriter _writer;
    private bool _done;
    private IReadOnlyList<string>? _labels;
    private readonly StringBuilder _line = new();

    /// <summary>Starts writing <paramref name="path"/>; it is created or replaced at <see cref="Complete"/>.</summary>
    public CsvDescriptorWriter(string path)
    {
        _file = AtomicFile.Create(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
    }

    /// <inheritdoc />
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Write(Structure structure)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        bool first = _labels is null;
        var values = DescriptorRows.Check(structure, ref _labels);
        if (first) _writer.WriteLine("id," + string.Join(",", _labels!.Select(Quote)));
        _line.Clear().Append(Quote(structure.Id));
        foreach (double v in values) _line.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
        _writer.WriteLine(_line);
        Count++;
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            _writer.Dispose();
            _file.Commit();
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Closes the writer; without <see cref="Complete"/> the target keeps its previous content.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _file.Dispose();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
