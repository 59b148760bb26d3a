using System.Collections;
using System.Globalization;
using AtomCuration.Options;
using AtomCuration.Structures;

namespace AtomCuration.IO;

/// <summary>Which OUTCAR energy becomes <c>Structure.Energy</c>.</summary>
public enum OutcarEnergy
{
    /// <summary>
    /// The free energy TOTEN, the energy VASP's forces are derivatives of. Default. ASE 3.22 keeps
    /// this value as <c>free_energy</c> (<c>get_potential_energy(force_consistent=True)</c>), but its
    /// plain <c>get_potential_energy()</c> returns the σ→0 value (<see cref="SigmaZero"/>).
    /// </summary>
    FreeEnergy,
    /// <summary>The energy without entropy.</summary>
    EnergyWithoutEntropy,
    /// <summary>The σ→0 extrapolated energy.</summary>
    SigmaZero,
}

/// <summary>Units of an n2p2 / RuNNer <c>input.data</c> file.</summary>
public enum N2p2Units
{
    /// <summary>Bohr and Hartree (the RuNNer convention). Default.</summary>
    Atomic,
    /// <summary>Å and eV (LAMMPS <c>metal</c> units), read as written.</summary>
    Metal,
}

/// <summary>Options every reader understands; each format uses the ones that apply to it.</summary>
public sealed record ReadOptions : IOptions
{
    /// <summary>Format; <see cref="StructureFormat.Auto"/> sniffs.</summary>
    public StructureFormat Format { get; init; } = StructureFormat.Auto;

    /// <summary>Which frames to keep, e.g. <c>:</c>, <c>-1</c>, <c>0:100:10</c>, or several: <c>2,49</c>.</summary>
    [OptionConverter(typeof(FrameSelection.Converter))]
    public FrameSelection Index { get; init; } = FrameSelection.All;

    /// <summary>Element symbol of each LAMMPS atom type (dump and data files), e.g. <c>{ 1: Cu, 2: Ni }</c>.</summary>
    [OptionConverter(typeof(TypeMapConverter))]
    public IReadOnlyDictionary<int, string>? TypeMap { get; init; }

    /// <summary>Species in POSCAR order, for VASP 4 files that lack the species line.</summary>
    [OptionConverter(typeof(SpeciesConverter))]
    public IReadOnlyList<string>? Species { get; init; }

    /// <summary>Which OUTCAR energy to use.</summary>
    public OutcarEnergy OutcarEnergy { get; init; } = OutcarEnergy.FreeEnergy;

    /// <summary>Units of an n2p2 <c>input.data</c> file: atomic (Bohr, Hartree; default) or metal (Å, eV).</summary>
    public N2p2Units N2p2Units { get; init; } = N2p2Units.Atomic;

    /// <summary>
    /// What names the file in each structure's <see cref="Structure.Id"/> (<c>name#frame</c>); null = the file
    /// name. Import-Structure gives the path relative to the current location, so that ids stay unique when
    /// many files share a name (every OUTCAR below a folder).
    /// </summary>
    public string? SourceName { get; init; }

    /// <inheritdoc />
    public void Validate()
    {
        if (TypeMap is not null)
            foreach (var (type, symbol) in TypeMap)
            {
                if (type < 1) throw new ArgumentException($"TypeMap: {type} is not a LAMMPS atom type (a positive integer).", nameof(TypeMap));
                Symbol(symbol, nameof(TypeMap));
            }
        if (Species is not null)
            foreach (var symbol in Species) Symbol(symbol, nameof(Species));
    }

    private static string Symbol(string symbol, string name) =>
        Elements.TryFromSymbol(symbol, out var element) ? element.Symbol
            : throw new ArgumentException($"{name}: '{symbol}' is not a chemical symbol (H…Pu).", name);

    /// <summary>Reads <see cref="TypeMap"/>: a mapping of LAMMPS atom type to element symbol (any case).</summary>
    public sealed class TypeMapConverter : IOptionConverter
    {
        /// <inheritdoc />
        public string Shape => "mapping of LAMMPS atom type (1, 2, …) to element symbol";

        /// <inheritdoc />
        public object? Convert(object? value, string name)
        {
            if (value is null) return null;
            if (value is not IDictionary table) throw new ArgumentException($"{name}: expected a {Shape}.", name);
            var map = new Dictionary<int, string>();
            foreach (DictionaryEntry e in table)
            {
                if (!int.TryParse(System.Convert.ToString(e.Key, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out int type) || type < 1)
                    throw new ArgumentException($"{name}: key '{e.Key}' is not a LAMMPS atom type (a positive integer).", name);
                map[type] = Symbol(System.Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? "", name);
            }
            return map;
        }

        /// <inheritdoc />
        public object? ToPlain(object? value) => value is IReadOnlyDictionary<int, string> map
            ? map.OrderBy(e => e.Key).ToDictionary(e => e.Key.ToString(CultureInfo.InvariantCulture), e => (object?)e.Value)
            : null;
    }

    /// <summary>Reads <see cref="Species"/>: element symbols (any case) in POSCAR order.</summary>
    public sealed class SpeciesConverter : IOptionConverter
    {
        /// <inheritdoc />
        public string Shape => "list of element symbols";

        /// <inheritdoc />
        public object? Convert(object? value, string name)
        {
            var list = (string[]?)OptionsBinder.ConvertTo(typeof(string[]), value, null, name);
            return list is null or { Length: 0 } ? null : list.Select(s => Symbol(s, name)).ToArray();
        }

        /// <inheritdoc />
        public object? ToPlain(object? value) => value is IEnumerable<string> species ? species.ToList() : null;
    }
}
