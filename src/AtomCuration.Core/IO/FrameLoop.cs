using System.Runtime.ExceptionServices;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// The loop every multi-frame reader shares: asks a frame parser for frames until it returns
/// null, stamps each structure with its source and frame index, and turns failures into
/// <see cref="ReadResult"/>s — a <see cref="StructureFormatException"/> (or a structure the
/// model rejects) skips one frame, a <see cref="FatalReadException"/> or any unforeseen
/// exception ends the source, so that nothing but results ever leaves a reader — except what the
/// caller's own stream throws (<see cref="CallerReadException"/>), which is rethrown as it was.
/// The parser resynchronises itself: after a bad frame it is called again and must first
/// find the start of the next frame. A source without a single frame (empty, whitespace only)
/// is reported as a fatal error rather than read as nothing.
/// </summary>
internal static class FrameLoop
{
    /// <summary>Frames from <paramref name="next"/> (called with the frame index) until it returns null.</summary>
    public static IEnumerable<ReadResult> Run(string? source, Func<int, Structure?> next)
    {
        for (int frame = 0; ; frame++)
        {
            ReadResult item;
            try
            {
                var s = next(frame);
                if (s is null && frame == 0)
                    item = ReadResult.Fatal(new StructureFormatException(source, null, null, "the file holds no structure (it is empty or only whitespace)"));
                else if (s is null) break;
                else item = ReadResult.Ok(s.FrameIndex == frame && string.Equals(s.SourcePath, source, StringComparison.Ordinal)
                    ? s // stamped by the parser already (extxyz): no copy per frame
                    : new Structure(s) { SourcePath = source, FrameIndex = frame });
            }
            catch (CallerReadException e)
            {
                ExceptionDispatchInfo.Throw(e.InnerException!);
                throw;
            }
            catch (FatalReadException e)
            {
                item = ReadResult.Fatal(e.Error);
            }
            catch (StructureFormatException e)
            {
                item = ReadResult.Skipped(e);
            }
            catch (ArgumentException e)
            {
                // The structure model refused the values (unknown element, singular periodic cell, …).
                item = ReadResult.Skipped(new StructureFormatException(source, null, frame, e.Message, e));
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                // Anything else is unforeseen: the parser's state cannot be trusted, so this source ends here.
                item = ReadResult.Fatal(new StructureFormatException(source, null, frame, $"reading failed unexpectedly: {e.Message}", e));
            }
            yield return item;
            if (item.IsFatal) break;
        }
    }

    /// <summary>
    /// The one structure of a single-structure file (POSCAR, LAMMPS data). There is nothing to
    /// resynchronise to, so a bad structure is the file's fatal error rather than a skipped frame.
    /// </summary>
    public static IEnumerable<ReadResult> Single(string? source, Func<Structure> parse)
    {
        bool done = false;
        foreach (var r in Run(source, _ =>
                 {
                     if (done) return null;
                     done = true;
                     return parse();
                 }))
            yield return r.Error is { } error ? ReadResult.Fatal(error) : r;
    }
}
