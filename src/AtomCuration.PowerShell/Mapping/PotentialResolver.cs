using AtomCuration.Potentials.Eam;

namespace AtomCuration.PowerShell.Mapping;

/// <summary>
/// What <c>-Potential</c> and Export-EamPotential's input accept: an <see cref="EamPotential"/>, an
/// <see cref="EamFitResult"/> (its potential) or a setfl/funcfl/eam.fs file, by path or as the FileInfo
/// Get-Item gives (read in the format its name implies).
/// </summary>
public static class PotentialResolver
{
    /// <summary>The potential <paramref name="value"/> stands for; <paramref name="resolvePath"/> turns a user path into a file-system path.</summary>
    /// <exception cref="ArgumentException">The value is none of those, or the file cannot be read (message names it).</exception>
    public static EamPotential Resolve(object? value, Func<string, string> resolvePath)
    {
        switch (value)
        {
            case EamPotential potential:
                return potential;
            case EamFitResult fit:
                return fit.Potential;
            case FileInfo info:
                return Read(info.FullName);
            case string path when path.Length > 0:
                return Read(resolvePath(path));
            default:
                throw new ArgumentException(
                    $"A potential is an EamPotential, an EamFitResult or the path of a setfl, funcfl or eam.fs file, not {value?.GetType().Name ?? "nothing"}.");
        }
    }

    private static EamPotential Read(string file)
    {
        try
        {
            return EamFileReader.Read(file);
        }
        catch (Exception e) when (e is EamFileException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Cannot read the potential '{file}': {e.Message}", e);
        }
    }
}
