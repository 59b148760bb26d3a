using System.Collections;
using System.Management.Automation;
using AtomCuration.Options;

namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// What a cmdlet hands to Core's <see cref="OptionsBinder"/>: the parameters the user gave (and only those, so
/// Core's defaults stand for the rest), as plain .NET values.
/// </summary>
internal static class BoundOptions
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    /// <summary>
    /// The bound parameters except the common ones and <paramref name="except"/>: PSObjects unwrapped (also inside
    /// hashtables and arrays), switches as booleans.
    /// </summary>
    public static Dictionary<string, object?> Of(PSCmdlet cmdlet, params string[] except)
    {
        var skip = new HashSet<string>(except, StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in cmdlet.MyInvocation.BoundParameters)
            if (!Common.Contains(name) && !skip.Contains(name)) values[name] = Plain(value);
        return values;
    }

    /// <summary>
    /// Binds the parameters the user gave (except <paramref name="except"/>) onto a new <typeparamref name="T"/> by
    /// <see cref="OptionsBinder"/>; messages name the cmdlet and the parameter (<c>Invoke-EamFit -Cutoff: …</c>).
    /// </summary>
    public static T Bind<T>(PSCmdlet cmdlet, params string[] except) where T : class =>
        OptionsBinder.Bind<T>(Of(cmdlet, except), context: cmdlet.MyInvocation.MyCommand.Name, style: KeyStyle.Parameter);

    /// <summary>The run context of a cmdlet: its stop token, its <c>-ThrottleLimit</c> and where progress goes.</summary>
    public static RunContext Context(CancellationToken stop, int throttleLimit, IProgress<RunProgress>? progress = null) => new()
    {
        Cancellation = stop,
        ThrottleLimit = throttleLimit,
        Progress = progress,
    };

    /// <summary>The run context of a cmdlet whose work runs under <see cref="ProgressRelay"/>, which takes bare fractions.</summary>
    public static RunContext Context(CancellationToken stop, int throttleLimit, IProgress<double> fractions) =>
        Context(stop, throttleLimit, new Fractions(fractions));

    private sealed class Fractions(IProgress<double> target) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => target.Report(value.Fraction);
    }

    /// <summary><paramref name="value"/> without PowerShell's wrappers.</summary>
    public static object? Plain(object? value) => value switch
    {
        null => null,
        PSObject p => Plain(p.BaseObject),
        SwitchParameter s => s.IsPresent,
        Mapping.SelectionKnobs k => Unwrap(k.ToHashtable()),
        Mapping.Descriptor.DescriptorParameters p => Plain(p.ToBindable()),
        Mapping.ParameterMap m => m.ToDictionary() is { } d ? Unwrap(d) : null,
        IDictionary d => Unwrap(d),
        object[] a => a.Select(Plain).ToArray(),
        _ => value,
    };

    private static Hashtable Unwrap(IDictionary d)
    {
        var copy = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in d) copy[Plain(e.Key)!] = Plain(e.Value);
        return copy;
    }
}
