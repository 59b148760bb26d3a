using System.Management.Automation;
using AtomCuration.Structures;

namespace AtomCuration.PowerShell;

/// <summary>
/// Type names that pick a structure's default view by what the cmdlet attached (as Get-Process -IncludeUserName
/// does): <c>AtomCuration.Structures.Structure#Selection</c> shows rank, selected and cluster first, <c>#Map</c> the
/// map coordinates. The object is still the <see cref="Structure"/>; only its PowerShell wrapper is tagged.
/// </summary>
internal static class ViewTypes
{
    public const string Selection = "AtomCuration.Structures.Structure#Selection";
    public const string Map = "AtomCuration.Structures.Structure#Map";

    public static PSObject Tag(Structure structure, string typeName)
    {
        var wrapped = new PSObject(structure);
        wrapped.TypeNames.Insert(0, typeName);
        return wrapped;
    }
}
