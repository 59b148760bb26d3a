using AtomCuration.Structures;

namespace AtomCuration.Descriptors;

/// <summary>
/// The Coulomb matrix (Rupp et al. 2012; paper 003 Eq. 5): M_ii = ½ Z_i^2.4, M_ij = Z_i Z_j / |r_i − r_j|,
/// from the positions as given (periodic images are ignored, as in DScribe). Labels <c>cm(i=0,j=1)</c>
/// or <c>cm_eig(k=0)</c>.
/// </summary>
public sealed class CoulombMatrixDescriptor : MatrixDescriptor
{
    /// <summary>Configures the matrix.</summary>
    public CoulombMatrixDescriptor(MatrixSettings settings) : base(settings, "cm")
    {
    }

    /// <inheritdoc />
    public override DescriptorKind Kind => DescriptorKind.CoulombMatrix;

    /// <inheritdoc />
    protected override double Distance(Structure structure, int i, int j) => (structure.Positions[i] - structure.Positions[j]).Length;
}
