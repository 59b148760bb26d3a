namespace AtomCuration.Potentials.Eam;

/// <summary>Fit settings as a user gives them (Invoke-EamFit's parameters, a recipe's <c>fit</c> section); null means "not given, keep the default".</summary>
public sealed record EamFitParameters
{
    /// <summary>-Form.</summary>
    public EamFitForm? Form { get; init; }
    /// <summary>-Cutoff (Å).</summary>
    public double? Cutoff { get; init; }
    /// <summary>-PairKnots.</summary>
    public int? PairKnots { get; init; }
    /// <summary>-DensityKnots.</summary>
    public int? DensityKnots { get; init; }
    /// <summary>-EmbeddingKnots.</summary>
    public int? EmbeddingKnots { get; init; }
    /// <summary>-InnerRadius (Å).</summary>
    public double? InnerRadius { get; init; }
    /// <summary>-EnergyWeight.</summary>
    public double? EnergyWeight { get; init; }
    /// <summary>-ForceWeight.</summary>
    public double? ForceWeight { get; init; }
    /// <summary>-StressWeight.</summary>
    public double? StressWeight { get; init; }
    /// <summary>-Smoothness.</summary>
    public double? Smoothness { get; init; }
    /// <summary>-WeightKey.</summary>
    public string? WeightKey { get; init; }
    /// <summary>-MaxIterations.</summary>
    public int? MaxIterations { get; init; }
    /// <summary>-Restarts.</summary>
    public int? Restarts { get; init; }
    /// <summary>-Seed.</summary>
    public int? Seed { get; init; }
    /// <summary>-ThrottleLimit.</summary>
    public int? ThrottleLimit { get; init; }
}

/// <summary>Turns user-given fit settings into <see cref="EamFitOptions"/>: every given value over the defaults, then validated.</summary>
public static class EamFitOptionsMapper
{
    /// <summary>Options with every given parameter applied over Core's defaults; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static EamFitOptions Map(EamFitParameters p)
    {
        var d = new EamFitOptions();
        var options = new EamFitOptions
        {
            Form = p.Form ?? d.Form,
            Cutoff = p.Cutoff ?? d.Cutoff,
            PairKnots = p.PairKnots ?? d.PairKnots,
            DensityKnots = p.DensityKnots ?? d.DensityKnots,
            EmbeddingKnots = p.EmbeddingKnots ?? d.EmbeddingKnots,
            InnerRadius = p.InnerRadius ?? d.InnerRadius,
            EnergyWeight = p.EnergyWeight ?? d.EnergyWeight,
            ForceWeight = p.ForceWeight ?? d.ForceWeight,
            StressWeight = p.StressWeight ?? d.StressWeight,
            Smoothness = p.Smoothness ?? d.Smoothness,
            WeightKey = p.WeightKey ?? d.WeightKey,
            MaxIterations = p.MaxIterations ?? d.MaxIterations,
            Restarts = p.Restarts ?? d.Restarts,
            Seed = p.Seed ?? d.Seed,
            ThrottleLimit = p.ThrottleLimit ?? d.ThrottleLimit,
        };
        options.Validate();
        return options;
    }
}
