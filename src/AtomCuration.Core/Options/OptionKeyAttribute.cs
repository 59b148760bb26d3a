namespace AtomCuration.Options;

/// <summary>
/// The key users write for this option when it is not the camelCase property name — e.g. LAMMPS' <c>twojmax</c>
/// for <c>TwoJMax</c>. Keys still match in any case; this only fixes how messages, the recipe schema and
/// provenance files spell the key.
/// </summary>
/// <param name="key">The key as users write it.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OptionKeyAttribute(string key) : Attribute
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;
}
