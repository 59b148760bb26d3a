using System.Runtime.CompilerServices;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Descriptors;

/// <summary>
/// What the Coulomb and sine matrices share: diagonal ½ Z_i^2.4, off-diagonal Z_i Z_j / φ(r_i, r_j),
/// then the permutation of <see cref="MatrixSettings.Permutation"/> and zero padding to MaxAtoms.
/// </summary>
public abstract class MatrixDescriptor : Descriptor
{
    private readonly int _max;

    /// <summary>Configures the matrix; throws when MaxAtoms is unknown.</summary>
    protected MatrixDescriptor(MatrixSettings settings, string prefix)
    {
        Settings = settings;
        _max = settings.MaxAtoms ?? throw new DescriptorParameterException("maxAtoms",
            $"{settings.Kind} parameter 'maxAtoms' is needed when streaming (the vector length must be known before the " +
            "largest structure arrives); give it, or use DescriptorCalculator.AttachAll on a list, which pads to the largest structure.");
        Labels = settings.Permutation == MatrixPermutation.Eigenspectrum
            ? Enumerable.Range(0, _max).Select(k => $"{prefix}_eig(k={k})").ToArray()
            : Enumerable.Range(0, _max * _max).Select(k => $"{prefix}(i={k / _max},j={k % _max})").ToArray();
    }

    /// <summary>The settings.</summary>
    public MatrixSettings Settings { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Labels { get; }

    /// <inheritdoc />
    public override bool IsLocal => false;

    /// <summary>The interaction distance φ between atoms i and j of <paramref name="structure"/>.</summary>
    protected abstract double Distance(Structure structure, int i, int j);

    /// <summary>Throws when the structure cannot be described by this matrix.</summary>
    protected virtual void Check(Structure structure)
    {
    }

    /// <summary>The unpermuted n × n matrix (row-major).</summary>
    // O(n²) per structure: optimised at first call (a fresh pwsh otherwise runs the first pool in tier-0 code and OSR).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Matrix(Structure structure)
    {
        Check(structure);
        int n = structure.AtomCount;
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            int zi = structure.AtomicNumbers[i];
            m[i * n + i] = 0.5 * Math.Pow(zi, 2.4);
            for (int j = 0; j < i; j++)
                m[i * n + j] = m[j * n + i] = zi * structure.AtomicNumbers[j] / Distance(structure, i, j);
        }
        return m;
    }

    /// <inheritdoc />
    public override void ComputeStructure(Structure structure, Span<double> vector)
    {
        int n = structure.AtomCount;
        if (n > _max)
            throw new ArgumentException($"{structure.Id} has {n} atoms, more than {Settings.Kind} parameter 'maxAtoms' = {_max}.");
        vector.Clear();
        var m = Matrix(structure);
        switch (Settings.Permutation)
        {
            case MatrixPermutation.Eigenspectrum:
                var values = Matrix<double>.Build.Dense(n, n, m).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real)
                    .OrderByDescending(Math.Abs).ToArray();
                values.CopyTo(vector);
                break;
            case MatrixPermutation.SortedL2:
                var norms = Enumerable.Range(0, n).Select(i => Math.Sqrt(m.AsSpan(i * n, n).ToArray().Sum(x => x * x))).ToArray();
                var order = Enumerable.Range(0, n).OrderByDescending(i => norms[i]).ThenBy(i => i).ToArray();
                for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    vector[a * _max + b] = m[order[a] * n + order[b]];
                break;
            default:
                for (int a = 0; a < n; a++) m.AsSpan(a * n, n).CopyTo(vector.Slice(a * _max, n));
                break;
        }
    }
}
