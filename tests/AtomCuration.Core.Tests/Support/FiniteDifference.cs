using AtomCuration.Structures;

namespace AtomCuration.Tests.Support;

/// <summary>Checks an analytic position gradient against central differences of the scalar it differentiates.</summary>
public static class FiniteDifference
{
    /// <summary>
    /// For each listed atom and axis, (f(x + h) − f(x − h)) / 2h must equal <paramref name="gradient"/> within
    /// <paramref name="tolerance"/> · max(1, |difference|): central differences are O(h²), so h = 1e-5 leaves ~1e-10.
    /// </summary>
    public static void AssertGradient(Structure s, Func<Structure, double> f, IReadOnlyList<Vec3> gradient, IEnumerable<int> atoms,
        double h = 1e-5, double tolerance = 1e-6)
    {
        foreach (int atom in atoms)
            for (int axis = 0; axis < 3; axis++)
            {
                var step = new Vec3(axis == 0 ? h : 0, axis == 1 ? h : 0, axis == 2 ? h : 0);
                var plus = s.WithPositions(s.Positions.SetItem(atom, s.Positions[atom] + step));
                var minus = s.WithPositions(s.Positions.SetItem(atom, s.Positions[atom] - step));
                double fd = (f(plus) - f(minus)) / (2 * h);
                Assert.Equal(fd, gradient[atom][axis], tolerance * Math.Max(1, Math.Abs(fd)));
            }
    }
}
