using System.Globalization;
using System.Text.Json;
using AtomCuration.Jobs;
using Parquet.Schema;

namespace AtomCuration.Storage;

/// <summary>
/// The columns of a descriptor store part, in file order: <c>pool_index</c> (int64, the structure's position in
/// the pool), <c>id</c>, <c>source</c> (the file the structure came from, absolute, null when it came from none),
/// <c>frame</c> (0-based frame in <c>source</c>), <c>atoms</c>, <c>formula</c>, <c>energy</c> (eV, null when
/// unlabelled), <c>config_type</c> (the group key, null when absent); in a per-atom part (<see cref="StoreLayout.Atom"/>)
/// then <c>atom</c> (0-based index in the structure) and <c>element</c> (chemical symbol), the structure's columns
/// repeated on each of its atoms' rows (Parquet's dictionary encoding stores them about once); then one float64
/// column per descriptor entry named by its label. The key-value metadata holds the label list (so that labels which
/// look like the fixed columns stay unambiguous), the layout, the number of structures, the shard the part holds and
/// a format version.
/// </summary>
public static class StoreSchema
{
    /// <summary>Format version written to every part; version 1 (before per-atom parts) is read as per-structure.</summary>
    public const string Version = "2";

    /// <summary>The format version that had no layout key: every row a structure.</summary>
    internal const string VersionWithoutLayout = "1";

    /// <summary>Metadata key of <see cref="Version"/>.</summary>
    public const string VersionKey = "atomcuration.store.version";

    /// <summary>Metadata key of the descriptor labels (a JSON array of strings).</summary>
    public const string LabelsKey = "atomcuration.store.descriptor_labels";

    /// <summary>Metadata key of the shard (<c>k/n</c>) the part holds.</summary>
    public const string ShardKey = "atomcuration.store.shard";

    /// <summary>Metadata key of the layout: <c>structure</c> or <c>atom</c> (<see cref="StoreLayout"/>).</summary>
    public const string LayoutKey = "atomcuration.store.layout";

    /// <summary>Metadata key of the number of structures the part describes (its rows, unless per-atom).</summary>
    public const string StructuresKey = "atomcuration.store.structures";

    // Names of the fixed columns; a schema gets fresh field objects (Parquet.Net binds a field to one schema).
    internal const string PoolIndex = "pool_index", Id = "id", Source = "source", Frame = "frame", Atoms = "atoms",
        Formula = "formula", Energy = "energy", ConfigType = "config_type", Atom = "atom", Element = "element";

    private static DataField[] Fixed() =>
    [
        new DataField<long>(PoolIndex), new DataField<string>(Id), new DataField<string>(Source, nullable: true),
        new DataField<int>(Frame), new DataField<int>(Atoms), new DataField<string>(Formula),
        new DataField<double?>(Energy, nullable: true), new DataField<string>(ConfigType, nullable: true),
    ];

    private static DataField[] Fixed(StoreLayout layout) => layout == StoreLayout.Atom
        ? [.. Fixed(), new DataField<int>(Atom), new DataField<string>(Element)]
        : Fixed();

    /// <summary>Number of fixed columns before the descriptor columns.</summary>
    internal static int FixedCount(StoreLayout layout) => layout == StoreLayout.Atom ? 10 : 8;

    /// <summary>The metadata value of <paramref name="layout"/>.</summary>
    internal static string FormatLayout(StoreLayout layout) => layout == StoreLayout.Atom ? "atom" : "structure";

    /// <summary>The layout a part's metadata declares, or null when it names none this version knows.</summary>
    internal static StoreLayout? ParseLayout(string? version, string? layout) => (version, layout) switch
    {
        (VersionWithoutLayout, _) => StoreLayout.Structure,
        (Version, "structure") => StoreLayout.Structure,
        (Version, "atom") => StoreLayout.Atom,
        _ => null,
    };

    /// <summary>The schema of a part of <paramref name="layout"/> whose descriptor columns are <paramref name="labels"/>.</summary>
    internal static ParquetSchema For(IReadOnlyList<string> labels, StoreLayout layout)
    {
        var fixedFields = Fixed(layout);
        var names = new HashSet<string>(fixedFields.Select(f => f.Name), StringComparer.Ordinal);
        var fields = new List<Field>(fixedFields);
        foreach (var label in labels)
        {
            if (!names.Add(label))
                throw new ArgumentException($"Descriptor label '{label}' repeats or names one of the store's fixed columns; a store needs distinct column names.");
            fields.Add(new DataField<double>(label));
        }
        return new ParquetSchema(fields);
    }

    /// <summary>The descriptor fields of a part's <paramref name="schema"/> for <paramref name="labels"/>.</summary>
    internal static DataField[] Features(ParquetSchema schema, IReadOnlyList<string> labels) =>
        labels.Select(l => schema.FindDataField(l)).ToArray();

    internal static string FormatLabels(IReadOnlyList<string> labels) => JsonSerializer.Serialize(labels);

    internal static string[] ParseLabels(string json) => JsonSerializer.Deserialize<string[]>(json)
        ?? throw new InvalidDataException("The store's descriptor labels are missing.");

    /// <summary>File name of the part holding <paramref name="shard"/>: <c>part-00003-of-00008.parquet</c>.</summary>
    public static string PartName(ShardSpec shard) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{shard.Index:D5}-of-{shard.Count:D5}.parquet");
}
