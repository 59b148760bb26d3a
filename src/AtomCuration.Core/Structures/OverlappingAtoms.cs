using System.Globalization;

namespace AtomCuration.Structures;

/// <summary>
/// Finds atoms that sit on top of each other (closer than <see cref="MinimumDistance"/>, periodic
/// images included). Such a structure has no meaningful descriptor (ACSF and SOAP divide by the
/// distance), energy or force, so every stage that would compute one refuses it by id with this
/// message and goes on with the others.
/// </summary>
public static class OverlappingAtoms
{
    /// <summary>
    /// Closest approach (Å) two atoms may have: 0.1 Å, well below any physical bond (H₂: 0.74 Å),
    /// so a strongly compressed configuration still passes and only coincident atoms are refused.
    /// </summary>
    public const double MinimumDistance = 0.1;

    /// <summary>The closest pair of atoms nearer than <see cref="MinimumDistance"/>, or null when there is none.</summary>
    public static (int I, int J, double Distance)? Find(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.AtomCount < 2 && !structure.Pbc.Any) return null;
        var list = NeighborList.Build(structure, MinimumDistance, half: true);
        if (list.PairCount == 0) return null;
        var distances = list.Distances;
        var indices = list.Indices;
        var offsets = list.Offsets;
        (int I, int J, double Distance)? best = null;
        for (int i = 0; i < list.AtomCount; i++)
            for (int k = offsets[i]; k < offsets[i + 1]; k++)
                if (best is null || distances[k] < best.Value.Distance) best = (i, indices[k], distances[k]);
        return best;
    }

    /// <summary>Why <paramref name="structure"/> cannot be used (naming it, the two atoms and their distance), or null when no atoms overlap.</summary>
    public static string? Problem(Structure structure) => Find(structure) is { } p
        ? string.Create(CultureInfo.InvariantCulture,
            $"{structure.Id}: atoms {p.I} and {p.J} overlap ({p.Distance:g3} Å apart; atoms closer than {MinimumDistance} Å have no meaningful descriptor, energy or force).")
        : null;

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="Problem"/> when atoms overlap.</summary>
    public static void Check(Structure structure)
    {
        if (Problem(structure) is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>Throws one <see cref="ArgumentException"/> naming every structure with overlapping atoms (up to ten).</summary>
    public static void CheckAll(IReadOnlyList<Structure> structures)
    {
        var problems = structures.Select(Problem).OfType<string>().ToList();
        if (problems.Count == 0) return;
        throw new ArgumentException($"{problems.Count} structure(s) have overlapping atoms: " +
            string.Join(" ", problems.Take(10)) + (problems.Count > 10 ? " …" : ""));
    }
}
