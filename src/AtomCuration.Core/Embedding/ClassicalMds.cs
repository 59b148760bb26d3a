using AtomCuration.Selection;
using AtomCuration.Structures;
using MathNet.Numerics.LinearAlgebra;

namespace AtomCuration.Embedding;

/// <summary>
/// Classical (Torgerson) MDS: B = −½ J D⁽²⁾ J with J = I − 11ᵀ/N; coordinates are the leading
/// eigenvectors of B scaled by √λ (negative eigenvalues give 0). Each axis's sign is chosen so
/// that its coordinate of largest magnitude is positive.
/// </summary>
public static class ClassicalMds
{
    /// <summary>N × dimensions coordinates (row-major) from an N × N distance matrix.</summary>
    public static double[] FromDistances(double[] distances, int n, int dimensions = 2)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var b = Matrix<double>.Build.Dense(n, n, (i, j) => distances[i * n + j] * distances[i * n + j]);
        var rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) rowMean[i] += b[i, j];
            total += rowMean[i];
            rowMean[i] /= n;
        }
        total /= (double)n * n;
        var centred = Matrix<double>.Build.Dense(n, n, (i, j) => -0.5 * (b[i, j] - rowMean[i] - rowMean[j] + total));
        var evd = centred.Evd(Symmetricity.Symmetric);
        var x = new double[n * dimensions];
        for (int c = 0; c < dimensions; c++)
        {
            int e = n - 1 - c;
            double scale = Math.Sqrt(Math.Max(0, evd.EigenValues[e].Real));
            int arg = 0;
            for (int i = 1; i < n; i++) if (Math.Abs(evd.EigenVectors[i, e]) > Math.Abs(evd.EigenVectors[arg, e])) arg = i;
            double sign = evd.EigenVectors[arg, e] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) x[i * dimensions + c] = sign * scale * evd.EigenVectors[i, e];
        }
        return x;
    }

    /// <summary>Euclidean distance matrix of the rows of <paramref name="x"/>.</summary>
    public static double[] Distances(FeatureMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = x.Rows;
        var d = new double[n * n];
        Common.OrderedParallel.For(n, i =>
        {
            for (int j = 0; j < n; j++) d[i * n + j] = Math.Sqrt(VectorMath.SquaredDistance(x.Row(i), x.Row(j)));
        });
        return d;
    }

    /// <summary>Kernel-induced distances D = √(K_ii + K_jj − 2K_ij) (Eq. 12 of paper 003 for normalised kernels).</summary>
    public static double[] DistancesFromKernel(double[] kernel, int n)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var d = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                d[i * n + j] = Math.Sqrt(Math.Max(0, kernel[i * n + i] + kernel[j * n + j] - 2 * kernel[i * n + j]));
        return d;
    }
}
