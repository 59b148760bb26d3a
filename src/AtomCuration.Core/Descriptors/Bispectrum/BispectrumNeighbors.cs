namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>
/// The neighbours inside their pair cutoffs of every atom of one structure, as structure of arrays in compressed rows
/// (atom i's are <see cref="Start"/>[i] … [i+1]−1): the vector D, r = |D|, the neighbour's index and what depends on r
/// alone, evaluated once per pair (<see cref="BispectrumKernel.Geometry"/>) and read by both the B pass and the gradient
/// pass: z0 = r·cot θ0, dz0/dr, w·f_c and w·f_c'.
/// </summary>
internal sealed class BispectrumNeighbors
{
    public double[] X = [], Y = [], Z = [], R = [], Z0 = [], DZ0 = [], WFc = [], WDFc = [];
    public int[] Neighbor = [];
    public int[] Start = [0];

    /// <summary>Atoms described.</summary>
    public int AtomCount { get; private set; }

    /// <summary>Neighbours of atom i.</summary>
    public int CountOf(int i) => Start[i + 1] - Start[i];

    /// <summary>Room for <paramref name="atoms"/> atoms and <paramref name="pairs"/> neighbours (contents undefined).</summary>
    public void Reset(int atoms, int pairs)
    {
        AtomCount = atoms;
        if (Start.Length < atoms + 1) Start = new int[atoms + 1];
        if (X.Length >= pairs) return;
        int size = Math.Max(pairs, 2 * X.Length);
        X = new double[size];
        Y = new double[size];
        Z = new double[size];
        R = new double[size];
        Z0 = new double[size];
        DZ0 = new double[size];
        WFc = new double[size];
        WDFc = new double[size];
        Neighbor = new int[size];
    }
}
