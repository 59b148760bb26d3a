namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// Clebsch–Gordan coefficients ⟨j1 m1; j2 m2 | j m⟩ (Condon–Shortley phase) by Racah's closed form,
/// with every angular momentum given doubled (2j1, 2m1, …) so that half-integers are integers:
/// <code>
/// C = δ(m, m1+m2) √[(2j+1) Δ(j1 j2 j)] √[(j1+m1)!(j1−m1)!(j2+m2)!(j2−m2)!(j+m)!(j−m)!]
///     Σ_z (−1)^z / [z! (j1+j2−j−z)! (j1−m1−z)! (j2+m2−z)! (j−j2+m1+z)! (j−j1−m2+z)!],
/// Δ(j1 j2 j) = (j1+j2−j)!(j1−j2+j)!(−j1+j2+j)! / (j1+j2+j+1)!,
/// </code>
/// z over the integers for which every factorial argument is ≥ 0 (Racah 1942; Varshalovich et al.,
/// Quantum Theory of Angular Momentum, 1988, §8.2.1, Eq. 3).
/// </summary>
internal static class ClebschGordan
{
    /// <summary>⟨j1/2 m1/2; j2/2 m2/2 | j/2 (m1+m2)/2⟩ for doubled arguments; 0 outside the allowed ranges.</summary>
    public static double Coefficient(int twoJ1, int twoM1, int twoJ2, int twoM2, int twoJ)
    {
        int twoM = twoM1 + twoM2;
        if (Math.Abs(twoM1) > twoJ1 || Math.Abs(twoM2) > twoJ2 || Math.Abs(twoM) > twoJ) return 0;
        if (twoJ < Math.Abs(twoJ1 - twoJ2) || twoJ > twoJ1 + twoJ2 || ((twoJ1 + twoJ2 + twoJ) & 1) != 0) return 0;
        if (((twoJ1 + twoM1) & 1) != 0 || ((twoJ2 + twoM2) & 1) != 0) return 0;
        // Undoubled integer combinations.
        int a = (twoJ1 + twoJ2 - twoJ) / 2, b = (twoJ1 - twoM1) / 2, c = (twoJ2 + twoM2) / 2;
        int d = (twoJ - twoJ2 + twoM1) / 2, e = (twoJ - twoJ1 - twoM2) / 2;
        int zMin = Math.Max(0, Math.Max(-d, -e)), zMax = Math.Min(a, Math.Min(b, c));
        double sum = 0;
        for (int z = zMin; z <= zMax; z++)
        {
            double term = 1 / (Factorial(z) * Factorial(a - z) * Factorial(b - z) * Factorial(c - z) * Factorial(d + z) * Factorial(e + z));
            sum += (z & 1) == 0 ? term : -term;
        }
        double delta = Factorial(a) * Factorial((twoJ1 - twoJ2 + twoJ) / 2) * Factorial((-twoJ1 + twoJ2 + twoJ) / 2)
                       / Factorial((twoJ1 + twoJ2 + twoJ) / 2 + 1);
        double norm = Factorial((twoJ1 + twoM1) / 2) * Factorial((twoJ1 - twoM1) / 2) * Factorial((twoJ2 + twoM2) / 2)
                      * Factorial((twoJ2 - twoM2) / 2) * Factorial((twoJ + twoM) / 2) * Factorial((twoJ - twoM) / 2);
        return Math.Sqrt((twoJ + 1) * delta) * Math.Sqrt(norm) * sum;
    }

    private static readonly double[] Factorials = BuildFactorials(170);

    private static double Factorial(int n) => Factorials[n];

    private static double[] BuildFactorials(int n)
    {
        var f = new double[n + 1];
        f[0] = 1;
        for (int k = 1; k <= n; k++) f[k] = f[k - 1] * k;
        return f;
    }
}
