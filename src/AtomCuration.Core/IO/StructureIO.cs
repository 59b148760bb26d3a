using System.Text;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The entry point for reading and for choosing readers and writers. Files may be gzipped
/// (recognised by the magic bytes 1f 8b, whatever the name). With
/// <see cref="StructureFormat.Auto"/> the format is sniffed from the name (any <c>.gz</c>
/// stripped), then from the first 4 kB of decompressed text. Readers and writers are
/// discovered by reflection, so every format in the Core assembly takes part.
/// </summary>
public static class StructureIO
{
    private const int SniffBytes = 4096;

    /// <summary>
    /// Reads the frames of a file selected by <see cref="ReadOptions.Index"/>, streaming: the
    /// first structure comes out before the file is read to its end, and reading stops once
    /// the slice is exhausted. Bad frames come out as <see cref="ReadResult"/> errors; an
    /// unreadable or undetectable file as one fatal result.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="NotSupportedException">An explicit <see cref="ReadOptions.Format"/> has no reader.</exception>
    public static IEnumerable<ReadResult> Read(string path, ReadOptions? options = null, RunContext? context = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"'{path}' does not exist.", path);
        return ReadCore(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan), leaveOpen: false, path, options ?? new ReadOptions(), context ?? RunContext.Default);
    }

    /// <summary>
    /// Reads frames from a stream (left open). <paramref name="source"/> names it in errors,
    /// sets <c>Structure.SourcePath</c>, and its file name takes part in format sniffing.
    /// </summary>
    /// <exception cref="NotSupportedException">An explicit <see cref="ReadOptions.Format"/> has no reader.</exception>
    public static IEnumerable<ReadResult> Read(Stream stream, string? source, ReadOptions? options = null,
        RunContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(() => stream, leaveOpen: true, source, options ?? new ReadOptions(), context ?? RunContext.Default);
    }

    /// <summary>
    /// The format of a file: from its name (any <c>.gz</c> stripped) and its first 4 kB of
    /// (decompressed) text, whichever reader is surest.
    /// </summary>
    /// <exception cref="StructureFormatException">No reader recognises the file.</exception>
    public static StructureFormat DetectFormat(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        using var input = Decompress(file, leaveOpen: false, _ => { });
        using var peek = PrefixedStream.Peek(input, SniffBytes, leaveOpen: true, out var head);
        return Sniff(path, head.Span).Format;
    }

    /// <summary>The reader for a format.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see cref="StructureFormat.Auto"/>.</exception>
    /// <exception cref="NotSupportedException">No reader for that format exists.</exception>
    public static IStructureReader ReaderFor(StructureFormat format)
    {
        if (format == StructureFormat.Auto) throw new ArgumentException("Auto is not a format; detect it first.", nameof(format));
        return FormatRegistry.Readers.FirstOrDefault(r => r.Format == format)
               ?? throw new NotSupportedException($"No reader for {format}; readable formats: {List(FormatRegistry.Readers.Select(r => r.Format))}.");
    }

    /// <summary>The writer for a format.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see cref="StructureFormat.Auto"/>.</exception>
    /// <exception cref="NotSupportedException">No writer for that format exists.</exception>
    public static IStructureWriter WriterFor(StructureFormat format)
    {
        if (format == StructureFormat.Auto) throw new ArgumentException("Auto is not a format; choose one to write.", nameof(format));
        return FormatRegistry.Writers.FirstOrDefault(w => w.Format == format)
               ?? throw new NotSupportedException($"No writer for {format}; writable formats: {List(FormatRegistry.Writers.Select(w => w.Format))}.");
    }

    /// <summary>
    /// The format to write a path in, from its extension (any <c>.gz</c> stripped):
    /// <c>.xyz</c>/<c>.extxyz</c> → ExtXyz; <c>POSCAR</c>, <c>CONTCAR</c>, <c>.vasp</c>,
    /// <c>.poscar</c> → Poscar; <c>input.data</c> → N2p2; <c>.data</c>/<c>.lmp</c> → LammpsData; <c>.cfg</c> → MlipCfg.
    /// </summary>
    /// <exception cref="ArgumentException">The name says nothing; the message lists the -Format choices.</exception>
    public static StructureFormat FormatForWriting(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string name = StripGz(Path.GetFileName(path));
        if (ExtXyzReader.IsExtXyzName(name)) return StructureFormat.ExtXyz;
        if (PoscarReader.IsPoscarName(name)) return StructureFormat.Poscar;
        if (name.EndsWith("input.data", StringComparison.OrdinalIgnoreCase)) return StructureFormat.N2p2;
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".data" or ".lmp": return StructureFormat.LammpsData;
            case ".cfg": return StructureFormat.MlipCfg;
        }
        throw new ArgumentException(
            $"Cannot tell which format to write '{path}' in from its name; use -Format with one of: " +
            $"{List(FormatRegistry.Writers.Select(w => w.Format))}.", nameof(path));
    }

    /// <summary>The name without a trailing <c>.gz</c>.</summary>
    internal static string StripGz(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static string List(IEnumerable<StructureFormat> formats) => string.Join(", ", formats.Distinct().Order());

    /// <summary>The text of <paramref name="raw"/>: decompressed when it starts with gzip's magic bytes.</summary>
    private static Stream Decompress(Stream raw, bool leaveOpen, Action<string> warn)
    {
        var peek = PrefixedStream.Peek(raw, 2, leaveOpen, out var magic);
        return GzipInput.IsGzip(magic.Span) ? GzipInput.Open(peek, warn) : peek;
    }

    private static (StructureFormat Format, IStructureReader Reader) Sniff(string? source, ReadOnlySpan<byte> headBytes)
    {
        string name = StripGz(source is null ? "" : Path.GetFileName(source));
        string head = Encoding.UTF8.GetString(headBytes);
        IStructureReader? best = null;
        int bestScore = 0;
        foreach (var r in FormatRegistry.Readers)
        {
            int score = r.Sniff(name, head);
            if (score > bestScore)
            {
                best = r;
                bestScore = score;
            }
        }
        return best is null
            ? throw new StructureFormatException(source, null, null,
                $"cannot tell the format from the name or the first lines; give -Format (one of: {List(FormatRegistry.Readers.Select(r => r.Format))})")
            : (best.Format, best);
    }

    /// <summary>Resolves an explicit format's reader now (an unknown one is the caller's mistake), then reads lazily.</summary>
    private static IEnumerable<ReadResult> ReadCore(Func<Stream> open, bool leaveOpen, string? source, ReadOptions options,
        RunContext context)
    {
        var explicitReader = options.Format == StructureFormat.Auto ? null : ReaderFor(options.Format);
        return Iterate(open, leaveOpen, source, options, explicitReader, context);
    }

    private static IEnumerable<ReadResult> Iterate(Func<Stream> open, bool leaveOpen, string? source, ReadOptions options,
        IStructureReader? reader, RunContext context)
    {
        TextReader? text = null;
        StructureFormatException? failure = null;
        Stream? input = null;
        try
        {
            input = Decompress(open(), leaveOpen, message => context.Warn(source is null ? message : $"{source}: {message}"));
            if (reader is null)
            {
                var peek = PrefixedStream.Peek(input, SniffBytes, leaveOpen: false, out var head);
                input = peek;
                try
                {
                    reader = Sniff(source, head.Span).Reader;
                }
                catch (StructureFormatException) when (peek.Failure is { } damage)
                {
                    throw damage; // a damaged file whose intact start says nothing is reported for its damage
                }
            }
            text = new StreamReader(input, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        }
        catch (IOException e)
        {
            failure = new StructureFormatException(source, null, null, e.Message, e);
        }
        catch (StructureFormatException e)
        {
            failure = e;
        }
        if (failure is not null)
        {
            input?.Dispose();
            yield return ReadResult.Fatal(failure);
            yield break;
        }
        using (text)
        {
            foreach (var r in FrameSelector.Apply(reader!.Read(text!, source, options, context), options.Index, source, context.Cancellation))
                yield return options.SourceName is { } name && r.Structure is { } s
                    ? ReadResult.Ok(new Structure(s) { Id = $"{name}#{s.FrameIndex}" })
                    : r;
        }
    }
}
