using System.Globalization;
using System.Text;
using AtomCuration.Descriptors;
using AtomCuration.HelpBuilder.Markdown;
using AtomCuration.HelpBuilder.Metadata;
using AtomCuration.IO;
using AtomCuration.Options;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.HelpBuilder.About;

/// <summary>
/// The module's about_ topics, generated so that they cannot drift from the code: the cmdlet list and synopses come
/// from the cmdlets and their help pages, unit factors from Core's constants, presets from the preset registry and
/// the preset's own options record.
/// </summary>
public static class AboutTopics
{
    /// <summary>Overview, pipeline, where to start.</summary>
    public const string Overview = "about_AtomCuration";

    /// <summary>Units and sign conventions.</summary>
    public const string Units = "about_AtomCuration_Units";

    /// <summary>Descriptor and selection presets.</summary>
    public const string Presets = "about_AtomCuration_Presets";

    /// <summary>Every topic this class writes, with its text, for the repository at <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<(string Topic, string Text)> All(string repositoryRoot) =>
        [(Overview, OverviewTopic(repositoryRoot)), (Units, UnitsTopic()), (Presets, PresetsTopic())];

    /// <summary>about_AtomCuration: what the module is for, the pipeline, where to start, and every cmdlet with its synopsis.</summary>
    public static string OverviewTopic(string repositoryRoot)
    {
        var b = AboutText.Start(Overview, "Curating training data for interatomic potentials in PowerShell: read DFT-labelled structures, fingerprint them, select a small representative subset, fit an EAM potential and measure it on the whole pool.");
        b.Append("LONG DESCRIPTION\n");
        b.Append(AboutText.Wrap("AtomCuration streams typed structures (AtomCuration.Structures.Structure: positions, cell, species, and the DFT energy, forces and stress where the file has them) through the pipeline. Each stage returns new structures with what it attached — a descriptor, a selection rank, map coordinates — and never changes its input, so any stage can be inspected, grouped, exported or re-run on its own.", "    "));
        b.Append("\nTHE PIPELINE\n");
        foreach (var line in new[]
        {
            "Import-Structure pool/*.extxyz.gz |",
            "    Get-Descriptor -Preset SeedFingerprint |",
            "    Select-Configuration -Preset KMeansStudy -Count 30 -Seed 1 |",
            "    Invoke-EamFit -Form Spline -Cutoff 5.5 |",
            "    Export-EamPotential -Path Ti.eam.alloy",
            "Import-Structure pool/*.extxyz.gz | Measure-FitError -Potential Ti.eam.alloy -GroupBy config_type",
        }) b.Append("        ").Append(line).Append('\n');
        b.Append('\n').Append(AboutText.Wrap("Read (Import-Structure: extxyz, POSCAR/CONTCAR, OUTCAR, LAMMPS data and dump, n2p2, MLIP .cfg, FitSNAP and mlearn JSON, gzip or not), describe (Get-Descriptor), select (Select-Configuration) or map (Get-ConfigurationMap), fit (Invoke-EamFit), measure (Measure-FitError, Measure-Diversity, Invoke-SelectionStudy), and write (Export-Structure, Export-EamPotential, Export-Descriptor, Export-CurationPlot, Export-CurationReport). A YAML recipe runs the same steps with the same options (about_AtomCuration_Recipes).", "    "));
        b.Append("\nWHERE TO START\n");
        b.Append(AboutText.Wrap("Get-Help Import-Structure -Examples shows how to read a pool; Get-Help <cmdlet> -Full shows every parameter with its default. The repository's examples/cu-curation.ps1 runs the whole pipeline on the bundled copper sample, and docs/concepts explains the data model, descriptors, fitting and studies.", "    "));
        b.Append("\nCONVENTIONS\n");
        foreach (var text in new[]
        {
            "Randomness only through -Seed: the same seed gives the same result on any machine and any -ThrottleLimit. Methods that draw no random numbers say so when given a seed.",
            "Long work shows progress (percent and time remaining where the total is known), honours Ctrl+C, and says what it does under -Verbose.",
            "Bad input gives typed error records naming the structure (its Id is file#frame) and goes on with the rest; nothing is dropped silently. -SkipNonFinite leaves out structures with NaN descriptors with one warning instead of refusing them.",
            "Writers (Export-*) replace their target only when complete, and take -LiteralPath and -NoClobber as Export-Csv does.",
        }) b.Append(AboutText.Wrap("- " + text, "    "));
        b.Append("\nCMDLETS\n");
        foreach (var cmdlet in CmdletMetadataReader.Read(HelpGenerator.CmdletAssembly))
        {
            string page = Path.Combine(repositoryRoot, HelpGenerator.PagesFolder, cmdlet.Name + ".md");
            b.Append("    ").Append(cmdlet.Name).Append('\n');
            if (File.Exists(page)) b.Append(AboutText.Wrap(HelpPageReader.Read(page).Synopsis, "        "));
        }
        b.Append("\nSEE ALSO\n    about_AtomCuration_Units\n    about_AtomCuration_Presets\n    about_AtomCuration_Recipes\n");
        return b.ToString();
    }

    /// <summary>about_AtomCuration_Units: the units inside, in reports and in files, and the sign of stress.</summary>
    public static string UnitsTopic()
    {
        var inv = CultureInfo.InvariantCulture;
        double gpa = Voigt.EvPerCubicAngstromToGPa, bar = FitSnapJsonWriter.BarPerEvPerCubicAngstrom;
        var b = AboutText.Start(Units, "The units AtomCuration uses inside, in its reports and in the files it reads and writes, and the sign convention of stress.");
        b.Append("LONG DESCRIPTION\n");
        b.Append(AboutText.Wrap("Inside, every quantity is in ASE's units: lengths in Å, energies in eV, forces in eV/Å, stresses in eV/Å³, masses in amu, cell angles in degrees. Readers convert what a file stores into these units; writers convert back to what the format expects.", "    "));
        b.Append("\nQUANTITIES\n");
        foreach (var (what, unit) in new[]
        {
            ("Positions, Cell, Cutoff, neighbour distances", "Å"),
            ("Energy (total, per cell)", "eV"),
            ("EnergyPerAtom", "eV/atom"),
            ("Forces, MaxForce", "eV/Å"),
            ("Stress", "eV/Å³, Voigt order xx yy zz yz xz xy"),
            ("Fit and error reports: EnergyRmse, EnergyMae, energy errors", "meV/atom"),
            ("Fit and error reports: ForceRmse, force errors", "meV/Å"),
            ("Error reports: StressRmse; the Stress line of a structure's list view", "GPa"),
            ("Masses", "amu"),
            ("-TimeLimit", "a duration, e.g. '00:05:00'"),
        }) b.Append("    ").Append(what).Append('\n').Append(AboutText.Wrap(unit, "        "));
        b.Append("\nSIGN OF STRESS\n");
        b.Append(AboutText.Wrap("Stress follows ASE: positive is tensile — a cell that would shrink if it were free — so stress = −pressure. A cell squeezed below its equilibrium volume has negative diagonal stress.", "    "));
        b.Append(AboutText.Wrap("VASP's OUTCAR ('in kB' line) and FitSNAP JSON store the pressure sign (positive when compressed), in kbar and bar: they are negated and converted when read, and written back the same way. An extxyz 'virial' becomes stress = −virial / volume.", "    "));
        b.Append("\nCONVERSIONS\n");
        b.Append(string.Create(inv, $"    1 eV/Å³ = {gpa:R} GPa = {bar:R} bar\n"));
        b.Append(string.Create(inv, $"    1 GPa = {1 / gpa:R} eV/Å³ = 10 kbar\n"));
        b.Append("    1 eV = 1000 meV\n");
        b.Append("\nSEE ALSO\n    about_AtomCuration\n    Measure-FitError\n    docs/concepts/data-model.md\n");
        return b.ToString();
    }

    /// <summary>about_AtomCuration_Presets: every descriptor preset with its parameters, and the selection preset with its settings.</summary>
    public static string PresetsTopic()
    {
        var b = AboutText.Start(Presets, "The named descriptor presets (Get-Descriptor -Preset) and selection presets (Select-Configuration -Preset): what each computes, with which parameters.");
        b.Append("LONG DESCRIPTION\n");
        b.Append(AboutText.Wrap("A preset is a named, published recipe. Parameters given explicitly next to a preset override its values. Tab completes the names.", "    "));
        b.Append("\nDESCRIPTOR PRESETS (Get-Descriptor -Preset <name>)\n");
        foreach (var preset in DescriptorPresets.All)
        {
            b.Append("\n    ").Append(preset.Name).Append('\n').Append(AboutText.Wrap(preset.Description, "        "));
            b.Append(AboutText.Wrap("Parameters: " + Plain(preset.Parameters), "        "));
            // Every setting of every block, defaults resolved, read off the settings records the parameters bind onto.
            foreach (var block in DescriptorOptions.Create(preset: preset.Name).Blocks)
            {
                var plain = OptionsBinder.ToPlain(block.Settings);
                var keys = OptionsBinder.Bindable(block.Settings.GetType()).Select(OptionsBinder.KeyName).Where(plain.ContainsKey)
                    .Select(k => $"{k} = {Nested(plain[k])}").Append(string.Create(CultureInfo.InvariantCulture, $"scale = {block.Scale:R}"));
                b.Append(AboutText.Wrap($"{block.Kind} settings: {string.Join("; ", keys)}.", "        "));
            }
        }
        var study = KMeansOptions.Study(10);
        var p = study.Preprocess;
        b.Append("\nSELECTION PRESETS (Select-Configuration -Preset <name>)\n\n    ").Append(SelectionSettings.KMeansStudy).Append('\n');
        b.Append(AboutText.Wrap("The k-means recipe of the fingerprint study (paper 000); implies -Method KMeans.", "        "));
        var inv = CultureInfo.InvariantCulture;
        foreach (var line in new[]
        {
            $"Standardize: {p.Standardize} (z-score every column).",
            "Block weights, by descriptor label: " + string.Join("; ", p.LabelBlockWeights.Select(w => string.Create(inv, $"'{w.First}' … '{w.Last}' × {w.Weight}"))) + ".",
            $"Needs {p.LabelBlocksDescriptor}.",
            string.Create(inv, $"PCA to {p.ExplainedVariance:R} of the variance."),
            string.Create(inv, $"Lloyd iterations: tolerance {study.Tolerance:R}, at most {study.MaxIterations}; restarts k − round(k/2) (e.g. {study.Restarts} for k = 10)."),
            "The member nearest each centroid is selected.",
        }) b.Append(AboutText.Wrap("- " + line, "        "));
        b.Append("\nSEE ALSO\n    Get-Descriptor\n    Select-Configuration\n    about_AtomCuration\n    docs/concepts/descriptors.md\n");
        return b.ToString();
    }

    /// <summary>A preset's parameters as one line: key = value, nested sections in braces, lists comma-separated.</summary>
    private static string Plain(object? value) => value switch
    {
        null => "null",
        string s => s,
        IReadOnlyDictionary<string, object?> d => string.Join("; ", d.Select(kv => $"{kv.Key} = {Nested(kv.Value)}")),
        System.Collections.IDictionary d => string.Join("; ", d.Keys.Cast<object>().Select(k => $"{k} = {Nested(d[k])}")),
        System.Collections.IEnumerable many => string.Join(", ", many.Cast<object?>().Select(Plain)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Nested(object? value) =>
        value is IReadOnlyDictionary<string, object?> or System.Collections.IDictionary ? "{ " + Plain(value) + " }" : Plain(value);
}
