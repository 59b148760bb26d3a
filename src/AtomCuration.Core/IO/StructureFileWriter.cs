using System.IO.Compression;
using System.Text;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes structures to one file, one after another, in a format chosen explicitly or from
/// the name (<see cref="StructureIO.FormatForWriting"/>). A path ending in <c>.gz</c> is
/// gzip-compressed. Everything goes to a temporary file (<see cref="AtomicFile"/>) that
/// <see cref="Complete"/> moves over the target; <see cref="Dispose"/> without it (an error,
/// Ctrl+C) leaves the target as it was. So a pipeline that reads the file it writes reads it
/// whole, and appending starts from a copy of the old content (a gzip file is rewritten as a
/// single member, so that the truncation check of the reader keeps working).
/// </summary>
public sealed class StructureFileWriter : IDisposable
{
    private readonly IStructureWriter _writer;
    private readonly TextWriter _text;
    private readonly Stream _stream;
    private readonly AtomicFile _file;
    private readonly string _path;
    private readonly int _existing;
    private bool _disposed;

    private StructureFileWriter(string path, IStructureWriter writer, AtomicFile file, Stream stream, TextWriter text, int existing)
    {
        _path = path;
        _writer = writer;
        _file = file;
        _stream = stream;
        _text = text;
        _existing = existing;
    }

    /// <summary>The format being written.</summary>
    public StructureFormat Format => _writer.Format;

    /// <summary>Structures written through this writer.</summary>
    public int Count { get; private set; }

    /// <summary>Starts writing <paramref name="path"/>; the file itself changes only at <see cref="Complete"/>.</summary>
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
        bool appending = append && nonEmpty;
        var file = AtomicFile.Create(path, noClobber, copyExisting: appending && !gzip);
        Stream? stream = null;
        try
        {
            stream = gzip ? new GZipStream(file.Stream, CompressionLevel.Fastest, leaveOpen: true) : file.Stream;
            if (gzip && appending)
            {
                using var old = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                old.CopyTo(stream);
            }
        }
        catch
        {
            if (gzip) stream?.Dispose();
            file.Dispose();
            throw;
        }
        var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return new StructureFileWriter(path, writer, file, stream, text, appending ? 1 : 0);
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

    /// <summary>Finishes the file and moves it over the target.</summary>
    /// <exception cref="IOException">The file could not be finished or moved into place; the target is unchanged.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _disposed = true;
        try
        {
            _text.Dispose();
            if (!ReferenceEquals(_stream, _file.Stream)) _stream.Dispose();
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
        if (_disposed) return;
        _disposed = true;
        try
        {
            _text.Dispose();
            if (!ReferenceEquals(_stream, _file.Stream)) _stream.Dispose();
        }
        catch (IOException)
        {
            // The partial output is being discarded anyway.
        }
        finally
        {
            _file.Dispose();
        }
    }
}
