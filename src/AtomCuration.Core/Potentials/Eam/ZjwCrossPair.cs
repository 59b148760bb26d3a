namespace AtomCuration.Potentials.Eam;

/// <summary>The alloy cross pair φ_ab = ½[ρ_b/ρ_a φ_aa + ρ_a/ρ_b φ_bb] of Zhou, Johnson and Wadley.</summary>
public sealed class ZjwCrossPair(IRadialFunction pairA, IRadialFunction pairB, IRadialFunction densityA, IRadialFunction densityB) : IRadialFunction
{
    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        double pa = pairA.Evaluate(r, out double dpa), pb = pairB.Evaluate(r, out double dpb);
        double fa = densityA.Evaluate(r, out double dfa), fb = densityB.Evaluate(r, out double dfb);
        double qba = fb / fa, qab = fa / fb;
        double dqba = (dfb * fa - fb * dfa) / (fa * fa), dqab = (dfa * fb - fa * dfb) / (fb * fb);
        derivative = 0.5 * (dqba * pa + qba * dpa + dqab * pb + qab * dpb);
        return 0.5 * (qba * pa + qab * pb);
    }
}
