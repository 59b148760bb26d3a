using AtomCuration.Options;

namespace AtomCuration.IO;

/// <summary>Reads one format. Implementations stream: frames are yielded as they are parsed.</summary>
public interface IStructureReader
{
    /// <summary>The format this reader handles.</summary>
    StructureFormat Format { get; }

    /// <summary>
    /// How sure this reader is that a file is in its format: 0 = no, 1 = the name suggests it
    /// (<paramref name="fileName"/> has any .gz already stripped), 2 = the content matches
    /// (<paramref name="head"/> is the first few kB of text). Auto-detection picks the highest.
    /// </summary>
    int Sniff(string fileName, string head);

    /// <summary>
    /// Reads every frame of <paramref name="text"/>. <paramref name="source"/> names the file
    /// in errors and becomes <c>Structure.SourcePath</c>. A bad frame is yielded as
    /// <see cref="ReadResult.Skipped"/> when the reader can resynchronise at the next frame,
    /// and as <see cref="ReadResult.Fatal"/> (then nothing more) when it cannot. Never throws
    /// for bad content; <see cref="IOException"/> from the underlying stream is turned into a
    /// fatal <see cref="StructureFormatException"/> too. <paramref name="context"/> hears warnings about
    /// frames that are read but may not mean what the file intended (say, LAMMPS type numbers taken as elements).
    /// </summary>
    IEnumerable<ReadResult> Read(TextReader text, string? source, ReadOptions options, RunContext context);
}

/// <summary>Writes one format.</summary>
public interface IStructureWriter
{
    /// <summary>The format this writer handles.</summary>
    StructureFormat Format { get; }

    /// <summary>True when several structures may follow each other in one file.</summary>
    bool SupportsMultipleFrames { get; }

    /// <summary>Writes one structure (one frame).</summary>
    void Write(TextWriter text, AtomCuration.Structures.Structure structure);

    /// <summary>
    /// The writer for one new file: this one for formats whose frames are independent; a fresh instance
    /// where a numbering runs across a file (MLIP's atom types).
    /// </summary>
    IStructureWriter ForFile() => this;
}
