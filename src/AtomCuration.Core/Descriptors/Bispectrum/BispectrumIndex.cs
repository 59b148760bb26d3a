namespace AtomCuration.Descriptors.Bispectrum;

/// <summary>A coupling (2j1, 2j2, 2j) of the bispectrum, with angular momenta doubled (LAMMPS' convention).</summary>
/// <param name="J1">2j1.</param>
/// <param name="J2">2j2 ≤ 2j1.</param>
/// <param name="J">2j, with |j1 − j2| ≤ j ≤ j1 + j2 and j1 + j2 − j whole.</param>
public readonly record struct BispectrumTriple(int J1, int J2, int J);

/// <summary>
/// The index layout shared by the bispectrum kernel, all angular momenta doubled (2j = 0 … 2J):
/// <list type="bullet">
/// <item>U blocks: U^j is a (j+1)×(j+1) complex matrix stored row by row (row mb, column ma, 0 … j),
/// block j at <see cref="UStart"/>[j].</item>
/// <item>Columns: the couplings (j1, j2 ≤ j1, j = j1−j2 … min(2J, j1+j2) step 2, keeping j ≥ j1), j1 slowest —
/// the column order of LAMMPS <c>compute sna/atom</c> (5, 14, 30, 55 columns for 2J = 2, 4, 6, 8).</item>
/// <item>Z blocks: every coupling (j1, j2 ≤ j1, j) with j ≤ 2J, without the j ≥ j1 restriction (the gradient needs
/// Z^{j1}_{j j2} and Z^{j2}_{j j1}); only rows mb ≤ j/2 are stored, the others follow by symmetry.</item>
/// <item>Clebsch–Gordan blocks: per Z coupling, the (j1+1)×(j2+1) table ⟨j1 m1; j2 m2 | j m1+m2⟩, m = (2·index − 2j)/2.</item>
/// </list>
/// </summary>
internal sealed class BispectrumIndex
{
    private readonly int[,,] _zOf;

    public BispectrumIndex(int twoJMax)
    {
        TwoJMax = twoJMax;
        UStart = new int[twoJMax + 2];
        for (int j = 0; j <= twoJMax; j++) UStart[j + 1] = UStart[j] + (j + 1) * (j + 1);
        UCount = UStart[twoJMax + 1];

        var columns = new List<BispectrumTriple>();
        var zs = new List<BispectrumTriple>();
        for (int j1 = 0; j1 <= twoJMax; j1++)
        for (int j2 = 0; j2 <= j1; j2++)
        for (int j = j1 - j2; j <= Math.Min(twoJMax, j1 + j2); j += 2)
        {
            zs.Add(new BispectrumTriple(j1, j2, j));
            if (j >= j1) columns.Add(new BispectrumTriple(j1, j2, j));
        }
        Columns = columns.ToArray();
        ZTriples = zs.ToArray();

        _zOf = new int[twoJMax + 1, twoJMax + 1, twoJMax + 1];
        for (int a = 0; a <= twoJMax; a++) for (int b = 0; b <= twoJMax; b++) for (int c = 0; c <= twoJMax; c++) _zOf[a, b, c] = -1;
        ZStart = new int[ZTriples.Length + 1];
        CgStart = new int[ZTriples.Length + 1];
        for (int t = 0; t < ZTriples.Length; t++)
        {
            var (j1, j2, j) = ZTriples[t];
            _zOf[j1, j2, j] = t;
            ZStart[t + 1] = ZStart[t] + (j / 2 + 1) * (j + 1);
            CgStart[t + 1] = CgStart[t] + (j1 + 1) * (j2 + 1);
        }
        ZCount = ZStart[^1];
        Cg = new double[CgStart[^1]];
        for (int t = 0; t < ZTriples.Length; t++)
        {
            var (j1, j2, j) = ZTriples[t];
            for (int m1 = 0; m1 <= j1; m1++)
            for (int m2 = 0; m2 <= j2; m2++)
                Cg[CgStart[t] + m1 * (j2 + 1) + m2] = ClebschGordan.Coefficient(j1, 2 * m1 - j1, j2, 2 * m2 - j2, j);
        }
        ColumnZ = Columns.Select(c => ZOf(c.J1, c.J2, c.J)).ToArray();
        ColumnZ1 = Columns.Select(c => ZOf(c.J, c.J2, c.J1)).ToArray();
        ColumnZ2 = Columns.Select(c => ZOf(c.J, c.J1, c.J2)).ToArray();

        int maxJ = twoJMax + 1;
        RootPq = new double[(maxJ + 1) * (maxJ + 1)];
        for (int p = 1; p <= maxJ; p++) for (int q = 1; q <= maxJ; q++) RootPq[p * (maxJ + 1) + q] = Math.Sqrt((double)p / q);
        RootStride = maxJ + 1;
    }

    /// <summary>2J.</summary>
    public int TwoJMax { get; }

    /// <summary>Offset of block U^j (length 2J + 2; the last entry is <see cref="UCount"/>).</summary>
    public int[] UStart { get; }

    /// <summary>Complex entries in all U blocks.</summary>
    public int UCount { get; }

    /// <summary>The bispectrum components in LAMMPS' column order.</summary>
    public BispectrumTriple[] Columns { get; }

    /// <summary>Every Z coupling.</summary>
    public BispectrumTriple[] ZTriples { get; }

    /// <summary>Offset of each Z coupling's half block (rows mb ≤ j/2).</summary>
    public int[] ZStart { get; }

    /// <summary>Complex entries in all Z half blocks.</summary>
    public int ZCount { get; }

    /// <summary>Offset of each Z coupling's Clebsch–Gordan table in <see cref="Cg"/>.</summary>
    public int[] CgStart { get; }

    /// <summary>The Clebsch–Gordan tables.</summary>
    public double[] Cg { get; }

    /// <summary>Z coupling of each column (j1, j2, j).</summary>
    public int[] ColumnZ { get; }

    /// <summary>Z coupling (j, j2, j1) of each column: the one contracted with dU^{j1} in the gradient.</summary>
    public int[] ColumnZ1 { get; }

    /// <summary>Z coupling (j, j1, j2) of each column: the one contracted with dU^{j2} in the gradient.</summary>
    public int[] ColumnZ2 { get; }

    /// <summary>√(p/q) at [p·<see cref="RootStride"/> + q], p, q = 1 … 2J+1.</summary>
    public double[] RootPq { get; }

    /// <summary>Row stride of <see cref="RootPq"/>.</summary>
    public int RootStride { get; }

    /// <summary>The Z coupling (j1, j2 ≤ j1, j), or −1.</summary>
    public int ZOf(int j1, int j2, int j) => _zOf[j1, j2, j];
}
