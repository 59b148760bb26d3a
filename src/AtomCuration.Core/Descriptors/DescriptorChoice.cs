using System.Collections;
using AtomCuration.Options;

namespace AtomCuration.Descriptors;

/// <summary>
/// Which descriptor to compute, as a user says it: Get-Descriptor's parameters and a recipe's <c>descriptor</c>
/// section, both bound onto this record by <see cref="OptionsBinder"/>, so the cmdlet and the recipe accept the
/// same keys and turn them into <see cref="DescriptorOptions"/> the same way (<see cref="ToOptions"/>).
/// </summary>
public sealed record DescriptorChoice : IOptions
{
    /// <summary>Descriptor kinds, concatenated in this order; null = the preset's or the parameters' kinds.</summary>
    public IReadOnlyList<DescriptorKind>? Kind { get; init; }

    /// <summary>A named preset (<see cref="DescriptorPresets.Names"/>); the parameters override it key by key.</summary>
    public string? Preset { get; init; }

    /// <summary>Parameters of the documented shape (<see cref="DescriptorOptions"/>): a mapping, or the path of a YAML file of that shape.</summary>
    [OptionConverter(typeof(ParametersConverter))]
    public IDictionary? Parameters { get; init; }

    /// <summary>Also attach the per-atom matrix; null = the preset's choice.</summary>
    public bool? PerAtom { get; init; }

    /// <summary>How per-atom rows become the structure vector; null = the preset's or parameters' choice (default Mean).</summary>
    public Aggregation? Aggregate { get; init; }

    /// <summary>Elements resolving the columns; null = <c>species</c> of the parameters, else those of the whole pool.</summary>
    [OptionConverter(typeof(IO.ReadOptions.SpeciesConverter))]
    public IReadOnlyList<string>? Species { get; init; }

    /// <summary>The options this choice describes.</summary>
    /// <exception cref="DescriptorParameterException">A parameter is unknown or out of range (the message names it).</exception>
    public DescriptorOptions ToOptions() => DescriptorOptions.Create(Kind, Parameters, Preset, PerAtom, Aggregate, Species);

    /// <inheritdoc />
    public void Validate()
    {
        if (Kind is not { Count: > 0 } && Preset is null && Parameters is null)
            throw new DescriptorParameterException("Kind", "No descriptor kind given; give a kind, a preset or parameters.");
        _ = ToOptions();
    }

    /// <summary>Reads <see cref="Parameters"/>: a mapping, or the path of a YAML file (relative to the current directory) holding one.</summary>
    public sealed class ParametersConverter : IOptionConverter
    {
        /// <inheritdoc />
        public string Shape => "mapping of descriptor parameters, or the path of a YAML file holding one";

        /// <inheritdoc />
        public object? Convert(object? value, string name) => value switch
        {
            null => null,
            IDictionary d => d,
            string path when File.Exists(path) => DescriptorOptions.ReadParameterFile(path),
            string path => throw new OptionsException($"{name}: no such file '{path}' (give a mapping or the path of a YAML file).", name),
            _ => throw new OptionsException($"{name}: expected a {Shape}.", name),
        };

        /// <inheritdoc />
        public object? ToPlain(object? value) => value is IDictionary d ? OptionsBinder.PlainValue(d) : null;
    }
}
