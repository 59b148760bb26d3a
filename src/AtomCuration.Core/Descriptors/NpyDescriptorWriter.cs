using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AtomCuration.IO;
using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// Writes structure descriptors as a NumPy <c>.npy</c> file (format 1.0, little-endian
/// <c>&lt;f8</c>, C order, shape structures × features) plus a sidecar <c>.json</c> (same path,
/// extension replaced) holding <c>labels</c>, <c>ids</c> and <c>shape</c>. Rows stream to a temporary
/// file; the header reserves room for the final shape and is rewritten on <see cref="Complete"/>,
/// which then moves both files into place (without it, the targets keep their previous content).
/// </summary>
public sealed class NpyDescriptorWriter : IDescriptorWriter
{
    private const int HeaderBytes = 128; // magic + version + length + dict, padded to a multiple of 64
    private readonly AtomicFile _file;
    private readonly FileStream _stream;
    private readonly List<string> _ids = [];
    private IReadOnlyList<string>? _labels;
    private readonly byte[] _buffer = new byte[8];
    private bool _disposed;

    /// <summary>Starts writing <paramref name="path"/>; it and its sidecar are created or replaced at <see cref="Complete"/>.</summary>
    public NpyDescriptorWriter(string path)
    {
        Path = path;
        SidecarPath = System.IO.Path.ChangeExtension(path, ".json");
        _file = AtomicFile.Create(path);
        _stream = _file.Stream;
        _stream.Write(Header(0, 0));
    }

    /// <summary>The .npy path.</summary>
    public string Path { get; }

    /// <summary>The sidecar JSON path.</summary>
    public string SidecarPath { get; }

    /// <inheritdoc />
    public int Count => _ids.Count;

    /// <inheritdoc />
    public void Write(Structure structure)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var values = DescriptorRows.Check(structure, ref _labels);
        foreach (double v in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer, v);
            _stream.Write(_buffer);
        }
        _ids.Add(structure.Id);
    }

    /// <summary>Writes the final header and the sidecar, then moves both into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _disposed = true;
        int columns = _labels?.Count ?? 0;
        using var sidecar = AtomicFile.Create(SidecarPath);
        try
        {
            _stream.Position = 0;
            _stream.Write(Header(_ids.Count, columns));
            using (var json = new Utf8JsonWriter(sidecar.Stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteStartArray("shape");
                json.WriteNumberValue(_ids.Count);
                json.WriteNumberValue(columns);
                json.WriteEndArray();
                json.WriteStartArray("labels");
                foreach (var l in _labels ?? []) json.WriteStringValue(l);
                json.WriteEndArray();
                json.WriteStartArray("ids");
                foreach (var id in _ids) json.WriteStringValue(id);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            _file.Commit();
            sidecar.Commit();
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Closes the writer; without <see cref="Complete"/> the targets keep their previous content.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _file.Dispose();
    }

    private static byte[] Header(int rows, int columns)
    {
        var dict = string.Create(CultureInfo.InvariantCulture, $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows}, {columns}), }}");
        int dictBytes = HeaderBytes - 10;
        var text = dict.PadRight(dictBytes - 1) + "\n";
        var header = new byte[HeaderBytes];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)dictBytes);
        Encoding.ASCII.GetBytes(text, header.AsSpan(10));
        return header;
    }
}
