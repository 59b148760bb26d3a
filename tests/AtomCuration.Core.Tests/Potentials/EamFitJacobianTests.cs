using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Potentials;

/// <summary>The analytic Jacobian of the fit objective against finite differences of the loss (∇L = 2Jᵀr).</summary>
public class EamFitJacobianTests
{
    [Theory]
    [InlineData(EamFitForm.Spline, false, false, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.Spline, true, false, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.Spline, true, true, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.ZhouJohnsonWadley, false, false, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.ZhouJohnsonWadley, true, false, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.ZhouJohnsonWadley, true, true, EamCrossPair.Fitted)]
    [InlineData(EamFitForm.ZhouJohnsonWadley, true, false, EamCrossPair.ZhouJohnsonWadley)]
    public void GradientMatchesFiniteDifferences(EamFitForm form, bool alloy, bool finnisSinclair, EamCrossPair crossPair)
    {
        var teacher = alloy ? ZhouJohnsonWadley.Published("Ni", "Cu") : ZhouJohnsonWadley.Published("Cu");
        string[] species = alloy ? ["Ni", "Cu"] : ["Cu"];
        var training = EamFitTestData.FccCells(teacher, species, 3.58, 6, 3, 0.15, 0.03);
        // A weight, and one structure without forces, exercise the bookkeeping.
        training[1] = new Structure(training[1]) { Info = new Dictionary<string, object> { ["weight"] = 2.5 } };
        training[2] = new Structure(training[2]) { Forces = null };
        var options = new EamFitOptions { Form = form, FinnisSinclair = finnisSinclair, CrossPair = crossPair, Cutoff = 5.0, StressWeight = 1.0, ForceWeight = 0.05, Smoothness = 1e-4, PairKnots = 8, DensityKnots = 7, EmbeddingKnots = 5 };
        var data = EamTrainingSet.Create(training, options, 1, default);
        var (model, start) = form == EamFitForm.Spline
            ? EamSplineStart.Create(data, options, 1)
            : EamZhouJohnsonWadleyStart.Create(data, options, 1);
        var rng = new Random(4);
        var theta = start.Select(x => x * (1 + 0.05 * (rng.NextDouble() - 0.5)) + 1e-3 * (rng.NextDouble() - 0.5)).ToArray();
        var objective = new EamFitObjective(model, data, options, 1);
        int p = objective.ParameterCount;
        var jtj = new double[p * p];
        var jtr = new double[p];
        double loss = objective.Evaluate(theta, jtj, jtr, default);
        Assert.Equal(loss, objective.Evaluate(theta, null, null, default), 12);
        var names = model.ParameterNames();
        Assert.Equal(p, names.Length);
        // The form decides the blocks: four ρ_ab for a binary eam/fs, no φ_NiCu block under the cross-pair rule.
        Assert.Equal(alloy && finnisSinclair, names.Any(x => x.StartsWith("rho[Cu<-Ni]", StringComparison.Ordinal)));
        Assert.Equal(alloy && crossPair == EamCrossPair.Fitted, names.Any(x => x.StartsWith("phi[Cu-Ni]", StringComparison.Ordinal)));
        for (int k = 0; k < p; k++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(theta[k]));
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (objective.Evaluate(plus, null, null, default) - objective.Evaluate(minus, null, null, default)) / (2 * h);
            double analytic = 2 * jtr[k];
            Assert.True(Math.Abs(fd - analytic) <= 1e-5 * Math.Max(Math.Abs(fd), 1e-3 * loss) + 1e-12,
                $"{form} fs={finnisSinclair} {crossPair} {names[k]}: analytic {analytic:G8} vs finite difference {fd:G8} (loss {loss:G4})");
        }
        // JᵀJ is symmetric positive semi-definite.
        for (int a = 0; a < p; a++)
        {
            Assert.True(jtj[a * p + a] >= 0);
            for (int b = 0; b < a; b++) Assert.Equal(jtj[a * p + b], jtj[b * p + a]);
        }
    }

    /// <summary>The stored spline terms (<see cref="EamSplineTerms"/>) regroup the general path's sums: the same loss, JᵀJ and Jᵀr to rounding.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void StoredSplineTermsEqualTheGeneralPath(bool alloy, bool finnisSinclair)
    {
        var teacher = alloy ? ZhouJohnsonWadley.Published("Ni", "Cu") : ZhouJohnsonWadley.Published("Cu");
        string[] species = alloy ? ["Ni", "Cu"] : ["Cu"];
        var training = EamFitTestData.FccCells(teacher, species, 3.58, 6, 3, 0.15, 0.03);
        training[1] = new Structure(training[1]) { Info = new Dictionary<string, object> { ["weight"] = 2.5 } };
        training[2] = new Structure(training[2]) { Forces = null };
        // An inner radius above the shortest distance puts some pairs on the splines' linear continuation.
        var options = new EamFitOptions { FinnisSinclair = finnisSinclair, Cutoff = 5.0, StressWeight = 1.0, ForceWeight = 0.05, Smoothness = 1e-4, PairKnots = 8, DensityKnots = 7, EmbeddingKnots = 5, InnerRadius = 2.6 };
        var data = EamTrainingSet.Create(training, options, 1, default);
        var (model, start) = EamSplineStart.Create(data, options, 1);
        var rng = new Random(5);
        var theta = start.Select(x => x * (1 + 0.05 * (rng.NextDouble() - 0.5)) + 1e-3 * (rng.NextDouble() - 0.5)).ToArray();
        var fast = new EamFitObjective(model, data, options, 2);
        var general = new EamFitObjective(model, data, options, 2, storeSplineTerms: false);
        Assert.True(fast.UsesSplineTerms);
        Assert.False(general.UsesSplineTerms);
        Assert.Contains(data.Items, it => it.R.Any(r => r < 2.5)); // pairs below the first knot are there
        int p = fast.ParameterCount;
        double[] jtjFast = new double[p * p], jtrFast = new double[p], jtj = new double[p * p], jtr = new double[p];
        double lossFast = fast.Evaluate(theta, jtjFast, jtrFast, default);
        double loss = general.Evaluate(theta, jtj, jtr, default);
        Assert.Equal(loss, lossFast, loss * 1e-12);
        Assert.Equal(lossFast, fast.Evaluate(theta, null, null, default));
        double scale = jtj.Max(Math.Abs), scaleR = jtr.Max(Math.Abs);
        for (int k = 0; k < p * p; k++) Assert.True(Math.Abs(jtj[k] - jtjFast[k]) <= 1e-12 * scale, $"JᵀJ[{k / p},{k % p}]: {jtj[k]:G17} vs {jtjFast[k]:G17}");
        for (int k = 0; k < p; k++) Assert.True(Math.Abs(jtr[k] - jtrFast[k]) <= 1e-12 * scaleR, $"Jᵀr[{k}]: {jtr[k]:G17} vs {jtrFast[k]:G17}");
    }
}
