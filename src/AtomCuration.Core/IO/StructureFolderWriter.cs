using System.Globalization;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>
/// Writes every structure to a file of its own below one folder, grouped in subfolders by
/// <c>config_type</c> (<c>all</c> without one): the layout FitSNAP reads its JSON training data from, and
/// the one-folder-per-configuration layout of a DFT campaign. Names carry the position in the stream and
/// the id, so every file traces back to its source frame:
/// <c>folder/Elastic/00012_Cu_SNAP_sample.extxyz.gz_60.json</c>, or for formats whose codes expect a fixed
/// file name (POSCAR, n2p2's input.data) <c>folder/Elastic/00012_…/POSCAR</c>.
/// </summary>
public sealed class StructureFolderWriter
{
    private readonly string _folder;
    private readonly StructureFormat _format;
    private readonly bool _noClobber;
    private readonly List<string> _files = [];

    private StructureFolderWriter(string folder, StructureFormat format, bool noClobber)
    {
        _folder = folder;
        _format = format;
        _noClobber = noClobber;
    }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Prepares to write below <paramref name="folder"/> (created when missing).</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is Auto or has no writer.</exception>
    public static StructureFolderWriter Open(string folder, StructureFormat format, bool noClobber = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (format == StructureFormat.Auto)
            throw new ArgumentException($"Writing one file per structure into the folder '{folder}' needs -Format.", nameof(format));
        _ = StructureIO.WriterFor(format);
        Directory.CreateDirectory(folder);
        return new StructureFolderWriter(folder, format, noClobber);
    }

    /// <summary>Writes one structure to its own file and returns that file's path.</summary>
    /// <exception cref="IOException">The file exists and no-clobber was asked for.</exception>
    public string Write(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        string stem = _files.Count.ToString("D5", CultureInfo.InvariantCulture) + "_" + Safe(structure.Id);
        string group = Path.Combine(_folder, Safe(structure.ConfigType ?? "all"));
        string path = _format switch
        {
            StructureFormat.Poscar => Path.Combine(group, stem, "POSCAR"),
            StructureFormat.N2p2 => Path.Combine(group, stem, "input.data"),
            _ => Path.Combine(group, stem + ExtensionOf(_format)),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = StructureFileWriter.Open(path, _format, noClobber: _noClobber))
        {
            file.Write(structure);
            file.Complete();
        }
        _files.Add(path);
        return path;
    }

    private static string ExtensionOf(StructureFormat format) => format switch
    {
        StructureFormat.ExtXyz => ".extxyz",
        StructureFormat.LammpsData => ".data",
        StructureFormat.MlipCfg => ".cfg",
        StructureFormat.FitSnapJson => ".json",
        _ => "." + format.ToString().ToLowerInvariant(),
    };

    /// <summary>A file-name-safe form: path separators, '#' and anything else unsafe become '_'.</summary>
    private static string Safe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray();
        string safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "_" : safe;
    }
}
