using System.Diagnostics;
using AtomCuration.Selection;
using AtomCuration.Structures;

namespace AtomCuration.Bench;

/// <summary>Synthetic data and the scikit-learn side-by-side runner shared by the selection benchmarks.</summary>
internal static class SelectionBenchData
{
    public static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>n × d rows drawn around <paramref name="centers"/> random centres in ±10, Gaussian with standard deviation <paramref name="spread"/>.</summary>
    public static FeatureMatrix Blobs(int n, int d, int centers, int seed, double spread = 3)
    {
        var rng = new Random(seed);
        var c = new double[centers * d];
        for (int i = 0; i < c.Length; i++) c[i] = 20 * rng.NextDouble() - 10;
        var v = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int k = rng.Next(centers);
            for (int a = 0; a < d; a++) v[i * d + a] = c[k * d + a] + spread * Gauss(rng);
        }
        return Matrices.Create(n, d, v);
    }

    /// <summary>n × d rows that are a random linear image of uniform points in <paramref name="latent"/> dimensions.</summary>
    public static FeatureMatrix LowDimensional(int n, int d, int latent, int seed)
    {
        var rng = new Random(seed);
        var map = new double[latent * d];
        for (int i = 0; i < map.Length; i++) map[i] = Gauss(rng);
        var v = new double[n * d];
        var z = new double[latent];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < latent; a++) z[a] = rng.NextDouble();
            for (int a = 0; a < latent; a++)
                for (int c = 0; c < d; c++) v[i * d + c] += z[a] * map[a * d + c];
        }
        return Matrices.Create(n, d, v);
    }

    /// <summary>Writes the matrix as raw little-endian doubles for the Python side.</summary>
    public static string Dump(FeatureMatrix x)
    {
        var path = Path.Combine(Path.GetTempPath(), $"atomcuration-bench-{Environment.ProcessId}.f64");
        using var f = File.Create(path);
        f.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.Values));
        return path;
    }

    /// <summary>Runs bench/AtomCuration.Bench/selection_sklearn.py; prints its output (or why it could not run).</summary>
    public static void SideBySide(params string[] args)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AtomCuration.sln"))) dir = dir.Parent;
        if (dir is null) { Console.WriteLine("scikit-learn side not run: repository root not found"); return; }
        var script = Path.Combine(dir.FullName, "bench", "AtomCuration.Bench", "selection_sklearn.py");
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Console.Write(output);
            if (p.ExitCode != 0) Console.WriteLine($"scikit-learn side failed: {err.Trim().Split('\n').LastOrDefault()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"scikit-learn side not run: {e.Message}");
        }
    }

    /// <summary>Wall-clock seconds of <paramref name="a"/>; also prints the process CPU seconds it used (the machine may be shared).</summary>
    public static double Time(Action a)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        a();
        double wall = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  (wall {wall:F2} s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, load average {LoadAverage()})");
        return wall;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
