using AtomCuration.Descriptors;
using AtomCuration.Generation;
using AtomCuration.Structures;

namespace AtomCuration.Tests.Generation;

public class EntropyGeneratorTests
{
    [Fact]
    public void RepulsionIsShiftedToZeroAtTheCutoffAndItsDerivativeIsRight()
    {
        var r = new ClarkeSmithRepulsion();
        Assert.Equal(0, r.PairEnergy(2.71), 14);
        Assert.Equal(0, r.PairEnergy(3.5));
        Assert.Equal(-1.0, r.Raw(2.7), 14); // minimum −E0 at r0
        Assert.True(r.PairEnergy(2.0) > 5);
        foreach (double d in new[] { 1.8, 2.2, 2.6, 2.705 })
            Assert.Equal((r.PairEnergy(d + 1e-6) - r.PairEnergy(d - 1e-6)) / 2e-6, r.PairDerivative(d), 1e-6 * Math.Max(1, Math.Abs(r.PairDerivative(d))));
    }

    [Fact]
    public void EntropyGradientEqualsFiniteDifferences()
    {
        var rng = new Random(3);
        int n = 9, stride = 5, m = 4;
        var q = Enumerable.Range(0, n * stride).Select(_ => rng.NextDouble() * 3).ToArray();
        var g = new double[n * stride];
        double s = NearestNeighborEntropy.Compute(q, n, stride, m, g);
        double byHand = 0;
        for (int j = 0; j < n; j++)
        {
            double best = double.MaxValue;
            for (int l = 0; l < n; l++)
                if (l != j) best = Math.Min(best, Math.Sqrt(Enumerable.Range(0, m).Sum(c => Math.Pow(q[j * stride + c] - q[l * stride + c], 2))));
            byHand += Math.Log(n * best) / n;
        }
        Assert.Equal(byHand, s, 12);
        for (int k = 0; k < q.Length; k++)
        {
            var p = (double[])q.Clone();
            p[k] += 1e-7;
            var mm = (double[])q.Clone();
            mm[k] -= 1e-7;
            double fd = (NearestNeighborEntropy.Compute(p, n, stride, m, default) - NearestNeighborEntropy.Compute(mm, n, stride, m, default)) / 2e-7;
            Assert.Equal(fd, g[k], 1e-5 * Math.Max(1, Math.Abs(fd)));
        }
    }

    private static readonly EntropyGenerationOptions Small = new() { Steps = 150 };

    [Fact]
    public void ForcesAreMinusTheGradientOfTheEffectiveEnergy() => CheckForces(Small);

    /// <summary>ACSF (G2 and G4, one element) in place of the bispectrum: its analytic gradient drives the same dynamics.</summary>
    private static readonly EntropyGenerationOptions WithAcsf = Small with
    {
        Descriptor = new AcsfSettings
        {
            Cutoff = 4.5, G2 = [new(0.5, 2.6), new(0.5, 3.2), new(0.5, 3.8)], G4 = [new(0.02, 1, -1), new(0.02, 2, 1), new(0.02, 4, 1)],
        },
        Components = 6,
    };

    [Fact]
    public void AcsfForcesAreMinusTheGradientOfTheEffectiveEnergy()
    {
        CheckForces(WithAcsf);
        var s = EntropyGenerator.Generate(WithAcsf with { Steps = 40 }, 2, 3, threads: 2).ToList();
        Assert.Equal(s[1].Positions.ToArray(), EntropyGenerator.Generate(WithAcsf with { Steps = 40 }, 2, 3, threads: 1).Last().Positions.ToArray());
        Assert.True(double.IsFinite((double)s[0].Info["entropy"]));
    }

    [Fact]
    public void DescriptorsWithoutGradientsAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => (Small with { Descriptor = new SoapSettings() }).Validate());
        Assert.Contains("Descriptor", e.Message);
    }

    private static void CheckForces(EntropyGenerationOptions options)
    {
        var annealer = new EntropyAnnealer(options);
        // A random start with some pairs inside the repulsion: the default generator's own random placement.
        var x = annealer.Run(7, 0).Positions.ToArray();
        x[1] = x[0] + new Vec3(2.3, 0.4, -0.2); // a pair inside the repulsive wall
        var f = new Vec3[x.Length];
        const double k = 1000;
        var e = annealer.Evaluate(x, k, f);
        Assert.True(e.Repulsive > 0);
        const double h = 1e-6;
        var scratch = new Vec3[x.Length];
        foreach (int atom in new[] { 0, 1, 17, 38 })
            for (int axis = 0; axis < 3; axis++)
            {
                var step = new Vec3(axis == 0 ? h : 0, axis == 1 ? h : 0, axis == 2 ? h : 0);
                var plus = (Vec3[])x.Clone();
                plus[atom] += step;
                var minus = (Vec3[])x.Clone();
                minus[atom] -= step;
                double fd = -(annealer.Evaluate(plus, k, scratch).Total - annealer.Evaluate(minus, k, scratch).Total) / (2 * h);
                Assert.Equal(fd, f[atom][axis], 1e-5 * Math.Max(1, Math.Abs(fd)));
            }
    }

    /// <summary>Largest change of H = kinetic + E_rep − K·S over the trajectory and between two steps, plain velocity Verlet at 3000 K.</summary>
    private static (double Drift, double Jump, double Kinetic) Conservation(double k, double dt, double time)
    {
        var o = Small with { Thermostat = Thermostat.None, StartEntropyWeight = k, EntropyWeight = k, StartTemperature = 3000, FinalTemperature = 3000, Steps = (int)Math.Round(time / dt), TimeStep = dt };
        var h = new List<double>();
        double kinetic0 = 0;
        new EntropyAnnealer(o).Run(3, 1, observer: (step, e, kin) =>
        {
            if (step == 1) kinetic0 = kin;
            h.Add(kin + e.Total);
        });
        double jump = h.Zip(h.Skip(1), (a, b) => Math.Abs(b - a)).Max();
        return (h.Max() - h.Min(), jump, kinetic0);
    }

    [Fact]
    public void EnergyIsConservedWithoutThermostat()
    {
        // K = 0: V is smooth (the repulsion's force steps by 0.04 eV/Å at its cutoff): H holds to 1e-3 of the kinetic energy.
        var (drift, _, kinetic) = Conservation(0, 0.0005, 0.1);
        Assert.True(kinetic > 5);
        Assert.True(drift < 1e-3 * kinetic, $"K = 0: H varies by {drift} eV (kinetic {kinetic} eV)");
        // K > 0: S is continuous but its gradient jumps where a nearest descriptor neighbour changes, so velocity Verlet
        // conserves H to first order in dt there: the error stays small and shrinks with the step.
        var coarse = Conservation(50, 0.0005, 0.05);
        var fine = Conservation(50, 0.00025, 0.05);
        Assert.True(coarse.Drift < 0.05 * coarse.Kinetic, $"K = 50 eV: H varies by {coarse.Drift} eV (kinetic {coarse.Kinetic} eV)");
        Assert.True(fine.Jump < 0.75 * coarse.Jump, $"largest step error {coarse.Jump} eV at 0.5 fs, {fine.Jump} eV at 0.25 fs");
    }

    [Fact]
    public void SameSeedGivesTheSameConfigurationsOnAnyThreadCount()
    {
        var o = Small with { Steps = 40 };
        var one = EntropyGenerator.Generate(o, 3, 11, threads: 1).ToList();
        var two = EntropyGenerator.Generate(o, 3, 11, threads: 2).ToList();
        var other = EntropyGenerator.Generate(o, 1, 12, threads: 1).Single();
        for (int k = 0; k < 3; k++) Assert.Equal(one[k].Positions.ToArray(), two[k].Positions.ToArray());
        Assert.NotEqual(one[0].Positions.ToArray(), other.Positions.ToArray());
        Assert.NotEqual(one[0].Positions.ToArray(), one[1].Positions.ToArray());
        Assert.Equal(39, one[0].AtomCount);
        Assert.Equal("entropy_biased", one[0].ConfigType);
    }

    [Fact]
    public void NoAtomsInsideTheRepulsiveCoreAtTheEndOfACycle()
    {
        // A short cycle at the paper's settings; the closest pair must stay where the wall costs less than 100 eV.
        var o = new EntropyGenerationOptions { Steps = 600 };
        var rep = o.Repulsion;
        foreach (var s in EntropyGenerator.Generate(o, 2, 5, threads: 2))
        {
            var nl = NeighborList.Build(s, 3.0);
            double closest = nl.Distances.ToArray().Min();
            Assert.True(rep.PairEnergy(closest) < 100, $"closest pair {closest:F3} Å costs {rep.PairEnergy(closest):F1} eV");
            Assert.True((double)s.Info["entropy"] > 0);
        }
    }

    [Fact]
    public void BadSettingsAreRefusedNamingTheSetting()
    {
        Assert.Contains("Components", Assert.Throws<ArgumentOutOfRangeException>(() => new EntropyGenerationOptions { Components = 40 }.Validate()).Message);
        Assert.Contains("TimeStep", Assert.Throws<ArgumentOutOfRangeException>(() => new EntropyGenerationOptions { TimeStep = 0 }.Validate()).Message);
        Assert.Contains("StartDistance", Assert.Throws<ArgumentException>(() => new EntropyGenerationOptions { AtomCount = 2000 }.Validate()).Message);
    }
}
