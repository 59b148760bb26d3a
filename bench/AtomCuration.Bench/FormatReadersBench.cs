using AtomCuration.Options;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AtomCuration.IO;

namespace AtomCuration.Bench;

/// <summary>
/// Throughput of the OUTCAR, LAMMPS dump, n2p2 and pymatgen-JSON readers on synthetic files
/// built from real samples, side by side with ASE reading the same OUTCAR and dump.
/// </summary>
public sealed class FormatReadersBench : IBenchmark
{
    public string Name => "formats";
    public string Description => "OUTCAR / LAMMPS dump / n2p2 / pymatgen JSON read throughput, with ASE on the same OUTCAR and dump";

    public int Run(string[] args)
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AtomCuration.sln"))) root = Path.GetDirectoryName(root)!;
        string data = Path.Combine(root, "tests", "AtomCuration.Core.Tests", "IO", "Data");
        string tmp = Path.Combine(Path.GetTempPath(), "atomcuration-formats-bench");
        Directory.CreateDirectory(tmp);

        // OUTCAR: the 84-atom NPT sample's three MD steps repeated 40 times after its header.
        string outcar = File.ReadAllText(Path.Combine(data, "OUTCAR_LiPS_npt"));
        int firstStep = outcar.IndexOf("----------------------------------------- Iteration", StringComparison.Ordinal);
        var sb = new StringBuilder(outcar[..firstStep]);
        for (int k = 0; k < 40; k++) sb.Append(outcar, firstStep, outcar.Length - firstStep);
        Measure("OUTCAR", new OutcarReader(), sb.ToString(), tmp, "vasp-out");

        // LAMMPS dump: 4000 atoms × 50 frames, custom style with forces, triclinic box.
        var rng = new Random(1);
        var dump = new StringBuilder();
        for (int f = 0; f < 50; f++)
        {
            dump.Append(CultureInfo.InvariantCulture, $"ITEM: TIMESTEP\n{f * 100}\nITEM: NUMBER OF ATOMS\n4000\n");
            dump.Append("ITEM: BOX BOUNDS xy xz yz pp pp pp\n-1 41 1.5\n0 40 -0.5\n0 40 0.25\nITEM: ATOMS id type x y z fx fy fz\n");
            for (int i = 0; i < 4000; i++)
                dump.Append(CultureInfo.InvariantCulture,
                    $"{i + 1} {1 + i % 2} {rng.NextDouble() * 40:G8} {rng.NextDouble() * 40:G8} {rng.NextDouble() * 40:G8} {rng.NextDouble() - 0.5:G8} {rng.NextDouble() - 0.5:G8} {rng.NextDouble() - 0.5:G8}\n");
        }
        Measure("LAMMPS dump", new LammpsDumpReader(), dump.ToString(), tmp, "lammps-dump-text");

        var n2p2 = new StringBuilder();
        for (int b = 0; b < 2000; b++)
        {
            n2p2.Append("begin\ncomment bench\nlattice 10 0 0\nlattice 0 10 0\nlattice 0 0 10\n");
            for (int i = 0; i < 32; i++)
                n2p2.Append(CultureInfo.InvariantCulture,
                    $"atom {rng.NextDouble() * 10:R} {rng.NextDouble() * 10:R} {rng.NextDouble() * 10:R} Cu 0.0 0.0 {rng.NextDouble() - 0.5:R} {rng.NextDouble() - 0.5:R} {rng.NextDouble() - 0.5:R}\n");
            n2p2.Append("energy -100.0\ncharge 0.0\nend\n");
        }
        Measure("n2p2", new N2p2Reader(), n2p2.ToString(), tmp, null);

        string json = File.ReadAllText(Path.Combine(data, "mlearn_Mo_test_subset.json")).Trim();
        string body = json[1..^1];
        Measure("pymatgen JSON", new PymatgenJsonReader(), "[" + string.Join(", ", Enumerable.Repeat(body, 100)) + "]", tmp, null);
        return 0;
    }

    private static void Measure(string label, IStructureReader reader, string text, string tmp, string? aseFormat)
    {
        Count(reader, text); // warm-up (JIT)
        // Best of 7 wall times, and of the CPU time of those runs (less disturbed by other work on a
        // shared machine); allocation per run is exact.
        double best = double.MaxValue, bestCpu = double.MaxValue;
        long allocated = 0;
        (int frames, long atoms) = (0, 0);
        var process = Process.GetCurrentProcess();
        for (int r = 0; r < 7; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            (frames, atoms) = Count(reader, text);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        double mb = Encoding.UTF8.GetByteCount(text) / 1e6;
        string line = $"{label,-14} {mb,7:F1} MB  {frames,6} frames  {atoms,9:N0} atoms  best of 7: {best * 1e3,8:F1} ms  {mb / best,7:F1} MB/s  {atoms / best / 1e6,6:F2} M atoms/s  CPU {mb / bestCpu,7:F1} MB/s  {allocated / 1e6,7:F1} MB allocated";
        if (aseFormat is not null)
        {
            string path = Path.Combine(tmp, "bench." + aseFormat);
            File.WriteAllText(path, text);
            double ase = AseSeconds(path, aseFormat);
            line += $"  | ASE {ase * 1e3:F0} ms ({ase / best:F0}× slower)";
        }
        Console.WriteLine(line);
    }

    private static (int Frames, long Atoms) Count(IStructureReader reader, string text)
    {
        int frames = 0;
        long atoms = 0;
        foreach (var r in reader.Read(new StringReader(text), "bench", new ReadOptions(), RunContext.Default))
        {
            if (r.Structure is null) throw new InvalidOperationException(r.Error!.Message);
            frames++;
            atoms += r.Structure.AtomCount;
        }
        return (frames, atoms);
    }

    private static double AseSeconds(string path, string format)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"import time, ase.io\nt = time.perf_counter()\nn = len(ase.io.read('{path}', ':', format='{format}'))\nprint(time.perf_counter() - t)");
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
