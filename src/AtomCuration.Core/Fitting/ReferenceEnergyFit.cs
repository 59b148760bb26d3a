using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Fitting;

/// <summary>
/// Per-element energy offsets μ_a (eV/atom) that best reconcile predicted and reference energies: DFT totals
/// and a potential's energies differ by a constant per element (the free-atom or pseudopotential reference),
/// which would otherwise dominate an energy error. Least squares on energies per atom,
/// min Σ_s [(E_s − P_s)/N_s − Σ_a (n_sa/N_s) μ_a]², solved through the SVD so that offsets that the compositions cannot
/// tell apart (every structure with the same stoichiometry) get the minimum-norm solution.
/// </summary>
public static class ReferenceEnergyFit
{
    /// <summary>Offsets by atomic number (eV/atom); add Σ n_a μ_a to a prediction to compare it with the reference.</summary>
    /// <exception cref="ArgumentException">Counts differ, or a structure has no energy label.</exception>
    public static IReadOnlyDictionary<int, double> Fit(IReadOnlyList<Structure> structures, IReadOnlyList<double> predictedEnergies)
    {
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(predictedEnergies);
        if (structures.Count != predictedEnergies.Count) throw new ArgumentException($"{structures.Count} structures but {predictedEnergies.Count} energies.");
        var elements = structures.SelectMany(s => s.AtomicNumbers).Distinct().Order().ToArray();
        if (elements.Length == 0) return new Dictionary<int, double>();
        var column = elements.Select((z, k) => (z, k)).ToDictionary(p => p.z, p => p.k);
        var a = Matrix<double>.Build.Dense(structures.Count, elements.Length);
        var b = Vector<double>.Build.Dense(structures.Count);
        for (int s = 0; s < structures.Count; s++)
        {
            var structure = structures[s];
            double n = structure.AtomCount;
            foreach (int z in structure.AtomicNumbers) a[s, column[z]] += 1 / n;
            b[s] = ((structure.Energy ?? throw new ArgumentException($"{structure.Id} has no energy label.")) - predictedEnergies[s]) / n;
        }
        var mu = MinimumNormSolve(a, b);
        return elements.Select((z, k) => (z, k)).ToDictionary(p => p.z, p => mu[p.k]);
    }

    /// <summary>x = V Σ⁺ Uᵀ b, singular values below n·ε·σ_max treated as zero (as numpy.linalg.lstsq's rcond).</summary>
    private static Vector<double> MinimumNormSolve(Matrix<double> a, Vector<double> b)
    {
        var svd = a.Svd(computeVectors: true);
        var sigma = svd.S;
        double cut = Math.Max(a.RowCount, a.ColumnCount) * 2.220446049250313e-16 * sigma[0];
        var x = Vector<double>.Build.Dense(a.ColumnCount);
        for (int i = 0; i < sigma.Count; i++)
        {
            if (sigma[i] <= cut) continue;
            double coefficient = svd.U.Column(i).DotProduct(b) / sigma[i];
            x += coefficient * svd.VT.Row(i);
        }
        return x;
    }

    /// <summary>Σ_a n_a μ_a for one structure (eV).</summary>
    public static double OffsetOf(Structure structure, IReadOnlyDictionary<int, double> offsets)
    {
        ArgumentNullException.ThrowIfNull(structure);
        double sum = 0;
        foreach (int z in structure.AtomicNumbers) sum += offsets.GetValueOrDefault(z);
        return sum;
    }
}
