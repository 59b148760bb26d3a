namespace AtomCuration.Options;

/// <summary>Converts what a user wrote (a hashtable, a YAML value) into an option's type, where the plain rules of <see cref="OptionsBinder"/> do not fit.</summary>
public interface IOptionConverter
{
    /// <summary>What the option accepts, in words (for help and error messages), e.g. "a mapping of column range to weight".</summary>
    string Shape { get; }

    /// <summary>The value of the option; throws <see cref="ArgumentException"/> naming <paramref name="name"/> when <paramref name="value"/> does not fit.</summary>
    object? Convert(object? value, string name);

    /// <summary>The value as plain data that <see cref="Convert"/> reads back to an equal value (for provenance files).</summary>
    object? ToPlain(object? value);
}

/// <summary>Names the <see cref="IOptionConverter"/> that binds this property.</summary>
/// <param name="converter">A type implementing <see cref="IOptionConverter"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OptionConverterAttribute(Type converter) : Attribute
{
    /// <summary>The converter type.</summary>
    public Type Converter { get; } = converter;

    /// <summary>A new instance of the converter.</summary>
    public IOptionConverter Create() => (IOptionConverter)Activator.CreateInstance(Converter)!;
}
