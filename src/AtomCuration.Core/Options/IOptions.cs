namespace AtomCuration.Options;

/// <summary>
/// An options/settings record: it owns its constraints and checks them itself. Every algorithm calls
/// <see cref="Validate"/> at its entry point, whoever built the record (a cmdlet, a recipe, a test).
/// </summary>
public interface IOptions
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting and its valid range.</summary>
    void Validate();
}
