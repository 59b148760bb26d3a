using System.Collections.Immutable;
using AtomCuration.Potentials.Eam;
using AtomCuration.Structures;
using AtomCuration.Tests.Potentials;

namespace AtomCuration.Tests.Studies;

/// <summary>A small labelled pool for the study tests: strained, displaced Cu fcc cells (some with a vacancy)
/// labelled by the published Zhou–Johnson–Wadley Cu potential, with a two-number descriptor
/// (volume per atom, vacancy flag) and config_type "vacancy"/"bulk".</summary>
internal static class StudyTestData
{
    public static readonly Lazy<EamPotential> Teacher = new(() => ZhouJohnsonWadley.Published("Cu"));

    public static List<Structure> Pool(int count = 40, int seed = 3) =>
        EamFitTestData.FccCells(Teacher.Value, ["Cu"], 3.615, count, seed, 0.12, 0.04).Select(s =>
        {
            bool vacancy = s.AtomCount % 4 != 0;
            return new Structure(s)
            {
                Descriptor = ImmutableArray.Create(s.Cell.Volume / s.AtomCount, vacancy ? 1.0 : 0.0, s.Forces!.Value.Max(f => f.Length)),
                Info = new Dictionary<string, object> { ["config_type"] = vacancy ? "vacancy" : "bulk" },
            };
        }).ToList();

    public static EamFitOptions Fit => new()
    {
        Cutoff = 5.0,
        PairKnots = 6,
        DensityKnots = 5,
        EmbeddingKnots = 3,
        MaxIterations = 12,
    };
}
