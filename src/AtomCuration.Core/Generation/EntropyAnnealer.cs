using System.Collections.Immutable;
using AtomCuration.Descriptors;
using AtomCuration.Structures;

namespace AtomCuration.Generation;

/// <summary>The effective energy of one configuration (paper 004, Eq. 1): V = E_repulsive − K·S.</summary>
/// <param name="Repulsive">E_repulsive (eV).</param>
/// <param name="Entropy">S of the descriptor distribution.</param>
/// <param name="EntropyWeight">K (eV).</param>
public readonly record struct EffectiveEnergy(double Repulsive, double Entropy, double EntropyWeight)
{
    /// <summary>V = E_repulsive − K·S (eV); E_repulsive alone at K = 0 (where S may not have been computed: NaN).</summary>
    public double Total => EntropyWeight == 0 ? Repulsive : Repulsive - EntropyWeight * Entropy;
}

/// <summary>
/// One annealing cycle of paper 004 (Karabin and Perez 2022): from random positions (at least
/// <see cref="EntropyGenerationOptions.StartDistance"/> apart) and Maxwell–Boltzmann velocities at the start temperature,
/// velocity-Verlet molecular dynamics on V = E_repulsive − K·S with forces F = −∇V, where
/// ∇S = Σ_i Σ_c (∂S/∂q_ic) ∇q_ic runs through the descriptor's analytic gradient of that weighted sum
/// (<see cref="IDifferentiableDescriptor"/>: for the bispectrum one adjoint contraction per neighbour) and the
/// nearest-neighbour minimum is differentiated at its current arg-min; pairs come from a Verlet list with a skin. Over
/// the cycle T falls linearly from the start to the final temperature and K rises linearly from the start to the final
/// weight (both evaluated at the middle of each step); the thermostat holds the current T. The configuration at the end of the cycle is the result. Reuses its buffers: one instance per thread.
/// </summary>
public sealed class EntropyAnnealer
{
    /// <summary>Boltzmann's constant (eV/K).</summary>
    public const double Boltzmann = 8.617333262e-5;

    /// <summary>1 eV/(Å·amu) in Å/ps².</summary>
    public const double AccelerationUnit = 9648.5332;

    private readonly EntropyGenerationOptions _o;
    private readonly IDifferentiableDescriptor _descriptor;
    private readonly SpeciesSet _speciesSet;
    private readonly ImmutableArray<int> _numbers;
    private readonly int[] _species;
    private readonly VerletList _list;
    private readonly double[] _rows, _dSdq, _lambda;
    private readonly Vec3[] _gradient, _positions;

    /// <summary>An annealer for <paramref name="options"/> (validated here).</summary>
    public EntropyAnnealer(EntropyGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _o = options;
        _speciesSet = SpeciesSet.FromSymbols([options.Element]);
        _descriptor = DifferentiableDescriptors.Create(options.Descriptor, _speciesSet, options.Components);
        _numbers = Enumerable.Repeat(Elements.FromSymbol(options.Element).Z, options.AtomCount).ToImmutableArray();
        _species = new int[options.AtomCount];
        double reach = Math.Max(_descriptor.MaxCutoff, options.Repulsion.Cutoff);
        _list = new VerletList(_numbers, options.Cell, new Pbc(true, true, true), reach, options.NeighborSkin);
        _rows = new double[options.AtomCount * _descriptor.ColumnCount];
        _dSdq = new double[_rows.Length];
        _lambda = new double[_rows.Length];
        _gradient = new Vec3[options.AtomCount];
        _positions = new Vec3[options.AtomCount];
    }

    /// <summary>The settings.</summary>
    public EntropyGenerationOptions Options => _o;

    /// <summary>A structure of the generator's element and cell at <paramref name="positions"/>.</summary>
    public Structure StructureAt(ReadOnlySpan<Vec3> positions) =>
        new(_numbers, ImmutableArray.Create(positions.ToArray()), _o.Cell, new Pbc(true, true, true));

    /// <summary>V and its forces −∇V at <paramref name="positions"/> for entropy weight <paramref name="k"/> (eV).</summary>
    public EffectiveEnergy Evaluate(ReadOnlySpan<Vec3> positions, double k, Span<Vec3> forces)
    {
        if (positions.Length != _positions.Length) throw new ArgumentException("Positions do not match the atoms.", nameof(positions));
        positions.CopyTo(_positions);
        return Step(_positions, k, forces, entropy: true);
    }

    /// <summary>
    /// V and −∇V at <paramref name="x"/> (wrapped into the cell, in place, when the neighbour list is searched again). S is
    /// computed only when K ≠ 0 or <paramref name="entropy"/> asks for it (otherwise reported as NaN).
    /// </summary>
    private EffectiveEnergy Step(Span<Vec3> x, double k, Span<Vec3> forces, bool entropy)
    {
        _list.Update(x);
        var pairs = _list.Pairs;
        Array.Clear(_gradient);
        double repulsive = _o.Repulsion.Evaluate(pairs, _gradient);
        int n = x.Length, cols = _descriptor.ColumnCount;
        double s = double.NaN;
        if (k != 0 || entropy)
        {
            _descriptor.ComputeRetained(pairs, _species, _rows);
            s = NearestNeighborEntropy.Compute(_rows, n, cols, _o.Components, k != 0 ? _dSdq : default);
        }
        if (k != 0)
        {
            // ∇V = ∇E_rep − K ∇S, ∇S = Σ_ic (∂S/∂q_ic) ∇q_ic: one weighted descriptor gradient.
            for (int q = 0; q < _lambda.Length; q++) _lambda[q] = -k * _dSdq[q];
            _descriptor.AddWeightedGradient(_lambda, _gradient);
        }
        for (int i = 0; i < n; i++) forces[i] = -_gradient[i];
        return new EffectiveEnergy(repulsive, s, k);
    }

    /// <summary>The descriptor entropy S of a structure of this generator's element (first Components columns).</summary>
    public double EntropyOf(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var rows = new double[structure.AtomCount * _descriptor.ColumnCount];
        _descriptor.ComputeRetained(NeighborList.Build(structure, _descriptor.MaxCutoff).Pairs, _speciesSet.IndicesOf(structure), rows);
        return NearestNeighborEntropy.Compute(rows, structure.AtomCount, _descriptor.ColumnCount, _o.Components, default);
    }

    /// <summary>Random start: positions uniform in the cell, at least StartDistance apart (periodic), from <paramref name="rng"/>.</summary>
    internal Vec3[] RandomPositions(ref SplitMix64 rng)
    {
        var cell = _o.Cell;
        var pos = new Vec3[_o.AtomCount];
        double min2 = _o.StartDistance * _o.StartDistance;
        var pbc = new Pbc(true, true, true);
        for (int i = 0; i < pos.Length; i++)
        {
            for (int attempt = 0; ; attempt++)
            {
                if (attempt > 100_000) throw new InvalidOperationException($"Could not place {pos.Length} atoms {_o.StartDistance} Å apart; lower StartDistance.");
                var p = cell.ToCartesian(new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()));
                bool ok = true;
                for (int j = 0; j < i && ok; j++) ok = MinimumImage(p - pos[j]).LengthSquared >= min2;
                if (!ok) continue;
                pos[i] = cell.Wrap(p, pbc);
                break;
            }
        }
        return pos;
    }

    private Vec3 MinimumImage(Vec3 d)
    {
        var f = _o.Cell.ToFractional(d);
        f = new Vec3(f.X - Math.Round(f.X), f.Y - Math.Round(f.Y), f.Z - Math.Round(f.Z));
        // Reduced fractional difference, then the shortest of its 27 neighbouring images (exact for any cell shape).
        double best = double.PositiveInfinity;
        Vec3 result = d;
        for (int a = -1; a <= 1; a++) for (int b = -1; b <= 1; b++) for (int c = -1; c <= 1; c++)
        {
            var v = _o.Cell.ToCartesian(new Vec3(f.X + a, f.Y + b, f.Z + c));
            if (v.LengthSquared < best) (best, result) = (v.LengthSquared, v);
        }
        return result;
    }

    /// <summary>
    /// Runs one cycle for configuration <paramref name="index"/> of the stream seeded by <paramref name="seed"/>
    /// (its random numbers depend on these two only) and returns the final configuration, with Info entries
    /// config_type, entropy, repulsive_energy, entropy_weight, seed and index. Cancellation is checked every 50 steps.
    /// <paramref name="observer"/>, when given, sees after every step its number, V's parts and the kinetic energy (eV).
    /// </summary>
    public Structure Run(int seed, long index, CancellationToken cancellation = default, Action<int, EffectiveEnergy, double>? observer = null)
    {
        var rng = new SplitMix64(seed, index);
        var x = RandomPositions(ref rng);
        int n = x.Length;
        var v = new Vec3[n];
        var f = new Vec3[n];
        double mass = _o.MassOrDefault, dt = _o.TimeStep, invMass = AccelerationUnit / mass;
        double sigma0 = Math.Sqrt(Boltzmann * _o.StartTemperature / mass * AccelerationUnit);
        for (int i = 0; i < n; i++) v[i] = sigma0 * new Vec3(rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian());
        RemoveDrift(v);
        int steps = _o.Steps;
        double Fraction(double step) => steps == 0 ? 1 : step / steps;
        double TemperatureAt(double t) => _o.StartTemperature + (_o.FinalTemperature - _o.StartTemperature) * t;
        double WeightAt(double t) => _o.StartEntropyWeight + (_o.EntropyWeight - _o.StartEntropyWeight) * t;
        _list.Invalidate();
        bool observed = observer is not null;
        var e = Step(x, WeightAt(0), f, observed);
        for (int step = 0; step < steps; step++)
        {
            if (step % 50 == 0) cancellation.ThrowIfCancellationRequested();
            double t = Fraction(step + 0.5);
            for (int i = 0; i < n; i++)
            {
                v[i] += 0.5 * dt * invMass * f[i];
                x[i] += dt * v[i];
            }
            e = Step(x, WeightAt(Fraction(step + 1)), f, observed);
            for (int i = 0; i < n; i++) v[i] += 0.5 * dt * invMass * f[i];
            Thermostat(v, TemperatureAt(t), mass, ref rng);
            observer?.Invoke(step + 1, e, KineticEnergy(v, mass));
        }
        var pbc = new Pbc(true, true, true);
        for (int i = 0; i < n; i++) x[i] = _o.Cell.Wrap(x[i], pbc);
        var structure = StructureAt(x);
        return new Structure(structure)
        {
            Info = new Dictionary<string, object>
            {
                ["config_type"] = _o.EntropyWeight > 0 ? "entropy_biased" : "entropy_unbiased",
                ["entropy"] = EntropyOf(structure),
                ["repulsive_energy"] = e.Repulsive,
                ["entropy_weight"] = _o.EntropyWeight,
                ["seed"] = seed,
                ["index"] = index,
            },
        };
    }

    private void Thermostat(Vec3[] v, double temperature, double mass, ref SplitMix64 rng)
    {
        double dt = _o.TimeStep;
        switch (_o.Thermostat)
        {
            case Generation.Thermostat.Langevin:
            {
                double c = Math.Exp(-_o.Friction * dt);
                double s = Math.Sqrt((1 - c * c) * Boltzmann * temperature / mass * AccelerationUnit);
                for (int i = 0; i < v.Length; i++) v[i] = c * v[i] + s * new Vec3(rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian());
                break;
            }
            case Generation.Thermostat.Berendsen:
            {
                double kinetic = KineticEnergy(v, mass);
                double current = 2 * kinetic / (3 * v.Length * Boltzmann);
                if (current <= 0) break;
                double lambda = Math.Sqrt(Math.Max(0, 1 + dt * _o.Friction * (temperature / current - 1)));
                for (int i = 0; i < v.Length; i++) v[i] = lambda * v[i];
                break;
            }
        }
    }

    /// <summary>Kinetic energy (eV) of velocities in Å/ps for atoms of <paramref name="mass"/> amu.</summary>
    public static double KineticEnergy(ReadOnlySpan<Vec3> v, double mass)
    {
        double sum = 0;
        foreach (var u in v) sum += u.LengthSquared;
        return 0.5 * mass * sum / AccelerationUnit;
    }

    private static void RemoveDrift(Vec3[] v)
    {
        var mean = Vec3.Zero;
        foreach (var u in v) mean += u;
        mean /= v.Length;
        for (int i = 0; i < v.Length; i++) v[i] -= mean;
    }
}
