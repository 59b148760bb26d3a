namespace AtomCuration.Tests.IO;

/// <summary>Small hand-written files in LAMMPS and n2p2 formats for edge cases and fuzzing.</summary>
internal static class Samples
{
    public static string DumpFrame(long step, string x0 = "0.5") => $"""
        ITEM: TIMESTEP
        {step}
        ITEM: NUMBER OF ATOMS
        3
        ITEM: BOX BOUNDS xy xz yz pp pp pp
        -0.5 6.5 1.0
        0.0 5.0 -0.5
        0.0 4.0 0.0
        ITEM: ATOMS id type x y z fx fy fz
        2 2 1.0 1.0 1.0 -0.1 0.2 0.3
        1 1 {x0} 0.5 0.5 0.1 -0.2 -0.3
        3 1 2.0 2.0 2.0 0.0 0.0 0.0

        """;

    public static string Dump => DumpFrame(0) + DumpFrame(10) + DumpFrame(20) + DumpFrame(30);

    public const string Data = """
        LAMMPS data file

        3 atoms
        2 atom types

        0.0 5.0 xlo xhi
        0.0 5.0 ylo yhi
        0.0 6.0 zlo zhi
        0.5 0.0 -0.5 xy xz yz

        Masses

        1 63.546 # Cu
        2 58.6934

        Atoms # atomic

        2 2 1.0 1.0 1.0 0 0 0
        1 1 0.5 0.5 0.5 0 0 1
        3 1 2.0 2.0 2.0 0 0 0

        Velocities

        1 0 0 0
        2 0 0 0
        3 0 0 0
        """;

    public const string N2p2Block =
        "begin\ncomment ok\nlattice 5 0 0\nlattice 0 5 0\nlattice 0 0 5\natom 0 0 0 Cu 0 0 0.1 0 0\natom 2 2 2 Ni 0 0 -0.1 0 0\nenergy -1.5\ncharge 0\nend\n";
}
