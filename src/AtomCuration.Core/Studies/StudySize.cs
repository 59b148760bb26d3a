using System.Globalization;

namespace AtomCuration.Studies;

/// <summary>
/// The size axis of a study: a count, a fraction of the candidates, a labelling budget (methods compared at equal
/// cost: the count follows from the structures' costs) or an environment-bank threshold (paper 001's scan: the count
/// follows from the threshold). Trials of one size are summarised and compared together.
/// </summary>
/// <param name="Count">The count (for a budget or threshold, 0: it varies by trial).</param>
/// <param name="Fraction">The fraction the count came from, or null.</param>
/// <param name="Budget">The labelling budget, or null.</param>
/// <param name="Threshold">The bank threshold, or null.</param>
internal sealed record StudySize(int Count, double? Fraction, double? Budget, double? Threshold)
{
    /// <summary>The label of a size, as <see cref="StudyTrial.Size"/> and <see cref="StudySummaryRow.Size"/> show it.</summary>
    public static string Label(int count, double? fraction, double? budget, double? threshold) =>
        budget is double b ? "budget " + b.ToString("G6", CultureInfo.InvariantCulture)
        : threshold is double t ? "threshold " + t.ToString("G6", CultureInfo.InvariantCulture)
        : fraction is double f ? count.ToString(CultureInfo.InvariantCulture) + " (" + f.ToString("G4", CultureInfo.InvariantCulture) + " of the pool)"
        : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key trials of one size share (a count and a fraction giving the same count are one size).</summary>
    public static string Key(StudyTrial t) =>
        t.Budget is double b ? "B" + b.ToString("R", CultureInfo.InvariantCulture)
        : t.Threshold is double th ? "T" + th.ToString("R", CultureInfo.InvariantCulture)
        : "N" + t.Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The seed label: the method name, plus the budget or threshold so that each size draws its own seeds.</summary>
    public string SeedName(string method) =>
        Budget is double b ? method + "@budget " + b.ToString("R", CultureInfo.InvariantCulture)
        : Threshold is double t ? method + "@threshold " + t.ToString("R", CultureInfo.InvariantCulture)
        : method;
}
