namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The analytic Zhou–Johnson–Wadley (PRB 69, 144113, 2004) functions and potentials built from
/// them; see <see cref="ZhouJohnsonWadleyParameters"/> for the formulas.
/// </summary>
public static class ZhouJohnsonWadley
{
    /// <summary>A potential for the given elements (alloy cross pairs by the paper's rule
    /// φ_ab = ½[ρ_b/ρ_a φ_aa + ρ_a/ρ_b φ_bb]).</summary>
    /// <param name="parameters">One parameter set per element.</param>
    /// <param name="cutoff">Cutoff (Å); by default the authors' √10/2·√2·rₑ of the largest element.</param>
    public static EamPotential Potential(IReadOnlyList<ZhouJohnsonWadleyParameters> parameters, double? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int n = parameters.Count;
        var elements = parameters.Select(p => EamElement.FromSymbol(p.Symbol, p.FccLatticeConstant, "fcc")).ToArray();
        var density = parameters.Select(p => (IRadialFunction)new ZjwDensity(p)).ToArray();
        var pair = new IRadialFunction[n * (n + 1) / 2];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
                pair[EamPotential.PairIndex(a, b)] = a == b
                    ? new ZjwPair(parameters[a])
                    : new ZjwCrossPair(new ZjwPair(parameters[a]), new ZjwPair(parameters[b]), density[a], density[b]);
        return EamPotential.Alloy(elements, cutoff ?? parameters.Max(p => p.DefaultCutoff),
            parameters.Select(p => (IRadialFunction)new ZjwEmbedding(p)).ToArray(), density, pair);
    }

    /// <summary>A potential from the published parameters of the given symbols.</summary>
    public static EamPotential Published(params string[] symbols) =>
        Potential(symbols.Select(s => ZhouJohnsonWadleyParameters.Published.TryGetValue(s, out var p)
            ? p : throw new ArgumentException($"No published Zhou–Johnson–Wadley parameters for {s}.")).ToArray());

    /// <summary>c·e^{−k(x−1)} / (1 + (x − m)²⁰) at x = r/rₑ, with its derivative in r.</summary>
    internal static double Term(double c, double k, double m, double re, double r, out double derivative)
    {
        double x = r / re;
        double e = c * Math.Exp(-k * (x - 1));
        double t = x - m;
        double t19 = Math.Pow(t, 19);
        double den = 1 + t19 * t;
        double v = e / den;
        derivative = (-k * v - v * 20 * t19 / den) / re;
        return v;
    }
}

/// <summary>The Zhou–Johnson–Wadley pair function φ(r) of one element.</summary>
public sealed class ZjwPair(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative)
    {
        double a = ZhouJohnsonWadley.Term(Parameters.A, Parameters.Alpha, Parameters.Kappa, Parameters.Re, r, out double da);
        double b = ZhouJohnsonWadley.Term(Parameters.B, Parameters.Beta, Parameters.Lambda, Parameters.Re, r, out double db);
        derivative = da - db;
        return a - b;
    }
}

/// <summary>The Zhou–Johnson–Wadley density function ρ(r) of one element.</summary>
public sealed class ZjwDensity(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double r, out double derivative) =>
        ZhouJohnsonWadley.Term(Parameters.Fe, Parameters.Beta, Parameters.Lambda, Parameters.Re, r, out derivative);
}

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

/// <summary>The Zhou–Johnson–Wadley embedding function F(ρ) of one element (three branches).</summary>
public sealed class ZjwEmbedding(ZhouJohnsonWadleyParameters p) : IRadialFunction
{
    /// <summary>The parameters.</summary>
    public ZhouJohnsonWadleyParameters Parameters { get; } = p;

    /// <inheritdoc />
    public double Evaluate(double rho, out double derivative)
    {
        var q = Parameters;
        double rhoN = q.LowerRhoRatio * q.RhoE, rhoO = q.UpperRhoRatio * q.RhoE;
        if (rho < rhoN)
        {
            double x = rho / rhoN - 1;
            derivative = (q.Fn1 + x * (2 * q.Fn2 + x * 3 * q.Fn3)) / rhoN;
            return q.Fn0 + x * (q.Fn1 + x * (q.Fn2 + x * q.Fn3));
        }
        if (rho < rhoO)
        {
            double x = rho / q.RhoE - 1;
            double f3 = rho < q.RhoE ? q.F3 : q.F3Above;
            derivative = (q.F1 + x * (2 * q.F2 + x * 3 * f3)) / q.RhoE;
            return q.F0 + x * (q.F1 + x * (q.F2 + x * f3));
        }
        double s = rho / q.RhoS, ln = Math.Log(s), pw = Math.Pow(s, q.Eta);
        derivative = -q.FEmbedding * q.Eta * q.Eta * pw * ln / rho;
        return q.FEmbedding * (1 - q.Eta * ln) * pw;
    }
}
