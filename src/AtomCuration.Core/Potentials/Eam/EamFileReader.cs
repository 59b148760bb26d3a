using System.IO.Compression;
using AtomCuration.Structures;

namespace AtomCuration.Potentials.Eam;

/// <summary>
/// Reads DYNAMO tabulated EAM files into an <see cref="EamPotential"/> whose functions are
/// <see cref="TabulatedFunction"/>s interpolated as LAMMPS interpolates them.
/// <list type="bullet">
/// <item>setfl (eam/alloy): 3 comment lines; "N el₁ … el_N"; "N_ρ Δρ N_r Δr cutoff"; per element
/// "Z mass a lattice", F(ρ) (N_ρ values), ρ(r) (N_r values); then r·φ_ab(r) for a ≥ b by rows.</item>
/// <item>eam/fs: as setfl, but each element block holds N density functions after F; block a,
/// function b is the density an atom of species a contributes at a host of species b.</item>
/// <item>funcfl (eam): 1 comment line; "Z mass a lattice"; "N_ρ Δρ N_r Δr cutoff"; F(ρ), Z(r), ρ(r).
/// Like LAMMPS, the pair term is φ(r) = 27.2·0.529·Z(r)²/r (Hartree·Bohr → eV·Å), and the
/// tables are regridded to N−1 points with LAMMPS's four-point Lagrange rule (identical values
/// on the same grid; the end-slope estimates then use the shorter table, as LAMMPS's do).</item>
/// </list>
/// </summary>
public static class EamFileReader
{
    /// <summary>Hartree·Bohr in eV·Å as LAMMPS writes it for funcfl files.</summary>
    public const double HartreeBohr = 27.2 * 0.529;

    /// <summary>Reads a file; the format comes from the name unless given. A .gz suffix is decompressed.</summary>
    /// <exception cref="EamFileException">The file is malformed.</exception>
    public static EamPotential Read(string path, EamFileFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Read(reader, format ?? EamFileFormats.FromPath(path), path);
    }

    /// <summary>Reads from a text reader.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="format">Which layout.</param>
    /// <param name="name">Name used in error messages.</param>
    public static EamPotential Read(TextReader reader, EamFileFormat format, string name = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tokens = new EamTokenReader(reader, name);
        return format == EamFileFormat.Funcfl ? ReadFuncfl(tokens) : ReadSetfl(tokens, format == EamFileFormat.FinnisSinclair);
    }

    private static EamPotential ReadSetfl(EamTokenReader t, bool finnisSinclair)
    {
        for (int k = 0; k < 3; k++) t.ReadLine("a comment line");
        var head = t.ReadLineTokens("the element count and symbols", 2);
        int n = t.ParseInt(head[0], "the element count");
        if (n < 1 || head.Length < n + 1) throw t.Error($"expected {n} element symbols after the count");
        var grid = ReadGrid(t);
        var elements = new EamElement[n];
        var embedding = new IRadialFunction[n];
        var density = new IRadialFunction[n, n];
        for (int a = 0; a < n; a++)
        {
            elements[a] = ReadElementLine(t, head[a + 1]);
            embedding[a] = new TabulatedFunction(t.ReadDoubles(grid.NRho, $"F(ρ) of {head[a + 1]}"), grid.DRho, (grid.NRho - 1) * grid.DRho);
            if (finnisSinclair)
                for (int host = 0; host < n; host++)
                    density[host, a] = new TabulatedFunction(t.ReadDoubles(grid.NR, $"ρ(r) of {head[a + 1]}"), grid.DR);
            else
            {
                var rho = new TabulatedFunction(t.ReadDoubles(grid.NR, $"ρ(r) of {head[a + 1]}"), grid.DR);
                for (int host = 0; host < n; host++) density[host, a] = rho;
            }
        }
        var pair = new IRadialFunction[n * (n + 1) / 2];
        for (int a = 0; a < n; a++)
            for (int b = 0; b <= a; b++)
                pair[EamPotential.PairIndex(a, b)] = new PairFromRTimesPhi(
                    new TabulatedFunction(t.ReadDoubles(grid.NR, $"r·φ(r) of {head[a + 1]}-{head[b + 1]}"), grid.DR));
        if (finnisSinclair) return EamPotential.FinnisSinclair(elements, grid.Cutoff, embedding, density, pair);
        return EamPotential.Alloy(elements, grid.Cutoff, embedding, Enumerable.Range(0, n).Select(a => density[0, a]).ToArray(), pair);
    }

    private static EamPotential ReadFuncfl(EamTokenReader t)
    {
        t.ReadLine("a comment line");
        var elementLine = t.ReadLineTokens("Z, mass, lattice constant, lattice", 2);
        int z = t.ParseInt(elementLine[0], "the atomic number");
        if (z is < 1 or > Elements.MaxZ) throw t.Error($"atomic number {z} is outside 1…{Elements.MaxZ}");
        var element = new EamElement(Elements.FromZ(z).Symbol, z, t.ParseDouble(elementLine[1], "the mass"),
            elementLine.Length > 2 ? t.ParseDouble(elementLine[2], "the lattice constant") : 0.0,
            elementLine.Length > 3 ? elementLine[3] : "");
        var grid = ReadGrid(t);
        var f = t.ReadDoubles(grid.NRho, "F(ρ)");
        var zr = t.ReadDoubles(grid.NR, "Z(r)");
        var rho = t.ReadDoubles(grid.NR, "ρ(r)");
        // LAMMPS puts every funcfl file on one grid of round((N−1)Δ/Δ) points.
        int nRho = (int)((grid.NRho - 1) * grid.DRho / grid.DRho + 0.5);
        int nR = (int)((grid.NR - 1) * grid.DR / grid.DR + 0.5);
        var fGrid = LagrangeRegrid(f, grid.DRho, nRho, grid.DRho);
        var zGrid = LagrangeRegrid(zr, grid.DR, nR, grid.DR);
        var rhoGrid = LagrangeRegrid(rho, grid.DR, nR, grid.DR);
        var z2r = new double[nR];
        for (int m = 0; m < nR; m++) z2r[m] = HartreeBohr * zGrid[m] * zGrid[m];
        return EamPotential.Alloy([element], grid.Cutoff,
            [new TabulatedFunction(fGrid, grid.DRho, (grid.NRho - 1) * grid.DRho)],
            [new TabulatedFunction(rhoGrid, grid.DR)],
            [new PairFromRTimesPhi(new TabulatedFunction(z2r, grid.DR))]);
    }

    /// <summary>
    /// Values at x = (m)·newStep, m = 0…count−1, by four-point Lagrange interpolation of a table
    /// with spacing <paramref name="step"/> (the stencil clamped inside the table, as LAMMPS clamps it).
    /// </summary>
    private static double[] LagrangeRegrid(double[] f, double step, int count, double newStep)
    {
        const double sixth = 1.0 / 6.0;
        int n = f.Length;
        var result = new double[count];
        for (int m = 0; m < count; m++)
        {
            double p = m * newStep / step + 1.0; // 1-based position
            int k = (int)p;
            k = Math.Max(Math.Min(k, n - 2), 2);
            p -= k;
            p = Math.Min(p, 2.0);
            double c1 = -sixth * p * (p - 1.0) * (p - 2.0);
            double c2 = 0.5 * (p * p - 1.0) * (p - 2.0);
            double c3 = -0.5 * p * (p + 1.0) * (p - 2.0);
            double c4 = sixth * p * (p * p - 1.0);
            result[m] = c1 * f[k - 2] + c2 * f[k - 1] + c3 * f[k] + c4 * f[k + 1];
        }
        return result;
    }

    private readonly record struct Grid(int NRho, double DRho, int NR, double DR, double Cutoff);

    private static Grid ReadGrid(EamTokenReader t)
    {
        var g = t.ReadLineTokens("Nrho drho Nr dr cutoff", 5);
        var grid = new Grid(t.ParseInt(g[0], "Nrho"), t.ParseDouble(g[1], "drho"), t.ParseInt(g[2], "Nr"),
            t.ParseDouble(g[3], "dr"), t.ParseDouble(g[4], "cutoff"));
        if (grid.NRho < 5 || grid.NR < 5) throw t.Error("tables need at least 5 points");
        if (!(grid.DRho > 0) || !(grid.DR > 0) || !(grid.Cutoff > 0)) throw t.Error("spacings and cutoff must be positive");
        return grid;
    }

    private static EamElement ReadElementLine(EamTokenReader t, string symbol)
    {
        var tokens = t.ReadLineTokens($"Z, mass, lattice constant, lattice of {symbol}", 2);
        int z = t.ParseInt(tokens[0], "the atomic number");
        if (Elements.TryFromSymbol(symbol, out var known)) z = known.Z;
        else if (z is < 1 or > Elements.MaxZ) throw t.Error($"'{symbol}' is not an element and Z = {z} is outside 1…{Elements.MaxZ}");
        return new EamElement(Elements.FromZ(z).Symbol, z, t.ParseDouble(tokens[1], "the mass"),
            tokens.Length > 2 ? t.ParseDouble(tokens[2], "the lattice constant") : 0.0, tokens.Length > 3 ? tokens[3] : "");
    }
}
