using System.Globalization;

namespace AtomCuration.IO;

/// <summary>
/// A Python-style frame selection as ASE's <c>index</c> takes it: a single index (<c>3</c>,
/// <c>-1</c>) or a slice <c>start:stop:step</c> with any part omitted (<c>:</c>,
/// <c>::10</c>, <c>-5:</c>). Non-negative starts and stops stream; negative ones need the
/// frame count, so the last frames are buffered.
/// </summary>
public sealed record FrameSlice
{
    private FrameSlice(int? start, int? stop, int step, bool single)
    {
        Start = start;
        Stop = stop;
        Step = step;
        IsSingle = single;
    }

    /// <summary>Every frame.</summary>
    public static FrameSlice All { get; } = new(null, null, 1, false);

    /// <summary>First index, or null for the default.</summary>
    public int? Start { get; }

    /// <summary>Exclusive end, or null for the default.</summary>
    public int? Stop { get; }

    /// <summary>Stride (non-zero).</summary>
    public int Step { get; }

    /// <summary>True for a single index rather than a slice.</summary>
    public bool IsSingle { get; }

    /// <summary>A single frame index (negative counts from the end).</summary>
    public static FrameSlice Single(int index) => new(index, index == -1 ? null : index + 1, 1, true);

    /// <summary>A slice.</summary>
    public static FrameSlice Range(int? start, int? stop, int step = 1)
    {
        if (step == 0) throw new ArgumentException("A slice step cannot be zero.", nameof(step));
        return new FrameSlice(start, stop, step, false);
    }

    /// <summary>Parses <c>5</c>, <c>-1</c>, <c>:</c>, <c>0:100:10</c>, <c>::-1</c>…</summary>
    public static FrameSlice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(':');
        if (parts.Length == 1)
            return Single(ParseInt(parts[0], text) ?? throw Bad(text));
        if (parts.Length > 3) throw Bad(text);
        int? start = ParseInt(parts[0], text), stop = ParseInt(parts[1], text);
        int step = parts.Length == 3 ? ParseInt(parts[2], text) ?? 1 : 1;
        if (step == 0) throw new FormatException($"'{text}': a slice step cannot be zero.");
        return new FrameSlice(start, stop, step, false);
    }

    private static int? ParseInt(string s, string whole)
    {
        s = s.Trim();
        if (s.Length == 0) return null;
        return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw Bad(whole);
    }

    private static FormatException Bad(string text) =>
        new($"'{text}' is not a frame index or slice; use e.g. 5, -1, :, 0:100:10 or ::-1.");

    /// <summary>True when the selection can be decided frame by frame without knowing the count.</summary>
    public bool IsStreamable => Step > 0 && (Start ?? 0) >= 0 && (Stop ?? 0) >= 0;

    /// <summary>Selected indices among <paramref name="count"/> frames, in output order (Python semantics).</summary>
    public IEnumerable<int> Indices(int count)
    {
        if (IsSingle)
        {
            int i = Start!.Value < 0 ? Start.Value + count : Start.Value;
            if (i >= 0 && i < count) yield return i;
            yield break;
        }
        int lo, hi;
        if (Step > 0)
        {
            lo = Clamp(Start ?? 0, count, 0, count);
            hi = Clamp(Stop ?? count, count, 0, count);
            for (int i = lo; i < hi; i += Step) yield return i;
        }
        else
        {
            lo = Clamp(Start ?? count - 1, count, -1, count - 1);
            hi = Stop is null ? -1 : Clamp(Stop.Value, count, -1, count - 1);
            for (int i = lo; i > hi; i += Step) yield return i;
        }
    }

    private static int Clamp(int v, int count, int min, int max) => Math.Clamp(v < 0 ? v + count : v, min, max);

    /// <summary>Decides membership of frame <paramref name="index"/> while streaming (requires <see cref="IsStreamable"/>).</summary>
    public bool Contains(int index)
    {
        int start = Start ?? 0;
        if (index < start) return false;
        if (Stop is { } stop && index >= stop) return false;
        return (index - start) % Step == 0;
    }

    /// <summary>True when no frame at or after <paramref name="index"/> can be selected (reading may stop).</summary>
    public bool IsPast(int index) => IsStreamable && Stop is { } stop && index >= stop;

    /// <inheritdoc />
    public override string ToString() =>
        IsSingle ? Start!.Value.ToString(CultureInfo.InvariantCulture)
            : $"{Start?.ToString(CultureInfo.InvariantCulture)}:{Stop?.ToString(CultureInfo.InvariantCulture)}:{Step}";
}
