using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// The initial guess of a Zhou–Johnson–Wadley fit: each element's published parameters
/// (Cu's for elements the paper does not cover) with rₑ moved to the training data's typical
/// nearest-neighbour distance. Cross pairs a ≠ b either follow the paper's cross rule
/// (<see cref="EamCrossPair.ZhouJohnsonWadley"/>: no parameters of their own) or get their own ZJW
/// pair function started from the mean of the two elements' parameters. Finnis–Sinclair densities
/// ρ_ab start from the source b's density.
/// rₑ, ρₑ, ρₛ, η stay fixed; the φ and ρ shape parameters are fitted separately (the paper
/// ties β and λ between them). F's branch continuity is enforced by penalty rows.
/// </summary>
internal static class EamZhouJohnsonWadleyStart
{
    public static (EamFitModel Model, double[] Theta) Create(EamTrainingSet data, EamFitOptions options, int threads)
    {
        int n = data.ElementCount;
        var zjw = data.AtomicNumbers.Select(ZhouJohnsonWadleyParameters.StartingShapeFor).ToArray();
        double re = data.TypicalNeighbourDistance;
        var pair = new IFittableFunction?[n * (n + 1) / 2];
        var blocks = new List<double[]>();
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
            {
                if (a != b && options.CrossPair == EamCrossPair.ZhouJohnsonWadley) continue;
                pair[EamPotential.PairIndex(a, b)] = new ZjwPairFittable(re);
                var pa = ZjwPairFittable.Start(zjw[a]);
                var pb = ZjwPairFittable.Start(zjw[b]);
                blocks.Add(pa.Zip(pb, (x, y) => 0.5 * (x + y)).ToArray());
            }
        var density = new IFittableFunction[options.FinnisSinclair ? n * n : n];
        var embedding = new IFittableFunction[n];
        for (int d = 0; d < density.Length; d++)
        {
            density[d] = new ZjwDensityFittable(re);
            blocks.Add(ZjwDensityFittable.Start(zjw[d % n]));
        }
        for (int a = 0; a < n; a++)
        {
            embedding[a] = new ZjwEmbeddingFittable(zjw[a]);
            blocks.Add(ZjwEmbeddingFittable.Start(zjw[a]));
        }
        blocks.Add(new double[n]);
        var model = new EamFitModel(data.AtomicNumbers, options.Cutoff, pair, density, embedding, splineGauge: false, options.FinnisSinclair);
        var theta = blocks.SelectMany(b => b).ToArray();
        EamSplineStart.FitReferenceEnergies(model, theta, data, threads);
        return (model, theta);
    }
}
