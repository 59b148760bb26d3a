using System.Management.Automation;

namespace AtomCuration.PowerShell.Commands;

/// <summary>Tells "the user gave this parameter" from "it holds its default", so mappers can keep Core's defaults.</summary>
internal static class BoundParameters
{
    /// <summary><paramref name="value"/> when the parameter <paramref name="name"/> was bound, otherwise null.</summary>
    public static T? IfBound<T>(this PSCmdlet cmdlet, string name, T value) where T : struct =>
        cmdlet.MyInvocation.BoundParameters.ContainsKey(name) ? value : null;
}
