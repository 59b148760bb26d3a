using System.Diagnostics;
using System.IO.Compression;
using AtomCuration.IO;

namespace AtomCuration.Bench;

/// <summary>
/// Extended XYZ import: our reader against <c>ase.io.read(path, ':')</c> on the same ≥100 MB
/// file in the same run (<c>extxyz [MB]</c>), and a streaming pass over a ~1 GB file with the
/// peak working set (<c>extxyz stream [MB]</c>). The files repeat the shared datasets.
/// </summary>
public sealed class ExtXyzBench : IBenchmark
{
    public string Name => "extxyz";
    public string Description => "extxyz import vs ASE on a ≥100 MB file; 'extxyz stream' = 1 GB streaming, peak memory";

    public int Run(string[] args)
    {
        bool stream = args.Length > 0 && args[0] == "stream";
        var sizeArg = args.SkipWhile(a => a == "stream").FirstOrDefault();
        long targetMb = sizeArg is not null ? long.Parse(sizeArg) : stream ? 1024 : 110;
        string path = Path.Combine(Path.GetTempPath(), $"atomcuration-bench-{targetMb}MB.extxyz");
        try
        {
            long bytes = Build(path, targetMb << 20);
            double mb = bytes / 1048576.0;
            Console.WriteLine($"file: {path}, {mb:F1} MB");
            return stream ? Stream(path, mb) : Compare(path, mb);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string DataDir() => BenchPaths.SharedData();

    /// <summary>Concatenates the decompressed shared datasets until the file reaches <paramref name="target"/> bytes.</summary>
    private static long Build(string path, long target)
    {
        var sources = Directory.GetFiles(DataDir(), "*.extxyz.gz").Order().Select(f =>
        {
            using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return ms.ToArray();
        }).ToList();
        using var output = File.Create(path);
        while (output.Length < target)
            foreach (var s in sources) output.Write(s);
        return output.Length;
    }

    private static (int Frames, long Atoms) ReadAll(string path)
    {
        int frames = 0;
        long atoms = 0;
        foreach (var r in StructureIO.Read(path))
        {
            if (r.Error is not null) throw r.Error;
            frames++;
            atoms += r.Structure!.AtomCount;
        }
        return (frames, atoms);
    }

    private static int Compare(string path, double mb)
    {
        ReadAll(Path.Combine(DataDir(), "Ta_FitSNAP_JCP2014.extxyz.gz")); // warm-up (JIT)
        // Wall time and CPU time both: the machine is shared, and CPU time is what contention does not inflate.
        double best = double.MaxValue, bestCpu = double.MaxValue;
        (int Frames, long Atoms) counts = default;
        using var self = Process.GetCurrentProcess();
        for (int r = 0; r < 3; r++)
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            counts = ReadAll(path);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            self.Refresh();
            bestCpu = Math.Min(bestCpu, (self.TotalProcessorTime - cpu0).TotalSeconds);
        }
        Console.WriteLine($"AtomCuration: {counts.Frames} frames, {counts.Atoms} atoms; best of 3: {best:F2} s wall ({bestCpu:F2} s CPU) → " +
                          $"{mb / best:F1} MB/s, {counts.Frames / best:F0} frames/s");

        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"import ase.io, resource; n = len(ase.io.read({Quote(path)}, ':')); " +
                             "u = resource.getrusage(resource.RUSAGE_SELF); print(n, u.ru_utime + u.ru_stime)");
        var swAse = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Trim().Split(' ');
        p.WaitForExit();
        double ase = swAse.Elapsed.TotalSeconds;
        if (p.ExitCode != 0 || output.Length != 2 || output[0] != counts.Frames.ToString())
        {
            Console.WriteLine($"ASE failed or disagreed (exit {p.ExitCode}, output '{string.Join(' ', output)}')");
            return 1;
        }
        double aseCpu = double.Parse(output[1], System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine($"ASE 3.22 ase.io.read(path, ':') (one run, interpreter start and import included): {ase:F2} s wall ({aseCpu:F2} s CPU) → " +
                          $"{mb / ase:F1} MB/s, {counts.Frames / ase:F0} frames/s");
        Console.WriteLine($"ratio: {ase / best:F1}× faster by wall time, {aseCpu / bestCpu:F1}× by CPU time");

        // The pools users import are gzipped: the same file through transparent decompression.
        string gz = path + ".gz";
        try
        {
            using (var input = File.OpenRead(path))
            using (var compressed = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
                input.CopyTo(compressed);
            var swGz = Stopwatch.StartNew();
            var gzCounts = ReadAll(gz);
            double tGz = swGz.Elapsed.TotalSeconds;
            Console.WriteLine($"AtomCuration on the gzipped copy ({new FileInfo(gz).Length / 1048576.0:F1} MB): {tGz:F2} s → " +
                              $"{mb / tGz:F1} MB/s of text, {gzCounts.Frames / tGz:F0} frames/s");
        }
        finally
        {
            File.Delete(gz);
        }
        return 0;
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static int Stream(string path, double mb)
    {
        var sw = Stopwatch.StartNew();
        var (frames, atoms) = ReadAll(path);
        double t = sw.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"streamed {frames} frames, {atoms} atoms in {t:F2} s → {mb / t:F1} MB/s, {frames / t:F0} frames/s");
        Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB; GC heap now {GC.GetTotalMemory(false) / 1048576.0:F0} MB, " +
                          $"largest heap size seen at a GC {gc.HeapSizeBytes / 1048576.0:F0} MB, gen2 collections {GC.CollectionCount(2)}");
        return self.PeakWorkingSet64 < 300L << 20 ? 0 : 1;
    }
}
