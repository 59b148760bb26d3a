using System.Diagnostics;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.Bench;

/// <summary>Cost of one fit-objective evaluation (loss only, and with JᵀJ/Jᵀr) on hcp Ti cells.</summary>
public sealed class EamObjectiveBench : IBenchmark
{
    public string Name => "eam-objective";
    public string Description => "time of one EAM fit objective evaluation with and without the Jacobian; args: [count] [threads]";

    public int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 600;
        int threads = args.Length > 1 ? int.Parse(args[1]) : 1;
        var teacher = EamFileReader.Read(BenchPaths.TiZhou04());
        var cells = EamBenchData.LabelledHcp(teacher, "Ti", 2.95, 4.68, count, seed: 2, displacement: 0.15, strain: 0.04);
        var options = new EamFitOptions { Cutoff = 5.5 };
        var clock = Stopwatch.StartNew();
        var data = EamTrainingSet.Create(cells, options, threads, default);
        Console.WriteLine($"prepare {clock.Elapsed.TotalMilliseconds:F0} ms, pairs {data.Items.Sum(i => i.R.Length):N0}");
        clock.Restart();
        var (model, theta) = EamSplineStart.Create(data, options, threads);
        Console.WriteLine($"start {clock.Elapsed.TotalMilliseconds:F0} ms, parameters {model.ParameterCount}");
        var objective = new EamFitObjective(model, data, options, threads);
        var jtj = new double[model.ParameterCount * model.ParameterCount];
        var jtr = new double[model.ParameterCount];
        for (int rep = 0; rep < 3; rep++)
        {
            clock.Restart();
            objective.Evaluate(theta, null, null, default);
            double loss = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            objective.Evaluate(theta, jtj, jtr, default);
            Console.WriteLine($"loss only {loss:F0} ms, with Jacobian {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
        return 0;
    }
}
