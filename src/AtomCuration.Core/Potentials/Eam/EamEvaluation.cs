using AtomCuration.Common;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>A structure evaluated with a potential, or why it could not be.</summary>
/// <param name="Structure">The structure.</param>
/// <param name="Result">Energy, forces, stress; null when it could not be evaluated.</param>
/// <param name="Problem">Why not (names the structure), or null.</param>
public sealed record EamOutcome(Structure Structure, EamResult? Result, string? Problem);

/// <summary>
/// Evaluates a potential structure by structure, so that one structure the potential cannot describe (an element
/// it lacks, atoms on top of each other) is reported by id and the others are still evaluated — never an
/// exception that loses the whole pool.
/// </summary>
public static class EamEvaluation
{
    /// <summary>Every structure's outcome, in input order, evaluated on up to <paramref name="degree"/> threads.</summary>
    public static IEnumerable<EamOutcome> Each(EamPotential potential, IEnumerable<Structure> structures, int degree = 0,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(potential);
        return OrderedParallel.Map(structures, s => Evaluate(potential, s), degree, cancellation);
    }

    /// <summary>One structure's outcome.</summary>
    public static EamOutcome Evaluate(EamPotential potential, Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        EamResult result;
        try
        {
            result = EamEvaluator.Evaluate(potential, structure);
        }
        catch (ArgumentException e)
        {
            return new EamOutcome(structure, null, e.Message.StartsWith(structure.Id, StringComparison.Ordinal) ? e.Message : $"{structure.Id}: {e.Message}");
        }
        if (!double.IsFinite(result.Energy) || result.Forces.Any(f => !f.IsFinite))
            return new EamOutcome(structure, null,
                $"{structure.Id}: the potential gives a non-finite energy or force (atoms on top of each other?).");
        return new EamOutcome(structure, result, null);
    }
}
