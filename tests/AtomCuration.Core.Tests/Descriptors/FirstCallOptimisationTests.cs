using System.Reflection;
using AtomCuration.Descriptors;
using AtomCuration.Descriptors.Bispectrum;

namespace AtomCuration.Tests.Descriptors;

/// <summary>
/// Hot kernels built on hardware vectors (<c>Vector&lt;T&gt;</c>, <c>Vector256</c>) that ReadyToRun cannot precompile must be
/// compiled optimised at their first call: otherwise they run as tier-0 code for as long as the session keeps compiling
/// new methods (tiering waits for a quiet moment), which in the 27-cmdlet cold-start bench made Measure-Diversity's first
/// call 5× and SOAP's 2× slower (bench/RESULTS.md, session 8). The k-means kernels have their own test.
/// </summary>
public class FirstCallOptimisationTests
{
    private const BindingFlags All = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static TheoryData<Type, string> Kernels => new()
    {
        { typeof(AtomCuration.Selection.KMeans).Assembly.GetType("AtomCuration.Selection.VectorMath")!, "SquaredDistance" },
        { typeof(AtomCuration.Selection.KMeans).Assembly.GetType("AtomCuration.Selection.VectorMath")!, "SquaredDistanceBounded" },
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
        Assert.All(methods, m => Assert.True(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{type.Name}.{name}"));
    }
}
