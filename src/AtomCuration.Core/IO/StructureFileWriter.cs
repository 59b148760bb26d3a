using System.IO.Compression;
using System.Text;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes structures to one file, one after another, in a format chosen explicitly or from
/// the name (<see cref="StructureIO.FormatForWriting"/>). A path ending in <c>.gz</c> is
/// gzip-compressed. Appending to a gzip file rewrites it as a single gzip member (via a
/// temporary file, moved into place on <see cref="Dispose"/>) so that the truncation check
/// of the reader keeps working.
/// </summary>
public sealed class StructureFileWriter : IDisposable
{
    private readonly IStructureWriter _writer;
    private readonly TextWriter _text;
    private readonly string _path;
    private readonly string? _temporary;
    private readonly int _existing;
    private bool _disposed;

    private StructureFileWriter(string path, IStructureWriter writer, TextWriter text, string? temporary, int existing)
    {
        _path = path;
        _writer = writer;
        _text = text;
        _temporary = temporary;
        _existing = existing;
    }

    /// <summary>The format being written.</summary>
    public StructureFormat Format => _writer.Format;

    /// <summary>Structures written through this writer.</summary>
    public int Count { get; private set; }

    /// <summary>Opens <paramref name="path"/> for writing.</summary>
    /// <param name="path">Target file; <c>.gz</c> at the end means gzip.</param>
    /// <param name="format">Format, or <see cref="StructureFormat.Auto"/> to decide from the name.</param>
    /// <param name="append">Add to an existing file instead of replacing it.</param>
    /// <param name="noClobber">Refuse to touch an existing file.</param>
    /// <exception cref="IOException">The file exists and <paramref name="noClobber"/> is set.</exception>
    /// <exception cref="ArgumentException">The format cannot be told from the name.</exception>
    /// <exception cref="InvalidOperationException">Appending to a non-empty file of a single-structure format.</exception>
    public static StructureFileWriter Open(string path, StructureFormat format = StructureFormat.Auto, bool append = false,
        bool noClobber = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (format == StructureFormat.Auto) format = StructureIO.FormatForWriting(path);
        var writer = StructureIO.WriterFor(format).ForFile();
        bool exists = File.Exists(path);
        if (exists && noClobber) throw new IOException($"'{path}' already exists and NoClobber was given.");
        bool nonEmpty = exists && new FileInfo(path).Length > 0;
        if (append && nonEmpty && !writer.SupportsMultipleFrames)
            throw new InvalidOperationException($"'{path}' already holds a structure and {format} holds only one; write a new file instead.");
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        string? temporary = null;
        Stream? stream = null;
        try
        {
            if (gzip && append && nonEmpty)
            {
                temporary = path + ".tmp-" + Environment.ProcessId;
                stream = new GZipStream(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), CompressionLevel.Fastest);
                using var old = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                old.CopyTo(stream);
            }
            else
            {
                // CreateNew makes NoClobber hold even if the file appears after the check above.
                var mode = append ? FileMode.Append : noClobber ? FileMode.CreateNew : FileMode.Create;
                stream = new FileStream(path, mode, FileAccess.Write, FileShare.None, 1 << 16);
                if (gzip) stream = new GZipStream(stream, CompressionLevel.Fastest);
            }
        }
        catch
        {
            stream?.Dispose();
            if (temporary is not null) File.Delete(temporary);
            throw;
        }
        var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        return new StructureFileWriter(path, writer, text, temporary, nonEmpty && append ? 1 : 0);
    }

    /// <summary>Writes one structure.</summary>
    /// <exception cref="InvalidOperationException">The format holds one structure and one was already written.</exception>
    public void Write(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_writer.SupportsMultipleFrames && Count + _existing >= 1)
            throw new InvalidOperationException(
                $"{_writer.Format} holds a single structure and '{_path}' already has one; write one file per structure.");
        _writer.Write(_text, structure);
        Count++;
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _text.Dispose();
        if (_temporary is not null) File.Move(_temporary, _path, overwrite: true);
    }
}
