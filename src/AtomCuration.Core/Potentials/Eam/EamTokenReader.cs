using System.Globalization;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Reads the whitespace-separated numbers of a DYNAMO table, any count per line, keeping the
/// line number for error messages. Internal helper of <see cref="EamFileReader"/>.
/// </summary>
internal sealed class EamTokenReader
{
    private readonly TextReader _reader;
    private readonly string _path;
    private string[] _tokens = [];
    private int _next;

    public EamTokenReader(TextReader reader, string path)
    {
        _reader = reader;
        _path = path;
    }

    public int Line { get; private set; }

    /// <summary>The next whole line (discarding what is left of the current one).</summary>
    public string ReadLine(string what)
    {
        _tokens = [];
        _next = 0;
        Line++;
        return _reader.ReadLine() ?? throw Error($"end of file, expected {what}");
    }

    /// <summary>The tokens of the next whole line.</summary>
    public string[] ReadLineTokens(string what, int minimum)
    {
        var tokens = ReadLine(what).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < minimum) throw Error($"expected {what} ({minimum} fields), found {tokens.Length}");
        return tokens;
    }

    public double ReadDouble(string what)
    {
        while (_next >= _tokens.Length)
        {
            Line++;
            string line = _reader.ReadLine() ?? throw Error($"end of file, expected {what}");
            _tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            _next = 0;
        }
        return ParseDouble(_tokens[_next++], what);
    }

    public double[] ReadDoubles(int count, string what)
    {
        var values = new double[count];
        for (int k = 0; k < count; k++) values[k] = ReadDouble(what);
        return values;
    }

    public double ParseDouble(string token, string what)
    {
        // Fortran writers sometimes emit D exponents.
        string t = token.Replace('D', 'E').Replace('d', 'e');
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw Error($"expected {what} (a finite number), found '{token}'");
        return v;
    }

    public int ParseInt(string token, string what)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            throw Error($"expected {what} (an integer), found '{token}'");
        return v;
    }

    public EamFileException Error(string message) => new(_path, Math.Max(1, Line), message);
}
