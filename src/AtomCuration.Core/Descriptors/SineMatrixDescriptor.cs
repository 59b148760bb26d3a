using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The sine matrix (Faber et al. 2015), the periodic relative of the Coulomb matrix:
/// M_ij = Z_i Z_j / |Σ_k a_k sin²(π f_k)| with f the fractional coordinates of r_i − r_j and a_k the
/// lattice vectors. Needs a full-rank periodic cell. Labels <c>sm(i=0,j=1)</c> or <c>sm_eig(k=0)</c>.
/// </summary>
public sealed class SineMatrixDescriptor : MatrixDescriptor
{
    /// <summary>Configures the matrix.</summary>
    public SineMatrixDescriptor(MatrixSettings settings) : base(settings, "sm")
    {
    }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.SineMatrix;

    /// <inheritdoc />
    protected override void Check(Structure structure)
    {
        if (!structure.Pbc.Any || !structure.Cell.IsFullRank)
            throw new ArgumentException($"{structure.Id} has no full periodic cell; the sine matrix needs one (use CoulombMatrix for molecules).");
    }

    /// <inheritdoc />
    protected override double Distance(Structure structure, int i, int j)
    {
        var f = structure.Cell.ToFractional(structure.Positions[i] - structure.Positions[j]);
        static double S2(double x) => Math.Pow(Math.Sin(Math.PI * x), 2);
        return structure.Cell.ToCartesian(new Vec3(S2(f.X), S2(f.Y), S2(f.Z))).Length;
    }
}
