using System.Runtime.CompilerServices;
using AtomCuration.Structures;

namespace AtomCuration.Geometry;

/// <summary>
/// A convex polyhedron around the origin, cut down plane by plane: the Voronoi cell of a site
/// is what remains of a large cube after clipping it with the bisector half-space
/// {x : D·x ≤ |D|²/2} of every neighbour vector D. Faces are cyclic vertex lists tagged with
/// the label of the plane that made them (the cube's own faces carry label −1).
/// </summary>
/// <remarks>
/// Degenerate geometry (fcc, bcc, hcp: several bisector planes through one vertex) is decided
/// with one absolute tolerance <see cref="PlaneTolerance"/>: a vertex within it of a plane
/// counts as on the plane, is kept, and joins the new face; a plane that only touches the
/// cell (fewer than three points on it) makes no face. The result is deterministic for a
/// given input order. One instance is reused for many cells (no allocation once warm);
/// it is not thread-safe.
/// </remarks>
internal sealed class ConvexCellClipper
{
    /// <summary>Distance (Å) within which a vertex is taken to lie on a clipping plane.</summary>
    public const double PlaneTolerance = 1e-10;

    private Vec3[] _verts = new Vec3[64];
    private Vec3[] _vertsNext = new Vec3[64];
    private int _vertCount;

    // Faces: labels, start offsets into _faceVerts, vertex counts.
    private int[] _faceLabel = new int[32];
    private int[] _faceStart = new int[32];
    private int[] _faceCount = new int[32];
    private int[] _faceVerts = new int[256];
    private int _faces;

    private int[] _faceLabelNext = new int[32];
    private int[] _faceStartNext = new int[32];
    private int[] _faceCountNext = new int[32];
    private int[] _faceVertsNext = new int[256];

    private double[] _side = new double[64];
    private int[] _remap = new int[64];
    private int[] _newFace = new int[64];
    private double[] _angles = new double[64];
    // The edge (a, b) each new vertex _newFace[c] was cut from, for c below the cut count: an edge is met by both of
    // its faces, and a plane cuts a few edges only, so a linear search beats a hash map.
    private long[] _cutEdge = new long[64];

    /// <summary>Number of faces.</summary>
    public int FaceCount => _faces;

    /// <summary>Label of face f (−1 for a face of the initial cube).</summary>
    public int FaceLabel(int f) => _faceLabel[f];

    /// <summary>Vertex indices of face f, in cyclic order.</summary>
    public ReadOnlySpan<int> FaceVertices(int f) => _faceVerts.AsSpan(_faceStart[f], _faceCount[f]);

    /// <summary>All vertices.</summary>
    public ReadOnlySpan<Vec3> Vertices => _verts.AsSpan(0, _vertCount);

    /// <summary>Largest squared distance of a vertex from the origin (Å²).</summary>
    public double MaxVertexDistanceSquared()
    {
        double m = 0;
        for (int v = 0; v < _vertCount; v++) m = Math.Max(m, _verts[v].LengthSquared);
        return m;
    }

    /// <summary>Starts from the cube [−h, h]³.</summary>
    public void Reset(double h)
    {
        _vertCount = 0;
        for (int k = 0; k < 8; k++)
            _verts[_vertCount++] = new Vec3((k & 1) == 0 ? -h : h, (k & 2) == 0 ? -h : h, (k & 4) == 0 ? -h : h);
        _faces = 0;
        int used = 0;
        // Corner k has bits (x, y, z); each cube face is a 4-cycle of corners.
        ReadOnlySpan<int> cube = [0, 2, 6, 4, 1, 5, 7, 3, 0, 4, 5, 1, 2, 3, 7, 6, 0, 1, 3, 2, 4, 6, 7, 5];
        for (int f = 0; f < 6; f++)
        {
            _faceLabel[f] = -1;
            _faceStart[f] = used;
            _faceCount[f] = 4;
            for (int k = 0; k < 4; k++) _faceVerts[used++] = cube[4 * f + k];
            _faces++;
        }
    }

    /// <summary>
    /// Keeps the part of the polyhedron with n·x ≤ offset, where n is the neighbour vector
    /// (not normalised) and offset = |n|²/2. Returns true when the plane removed a vertex.
    /// </summary>
    // Fully optimised at first call (here and on the other hot loops of this file): a fresh pwsh fingerprinting
    // a pool otherwise runs them at tier 0 and through tiering for seconds, as long as the steady-state work.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Clip(Vec3 n, double offset, int label)
    {
        double norm = n.Length;
        double tol = PlaneTolerance * norm;
        EnsureVertexScratch(_vertCount);
        bool anyOut = false;
        for (int v = 0; v < _vertCount; v++)
        {
            double s = Vec3.Dot(n, _verts[v]) - offset;
            _side[v] = s;
            if (s > tol) anyOut = true;
        }
        if (!anyOut) return false;

        int newVerts = 0;
        for (int v = 0; v < _vertCount; v++)
        {
            if (_side[v] <= tol)
            {
                _remap[v] = newVerts;
                _vertsNext[newVerts++] = _verts[v];
            }
            else _remap[v] = -1;
        }

        int newFaceCount = 0;
        int faces = 0, used = 0;
        for (int f = 0; f < _faces; f++)
        {
            int start = _faceStart[f], count = _faceCount[f];
            EnsureFaceScratch(faces + 2, used + 2 * count + 2);
            int begin = used;
            for (int e = 0; e < count; e++)
            {
                int a = _faceVerts[start + e];
                int b = _faceVerts[start + (e + 1 == count ? 0 : e + 1)];
                double sa = _side[a], sb = _side[b];
                if (sa <= tol) _faceVertsNext[used++] = _remap[a];
                if ((sa < -tol && sb > tol) || (sa > tol && sb < -tol))
                {
                    long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                    int seen = 0;
                    while (seen < newFaceCount && _cutEdge[seen] != key) seen++;
                    int cut;
                    if (seen < newFaceCount) cut = _newFace[seen];
                    else
                    {
                        double t = sa / (sa - sb);
                        var pa = _verts[a];
                        EnsureNextVertexCapacity(newVerts + 1);
                        cut = newVerts;
                        _vertsNext[newVerts++] = pa + t * (_verts[b] - pa);
                        if (newFaceCount == _newFace.Length) Array.Resize(ref _newFace, 2 * _newFace.Length);
                        if (newFaceCount == _cutEdge.Length) Array.Resize(ref _cutEdge, 2 * _cutEdge.Length);
                        _cutEdge[newFaceCount] = key;
                        _newFace[newFaceCount++] = cut;
                    }
                    _faceVertsNext[used++] = cut;
                }
            }
            if (used - begin >= 3)
            {
                _faceLabelNext[faces] = _faceLabel[f];
                _faceStartNext[faces] = begin;
                _faceCountNext[faces] = used - begin;
                faces++;
            }
            else used = begin;
        }
        // Vertices lying on the plane belong to the new face too.
        for (int v = 0; v < _vertCount; v++)
        {
            if (Math.Abs(_side[v]) > tol) continue;
            if (newFaceCount == _newFace.Length) Array.Resize(ref _newFace, 2 * _newFace.Length);
            _newFace[newFaceCount++] = _remap[v];
        }
        if (newFaceCount >= 3)
        {
            EnsureFaceScratch(faces + 1, used + newFaceCount);
            OrderAround(n, _newFace.AsSpan(0, newFaceCount));
            _faceLabelNext[faces] = label;
            _faceStartNext[faces] = used;
            _faceCountNext[faces] = newFaceCount;
            for (int k = 0; k < newFaceCount; k++) _faceVertsNext[used + k] = _newFace[k];
            faces++;
        }

        (_verts, _vertsNext) = (_vertsNext, _verts);
        _vertCount = newVerts;
        (_faceLabel, _faceLabelNext) = (_faceLabelNext, _faceLabel);
        (_faceStart, _faceStartNext) = (_faceStartNext, _faceStart);
        (_faceCount, _faceCountNext) = (_faceCountNext, _faceCount);
        (_faceVerts, _faceVertsNext) = (_faceVertsNext, _faceVerts);
        _faces = faces;
        return true;
    }

    /// <summary>Sorts the vertices of a convex planar polygon by angle about its centroid (plane normal n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OrderAround(Vec3 n, Span<int> ids)
    {
        var c = Vec3.Zero;
        foreach (int id in ids) c += _vertsNext[id];
        c /= ids.Length;
        // In-plane basis: u from the centroid to the farthest point, w = n × u.
        Vec3 u = default;
        double best = -1;
        foreach (int id in ids)
        {
            var d = _vertsNext[id] - c;
            double l = d.LengthSquared;
            if (l > best) { best = l; u = d; }
        }
        var w = Vec3.Cross(n, u);
        double nLength = n.Length;
        if (_angles.Length < ids.Length) _angles = new double[2 * ids.Length];
        for (int k = 0; k < ids.Length; k++)
        {
            var d = _vertsNext[ids[k]] - c;
            _angles[k] = PseudoAngle(Vec3.Dot(d, w), Vec3.Dot(d, u) * nLength); // both scaled by |n||u|
        }
        _angles.AsSpan(0, ids.Length).Sort(ids);
    }

    /// <summary>
    /// A strictly increasing function of atan2(y, x) with the same range cut (−π, π] mapped to (−2, 2]: the "diamond
    /// angle", the position of (x, y)/(|x| + |y|) along the unit diamond. Sorting by it gives atan2's order (so the same
    /// first vertex of every face) without a transcendental call.
    /// </summary>
    internal static double PseudoAngle(double y, double x)
    {
        double l1 = Math.Abs(x) + Math.Abs(y);
        if (l1 == 0) return 0;
        double c = x / l1; // cos-like, from 1 at angle 0 to −1 at ±π
        return double.IsNegative(y) ? c - 1 : 1 - c; // −0 goes with the negative side, as atan2(−0, x < 0) = −π
    }

    private void EnsureVertexScratch(int n)
    {
        if (_side.Length < n) _side = new double[2 * n];
        if (_remap.Length < n) _remap = new int[2 * n];
        EnsureNextVertexCapacity(n);
    }

    private void EnsureNextVertexCapacity(int n)
    {
        if (_vertsNext.Length < n) Array.Resize(ref _vertsNext, Math.Max(2 * _vertsNext.Length, n));
    }

    private void EnsureFaceScratch(int faces, int faceVerts)
    {
        if (_faceLabelNext.Length < faces)
        {
            int size = Math.Max(2 * _faceLabelNext.Length, faces);
            Array.Resize(ref _faceLabelNext, size);
            Array.Resize(ref _faceStartNext, size);
            Array.Resize(ref _faceCountNext, size);
        }
        if (_faceVertsNext.Length < faceVerts) Array.Resize(ref _faceVertsNext, Math.Max(2 * _faceVertsNext.Length, faceVerts));
    }
}
