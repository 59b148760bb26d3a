using AtomCuration.Structures;

namespace AtomCuration.Recipes;

/// <summary>Counts and label ranges of one group of structures.</summary>
/// <param name="Group">Group name (the value of the grouping Info key, or "all").</param>
/// <param name="Structures">Number of structures.</param>
/// <param name="Atoms">Number of atoms.</param>
/// <param name="Labelled">Structures with an energy.</param>
/// <param name="MinEnergyPerAtom">Lowest energy per atom (eV/atom), if any is labelled.</param>
/// <param name="MaxEnergyPerAtom">Highest energy per atom (eV/atom), if any is labelled.</param>
/// <param name="MaxForce">Largest force magnitude (eV/Å), if any forces are labelled.</param>
public sealed record PoolSummary(string Group, int Structures, long Atoms, int Labelled,
    double? MinEnergyPerAtom, double? MaxEnergyPerAtom, double? MaxForce)
{
    /// <summary>One summary per value of <paramref name="groupBy"/> (a <see cref="GroupKey"/>; missing values group as "(none)"), then "all".</summary>
    public static IReadOnlyList<PoolSummary> Of(IEnumerable<Structure> structures, string groupBy = "config_type")
    {
        var list = structures as IReadOnlyCollection<Structure> ?? structures.ToList();
        var key = GroupKey.Parse(groupBy);
        var groups = list.GroupBy(key.GroupOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, g.ToList()))
            .ToList();
        groups.Add(Summarise("all", list));
        return groups;
    }

    private static PoolSummary Summarise(string name, IReadOnlyCollection<Structure> group)
    {
        var energies = group.Where(s => s.Energy is not null).Select(s => s.EnergyPerAtom!.Value).ToList();
        var forces = group.Where(s => s.Forces is not null).Select(s => s.MaxForce!.Value).ToList();
        return new PoolSummary(name, group.Count, group.Sum(s => (long)s.AtomCount), energies.Count,
            energies.Count > 0 ? energies.Min() : null, energies.Count > 0 ? energies.Max() : null,
            forces.Count > 0 ? forces.Max() : null);
    }
}
