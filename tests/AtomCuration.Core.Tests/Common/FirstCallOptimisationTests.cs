using System.Reflection;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;
using AtomCuration.Selection;

namespace AtomCuration.Tests.Common;

/// <summary>
/// Hot kernels that ReadyToRun leaves to the JIT (hardware vectors: <c>Vector&lt;T&gt;</c>, <c>Vector256</c>, <c>Vector512</c>) and the
/// loops of long single calls must be compiled optimised at their first call: otherwise they run as tier-0 code for as long as the
/// session keeps compiling new methods (tiering waits for a quiet moment). Measured (bench/RESULTS.md, session 8): 0.3–0.4 s of a
/// 2 s k-means fit on 100,000 × 85; Measure-Diversity's first call 5× and SOAP's 2× slower in the 27-cmdlet cold-start bench.
/// </summary>
public class FirstCallOptimisationTests
{
    private const BindingFlags All = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TheoryData<Type, string> Kernels => new()
    {
        { typeof(AtomCuration.Selection.VectorMath), "SquaredDistance" },
        { typeof(AtomCuration.Selection.VectorMath), "SquaredDistanceBounded" },
        { typeof(KMeansDistance), "Squared" },
        { typeof(KMeansDistance), "Four" },
        { typeof(KMeansDistance), "Squared512" },
        { typeof(KMeansDistance), "Four512" },
        { typeof(KMeansElkan).GetNestedType("Candidates", BindingFlags.NonPublic)!, "Run" },
        { typeof(KMeansElkan).GetNestedType("Candidates", BindingFlags.NonPublic)!, "Visit" },
        { typeof(KMeansElkan).GetNestedType("Candidates", BindingFlags.NonPublic)!, "Settle" },
        { typeof(SoapDescriptor), "Expand" },
        { typeof(SoapDescriptor), "PowerSpectrum" },
        { typeof(SoapDescriptor).GetNestedType("Workspace", BindingFlags.NonPublic)!, "Gather" },
        { typeof(GtoRadial), "Evaluate" },
        { typeof(GtoRadial), "ToBasis" },
        { typeof(PolynomialRadial), "Evaluate" },
        { typeof(RealSolidHarmonics), "Evaluate" },
        { typeof(WignerUGradient), "Compute" },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void IsOptimisedAtItsFirstCall(Type type, string name)
    {
        var methods = type.GetMethods(All).Where(m => m.Name == name).ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, IsOptimised);
    }

    [Fact]
    public void TheKMeansPerChunkLoopsAreOptimisedAtTheirFirstCall()
    {
        // The lambdas of the exact and bounded passes, k-means++ (three), the inertia, Hamerly's assignment and the padding,
        // compiled as <Method>b__… in closure classes.
        string[] methods = ["Exact", "Bounded", "PlusPlus", "Inertia", "Assign", "Pad"];
        var lambdas = typeof(KMeansElkan).GetNestedTypes(BindingFlags.NonPublic).Concat(typeof(KMeans).GetNestedTypes(BindingFlags.NonPublic))
            .SelectMany(t => t.GetMethods(All)).Where(m => methods.Any(l => m.Name.StartsWith($"<{l}>b__", StringComparison.Ordinal))).ToList();
        Assert.True(lambdas.Count >= 8, $"found only {lambdas.Count} lambdas: the names changed");
        Assert.All(lambdas, IsOptimised);
    }

    private static void IsOptimised(MethodInfo m) =>
        Assert.True(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{m.DeclaringType!.Name}.{m.Name}");
}
