using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Potentials;

/// <summary>Training sets labelled by a teacher potential through our (LAMMPS-verified) evaluator.</summary>
internal static class EamFitTestData
{
    public static Structure Label(EamPotential teacher, Structure s)
    {
        var r = EamEvaluator.Evaluate(teacher, s);
        return new Structure(s) { Energy = r.Energy, Forces = [.. r.Forces], Stress = r.Stress };
    }

    /// <summary>Randomly strained (≤ strain) and displaced (≤ displacement) fcc cells of 2×2×2 conventional cells, some with a vacancy.</summary>
    public static List<Structure> FccCells(EamPotential teacher, string[] species, double a, int count, int seed, double displacement, double strain, int reps = 2)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(k => Label(teacher, new Structure(EamTestStructures.Fcc(species, a * (1 + strain * (2 * rng.NextDouble() - 1)), reps, rng, displacement * rng.NextDouble(), strain, k % 5 == 4))
                { Id = $"cell{k}" }))
            .ToList();
    }
}
