namespace AtomCuration.Structures;

/// <summary>Periodicity of a cell along each of its three lattice vectors.</summary>
public readonly record struct Pbc(bool A, bool B, bool C)
{
    /// <summary>Periodic along all three vectors (bulk).</summary>
    public static Pbc All => new(true, true, true);

    /// <summary>Not periodic at all (a molecule or cluster).</summary>
    public static Pbc None => new(false, false, false);

    /// <summary>Periodicity along lattice vector 0, 1 or 2.</summary>
    public bool this[int axis] => axis switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "Axis must be 0, 1 or 2."),
    };

    /// <summary>True when any axis is periodic.</summary>
    public bool Any => A || B || C;

    /// <summary>ASE/extxyz spelling, e.g. <c>T T F</c>.</summary>
    public override string ToString() => $"{(A ? 'T' : 'F')} {(B ? 'T' : 'F')} {(C ? 'T' : 'F')}";
}
