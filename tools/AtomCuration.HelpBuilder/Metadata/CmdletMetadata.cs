namespace AtomCuration.HelpBuilder.Metadata;

/// <summary>How a parameter takes part in one parameter set.</summary>
/// <param name="SetName">The parameter set (<see cref="CmdletMetadataReader.AllParameterSets"/> for all sets).</param>
/// <param name="Mandatory">Whether the parameter is required in this set.</param>
/// <param name="Position">The position when it can be given without its name, else null.</param>
/// <param name="ByValue">Binds pipeline objects by value.</param>
/// <param name="ByPropertyName">Binds a property of pipeline objects by name.</param>
public sealed record ParameterSetMembership(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

/// <summary>A parameter of a cmdlet, as PowerShell binds it.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The property type (<see cref="Nullable{T}"/> unwrapped).</param>
/// <param name="Aliases">Aliases from [Alias].</param>
/// <param name="Globbing">Whether it accepts wildcards ([SupportsWildcards]).</param>
/// <param name="ValidValues">Enum names or a [ValidateSet]; empty when any value of the type is accepted.</param>
/// <param name="Sets">One entry per [Parameter] attribute.</param>
/// <param name="IsCommon">A common ShouldProcess parameter (-WhatIf, -Confirm) that PowerShell adds, not one the cmdlet declares.</param>
/// <param name="Default">The default value as help shows it (<see cref="ParameterDefaults"/>).</param>
public sealed record ParameterMetadata(
    string Name,
    Type Type,
    IReadOnlyList<string> Aliases,
    bool Globbing,
    IReadOnlyList<string> ValidValues,
    IReadOnlyList<ParameterSetMembership> Sets,
    bool IsCommon = false,
    string Default = ParameterDefaults.None)
{
    /// <summary>Whether the parameter is a switch.</summary>
    public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";

    /// <summary>Required in every set it belongs to.</summary>
    public bool Mandatory => Sets.All(s => s.Mandatory);

    /// <summary>The position if it is the same in every set, else null.</summary>
    public int? Position => Sets.Select(s => s.Position).Distinct().Count() == 1 ? Sets[0].Position : null;

    /// <summary>Binds pipeline objects by value in some set.</summary>
    public bool ByValue => Sets.Any(s => s.ByValue);

    /// <summary>Binds pipeline objects by property name in some set.</summary>
    public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

    /// <summary>How it takes part in <paramref name="setName"/>, or null when it is not in that set.</summary>
    public ParameterSetMembership? In(string setName) =>
        Sets.FirstOrDefault(s => s.SetName == setName) ?? Sets.FirstOrDefault(s => s.SetName == CmdletMetadataReader.AllParameterSets);
}

/// <summary>An output type declared by [OutputType].</summary>
/// <param name="Type">The type.</param>
/// <param name="SetNames">The parameter sets it is declared for; empty for all.</param>
public sealed record OutputTypeMetadata(Type Type, IReadOnlyList<string> SetNames);

/// <summary>What a cmdlet declares: name, parameters, parameter sets and output types.</summary>
/// <param name="Verb">The verb.</param>
/// <param name="Noun">The noun.</param>
/// <param name="Parameters">Its parameters in declaration order, then -WhatIf and -Confirm when it supports ShouldProcess.</param>
/// <param name="ParameterSets">Its parameter sets, the default first (<see cref="CmdletMetadataReader.AllParameterSets"/> when it names none).</param>
/// <param name="OutputTypes">Its declared output types.</param>
public sealed record CmdletMetadata(
    string Verb,
    string Noun,
    IReadOnlyList<ParameterMetadata> Parameters,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<OutputTypeMetadata> OutputTypes)
{
    /// <summary>Verb-Noun.</summary>
    public string Name => $"{Verb}-{Noun}";

    /// <summary>The parameters of <paramref name="setName"/>: positional ones by position, then mandatory, then the rest.</summary>
    public IEnumerable<(ParameterMetadata Parameter, ParameterSetMembership Membership)> ParametersOf(string setName) =>
        Parameters.Select(p => (Parameter: p, Membership: p.In(setName)!))
            .Where(p => p.Membership is not null)
            .OrderBy(p => p.Membership.Position ?? int.MaxValue)
            .ThenBy(p => p.Membership.Mandatory ? 0 : 1);
}
