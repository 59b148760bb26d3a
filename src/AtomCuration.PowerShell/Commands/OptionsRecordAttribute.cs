namespace AtomCuration.PowerShell.Commands;

/// <summary>
/// Names the Core records a cmdlet's parameters are bound onto (by name, through <c>OptionsBinder</c>), so a
/// reflection test can check that every numeric parameter's <c>[ValidateRange]</c> equals the range the record
/// declares (<c>OptionRangeAttribute</c>): the range is written once, in Core, and the cmdlet only repeats it
/// for PowerShell's own validation.
/// </summary>
/// <param name="records">The records, searched in order for a property named like the parameter.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class OptionsRecordAttribute(params Type[] records) : Attribute
{
    /// <summary>The records.</summary>
    public IReadOnlyList<Type> Records { get; } = records;
}
