using System.Globalization;
using System.Text.Json;
using AtomCuration.Jobs;
using Parquet.Schema;

namespace AtomCuration.Storage;

/// <summary>
/// The columns of a descriptor store part, in file order: <c>pool_index</c> (int64, the row's position in the
/// pool), <c>id</c>, <c>source</c> (the file the structure came from, absolute, null when it came from none),
/// <c>frame</c> (0-based frame in <c>source</c>), <c>atoms</c>, <c>formula</c>, <c>energy</c> (eV, null when
/// unlabelled), <c>config_type</c> (the group key, null when absent), then one float64 column per descriptor
/// entry named by its label. The key-value metadata holds the label list (so that labels which look like the
/// fixed columns stay unambiguous), the shard the part holds and a format version.
/// </summary>
public static class StoreSchema
{
    /// <summary>Format version written to and required from every part.</summary>
    public const string Version = "1";

    /// <summary>Metadata key of <see cref="Version"/>.</summary>
    public const string VersionKey = "atomcuration.store.version";

    /// <summary>Metadata key of the descriptor labels (a JSON array of strings).</summary>
    public const string LabelsKey = "atomcuration.store.descriptor_labels";

    /// <summary>Metadata key of the shard (<c>k/n</c>) the part holds.</summary>
    public const string ShardKey = "atomcuration.store.shard";

    // Names of the fixed columns; a schema gets fresh field objects (Parquet.Net binds a field to one schema).
    internal const string PoolIndex = "pool_index", Id = "id", Source = "source", Frame = "frame", Atoms = "atoms",
        Formula = "formula", Energy = "energy", ConfigType = "config_type";

    private static DataField[] Fixed() =>
    [
        new DataField<long>(PoolIndex), new DataField<string>(Id), new DataField<string>(Source, nullable: true),
        new DataField<int>(Frame), new DataField<int>(Atoms), new DataField<string>(Formula),
        new DataField<double?>(Energy, nullable: true), new DataField<string>(ConfigType, nullable: true),
    ];

    /// <summary>Number of fixed columns before the descriptor columns.</summary>
    internal const int FixedCount = 8;

    /// <summary>The schema of a part whose descriptor columns are <paramref name="labels"/>.</summary>
    internal static ParquetSchema For(IReadOnlyList<string> labels)
    {
        var fixedFields = Fixed();
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
