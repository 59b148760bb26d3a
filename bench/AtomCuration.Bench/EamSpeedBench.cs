using System.Diagnostics;
using AtomCuration.Potentials.Eam;

namespace AtomCuration.Bench;

/// <summary>Fit speed: 1,800 36-atom hcp Ti cells labelled by Ti_Zhou04.eam.alloy, energies and forces, 5.5 Å cutoff.</summary>
public sealed class EamSpeedBench : IBenchmark
{
    public string Name => "eam-speed";
    public string Description => "spline EAM fit on 1,800 36-atom hcp Ti cells (Ti_Zhou04 labels), 2 threads; args: [count] [threads] [form] [relative tolerance]";

    public int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 1800;
        int threads = args.Length > 1 ? int.Parse(args[1]) : 2;
        var form = args.Length > 2 ? Enum.Parse<EamFitForm>(args[2], true) : EamFitForm.Spline;
        var teacher = EamFileReader.Read(BenchPaths.TiZhou04());
        var clock = Stopwatch.StartNew();
        var cells = EamBenchData.LabelledHcp(teacher, "Ti", 2.95, 4.68, count, seed: 2, displacement: 0.15, strain: 0.04);
        Console.WriteLine($"generated and labelled {cells.Count} cells of {cells[0].AtomCount} atoms in {clock.Elapsed.TotalSeconds:F1} s");
        var options = new EamFitOptions { Form = form, Cutoff = 5.5, Seed = 1 };
        if (args.Length > 3) options = options with { RelativeTolerance = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = EamFitter.Fit(cells, options, new AtomCuration.Options.RunContext { ThrottleLimit = threads });
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(result);
        Console.WriteLine($"threads {threads}: fit {result.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, {result.Iterations} iterations; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"loss history: {string.Join(" ", result.LossHistory.Select(l => l.ToString("G3")))}");
        return 0;
    }
}
