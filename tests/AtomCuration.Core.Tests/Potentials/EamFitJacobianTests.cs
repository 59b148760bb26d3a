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
}
