using System.Reflection;

namespace AtomCuration.IO;

/// <summary>
/// Every reader and writer in the Core assembly, found by reflection (non-abstract classes
/// implementing <see cref="IStructureReader"/> / <see cref="IStructureWriter"/> with a public
/// parameterless constructor), so a new format registers itself by existing. One instance
/// of each is shared: readers and writers keep no state between calls.
/// </summary>
internal static class FormatRegistry
{
    private static readonly Lazy<IReadOnlyList<IStructureReader>> LazyReaders = new(() => Discover<IStructureReader>());
    private static readonly Lazy<IReadOnlyList<IStructureWriter>> LazyWriters = new(() => Discover<IStructureWriter>());

    public static IReadOnlyList<IStructureReader> Readers => LazyReaders.Value;

    public static IReadOnlyList<IStructureWriter> Writers => LazyWriters.Value;

    private static IReadOnlyList<T> Discover<T>() where T : class
    {
        Type[] types;
        try
        {
            types = typeof(FormatRegistry).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        return types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is { IsPublic: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToArray();
    }
}
