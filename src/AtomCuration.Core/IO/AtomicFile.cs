namespace AtomCuration.IO;

/// <summary>
/// A file written under a temporary name in the target's own folder and moved over the target
/// only by <see cref="Commit"/>; <see cref="Dispose"/> without a commit deletes the temporary
/// file and leaves the target as it was. Every writer of the library (structures, descriptor
/// matrices, EAM tables) goes through this, so that an export stopped by an error or Ctrl+C
/// never leaves a shorter file that looks complete, and a pipeline whose input is also its
/// output (<c>Import-Structure a.extxyz | Export-Structure a.extxyz</c>) reads the old file to
/// the end before the new one replaces it. The move is a rename within one folder (atomic on
/// POSIX file systems and NTFS), so readers see either the old file or the new one.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly bool _noClobber;
    private FileStream? _stream;
    private bool _committed;

    private AtomicFile(string path, string temporary, FileStream stream, bool noClobber)
    {
        Path = path;
        TemporaryPath = temporary;
        _stream = stream;
        _noClobber = noClobber;
    }

    /// <summary>The target file.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written (hidden, in the target's folder, ending in <c>.tmp</c>).</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream of the temporary file.</summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Commit"/> or <see cref="Dispose"/>.</exception>
    public FileStream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFile));

    /// <summary>Starts writing <paramref name="path"/> (nothing on disk changes but a new temporary file).</summary>
    /// <param name="path">Target file.</param>
    /// <param name="noClobber">Refuse when the target exists, now or at <see cref="Commit"/>.</param>
    /// <param name="copyExisting">Start the temporary file with the target's current bytes (appending).</param>
    /// <exception cref="IOException">The target exists and <paramref name="noClobber"/> is set, or the folder cannot be written.</exception>
    public static AtomicFile Create(string path, bool noClobber = false, bool copyExisting = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (noClobber && File.Exists(full)) throw new IOException($"'{path}' already exists and NoClobber was given.");
        if (Directory.Exists(full)) throw new IOException($"'{path}' is a folder, not a file.");
        string folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        string temporary = System.IO.Path.Combine(folder,
            "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            if (copyExisting && File.Exists(full))
            {
                using var old = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
                old.CopyTo(stream);
            }
        }
        catch
        {
            stream.Dispose();
            File.Delete(temporary);
            throw;
        }
        return new AtomicFile(full, temporary, stream, noClobber);
    }

    /// <summary>Flushes the temporary file to disk and moves it over the target.</summary>
    /// <exception cref="IOException">With NoClobber, the target appeared meanwhile (the temporary file is deleted).</exception>
    public void Commit()
    {
        var stream = Stream;
        stream.Flush(flushToDisk: true);
        stream.Dispose();
        _stream = null;
        try
        {
            File.Move(TemporaryPath, Path, overwrite: !_noClobber);
        }
        catch
        {
            File.Delete(TemporaryPath);
            throw;
        }
        _committed = true;
    }

    /// <summary>Without a <see cref="Commit"/>, deletes the temporary file; the target keeps its old content.</summary>
    public void Dispose()
    {
        if (_stream is null) return;
        _stream.Dispose();
        _stream = null;
        if (!_committed) File.Delete(TemporaryPath);
    }
}
