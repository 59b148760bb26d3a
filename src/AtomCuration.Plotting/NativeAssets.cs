using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AtomCuration.Plotting;

/// <summary>
/// Finds SkiaSharp's and HarfBuzzSharp's native libraries in the <c>runtimes/&lt;rid&gt;/native</c> folder beside this
/// assembly. An application's deps.json tells the runtime where they are; a PowerShell binary module has no
/// deps.json of its own in pwsh's load context, so without this the first drawing call fails with
/// DllNotFoundException ("The type initializer for 'ScottPlot.Fonts' threw an exception").
/// </summary>
public static class NativeAssets
{
    private static int _registered;

    /// <summary>Registers the resolver once per process (further calls do nothing).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) != 0) return;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
        var own = AssemblyLoadContext.GetLoadContext(typeof(NativeAssets).Assembly);
        if (own is not null && own != AssemblyLoadContext.Default) own.ResolvingUnmanagedDll += Resolve;
    }

    /// <summary>The runtime identifiers whose native folders are searched, most specific first.</summary>
    public static IReadOnlyList<string> RuntimeIdentifiers()
    {
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        if (OperatingSystem.IsLinux())
        {
            bool musl = File.Exists("/etc/alpine-release");
            return musl ? [$"linux-musl-{arch}", $"linux-{arch}"] : [$"linux-{arch}"];
        }
        if (OperatingSystem.IsMacOS()) return ["osx", $"osx-{arch}"];
        if (OperatingSystem.IsWindows()) return [$"win-{arch}"];
        return [];
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(name);
        if (stem.StartsWith("lib", StringComparison.Ordinal)) stem = stem[3..];
        if (stem is not ("SkiaSharp" or "HarfBuzzSharp")) return IntPtr.Zero;
        string? dir = System.IO.Path.GetDirectoryName(typeof(NativeAssets).Assembly.Location);
        if (string.IsNullOrEmpty(dir)) return IntPtr.Zero;
        string file = OperatingSystem.IsWindows() ? stem + ".dll" : OperatingSystem.IsMacOS() ? $"lib{stem}.dylib" : $"lib{stem}.so";
        foreach (string rid in RuntimeIdentifiers())
        {
            string path = System.IO.Path.Combine(dir, "runtimes", rid, "native", file);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out IntPtr handle)) return handle;
        }
        string beside = System.IO.Path.Combine(dir, file);
        return File.Exists(beside) && NativeLibrary.TryLoad(beside, out IntPtr h) ? h : IntPtr.Zero;
    }
}
