using System.Management.Automation;

namespace AtomCuration.PowerShell.Commands;

/// <summary>Resolves -Path / -LiteralPath to file-system paths, writing an error record for each that does not resolve.</summary>
internal static class PathResolver
{
    public static IEnumerable<string> Resolve(PSCmdlet cmdlet, IEnumerable<string> paths, bool literal)
    {
        foreach (var path in paths)
        {
            List<string> resolved = [];
            try
            {
                if (literal)
                    resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                else
                    resolved.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                cmdlet.WriteError(new ErrorRecord(e, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                continue;
            }
            if (resolved.Count == 0)
            {
                // A wildcard that matches nothing resolves to nothing without an exception; Get-Content calls that an error.
                cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."),
                    "PathNotFound", ErrorCategory.ObjectNotFound, path));
                continue;
            }
            foreach (var file in resolved)
            {
                if (Directory.Exists(file))
                {
                    cmdlet.WriteError(new ErrorRecord(new IOException($"'{file}' is a directory, not a structure file (Get-ChildItem -Recurse -File | Import-Structure reads the files below it)."),
                        "PathIsDirectory", ErrorCategory.InvalidArgument, file));
                    continue;
                }
                if (!File.Exists(file))
                {
                    cmdlet.WriteError(new ErrorRecord(new FileNotFoundException($"No such file: {file}", file),
                        "PathNotFound", ErrorCategory.ObjectNotFound, file));
                    continue;
                }
                yield return file;
            }
        }
    }

    /// <summary>The provider path for an output file (need not exist yet), taken literally.</summary>
    public static string ResolveOutput(PSCmdlet cmdlet, string path) =>
        cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>
    /// The file an Export cmdlet writes, resolved as Export-Csv resolves it: <c>-LiteralPath</c> as given (brackets are
    /// plain characters); <c>-Path</c> with wildcards expanded when they match an existing file (more than one match is
    /// an error), otherwise as given, since the file need not exist yet.
    /// </summary>
    /// <exception cref="ArgumentException">-Path matches more than one file.</exception>
    public static string ResolveOutput(PSCmdlet cmdlet, string path, bool literal)
    {
        if (literal || !WildcardPattern.ContainsWildcardCharacters(path)) return ResolveOutput(cmdlet, path);
        List<string> matches;
        try
        {
            matches = [.. cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _)];
        }
        catch (ItemNotFoundException)
        {
            matches = [];
        }
        return matches.Count switch
        {
            0 => ResolveOutput(cmdlet, path),
            1 => matches[0],
            _ => throw new ArgumentException($"-Path '{path}' matches {matches.Count} files; name one file (or use -LiteralPath)."),
        };
    }

    /// <summary>
    /// The file an Export cmdlet with a <c>Path</c> and a <c>LiteralPath</c> parameter set writes (see
    /// <see cref="ResolveOutput(PSCmdlet, string, bool)"/>); a <c>-Path</c> matching several files ends the command with
    /// the terminating error AmbiguousPath.
    /// </summary>
    public static string ResolveExportTarget(PSCmdlet cmdlet, string path, string literalPath)
    {
        bool literal = cmdlet.ParameterSetName == "LiteralPath";
        try
        {
            return ResolveOutput(cmdlet, literal ? literalPath : path, literal);
        }
        catch (ArgumentException e)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, "AmbiguousPath", ErrorCategory.InvalidArgument, path));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// The error an Export cmdlet reports for <c>-NoClobber</c> when <paramref name="file"/> exists (ErrorId FileExists,
    /// ResourceExists, the file as target), or null when it may be written.
    /// </summary>
    public static ErrorRecord? Clobbers(string file, bool noClobber) =>
        noClobber && (File.Exists(file) || Directory.Exists(file))
            ? new ErrorRecord(new IOException($"The file '{file}' already exists (-NoClobber)."), "FileExists", ErrorCategory.ResourceExists, file)
            : null;
}
