using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Labels a structure with a potential's energy, forces and stress (an MD snapshot, a generated configuration,
/// a pool to pre-screen), the way an ASE calculator attaches its results. Labels the structure already had are
/// kept beside the new ones, never lost: <c>Info["reference_energy"]</c> (eV), the per-atom property
/// <c>reference_forces</c> (eV/Å) and <c>Info["reference_stress"]</c> (eV/Å³, Voigt xx yy zz yz xz xy);
/// <c>Info["calculator"]</c> names the potential.
/// </summary>
public static class EamLabelling
{
    /// <summary>The structure with <paramref name="result"/> as its labels.</summary>
    public static Structure Label(Structure structure, EamResult result, string calculator)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(result);
        var info = new Dictionary<string, object>();
        foreach (var (key, value) in structure.Info) info[key] = value;
        var properties = structure.AtomProperties.Where(p => p.Name != "reference_forces").ToList();
        if (structure.Energy is { } e) info["reference_energy"] = e;
        if (structure.Stress is { } s) info["reference_stress"] = new[] { s.Xx, s.Yy, s.Zz, s.Yz, s.Xz, s.Xy };
        if (structure.Forces is { } f)
            properties.Add(new AtomProperty("reference_forces", AtomPropertyType.Real, 3, f.SelectMany(v => new[] { v.X, v.Y, v.Z }).ToArray()));
        info["calculator"] = calculator;
        return new Structure(structure)
        {
            Energy = result.Energy,
            Forces = Structure.Own((Vec3[])result.Forces.Clone()),
            Stress = result.Stress,
            Info = info,
            AtomProperties = properties,
        };
    }
}
