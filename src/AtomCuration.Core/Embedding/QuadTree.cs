namespace AtomCuration.Embedding;

/// <summary>
/// Barnes–Hut quadtree over 2-D points: each node keeps its mass (point count) and centre of
/// mass; a node is summarised when (cell width)² &lt; θ² · (distance to its centre of mass)².
/// Nodes live in one flat array; the tree is rebuilt every t-SNE iteration.
/// </summary>
internal sealed class QuadTree
{
    private const int Leaf = -1, MaxDepth = 50;

    private struct Node
    {
        public double Cx, Cy, Half, Mx, My;
        public int Count, Child, Point;
    }

    private Node[] _nodes;
    private int _used;
    private readonly double[] _y;

    private QuadTree(double[] y, int n)
    {
        _y = y;
        _nodes = new Node[Math.Max(16, 4 * n)];
    }

    public static QuadTree Build(double[] y, int n)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        var t = new QuadTree(y, n);
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-12;
        t.NewNode((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++) t.Insert(i);
        return t;
    }

    private int NewNode(double cx, double cy, double half)
    {
        if (_used == _nodes.Length) Array.Resize(ref _nodes, 2 * _nodes.Length);
        _nodes[_used] = new Node { Cx = cx, Cy = cy, Half = half, Child = Leaf, Point = -1 };
        return _used++;
    }

    private void Insert(int i)
    {
        double px = _y[2 * i], py = _y[2 * i + 1];
        int node = 0;
        for (int depth = 0; ; depth++)
        {
            ref var nd = ref _nodes[node];
            int c = nd.Count;
            nd.Mx = (nd.Mx * c + px) / (c + 1);
            nd.My = (nd.My * c + py) / (c + 1);
            nd.Count = c + 1;
            if (nd.Child == Leaf)
            {
                if (c == 0) { nd.Point = i; return; }
                int old = nd.Point;
                double ox = _y[2 * old], oy = _y[2 * old + 1];
                // Coincident points (or a too-deep tree) share the leaf as a bag.
                if (depth > MaxDepth || (ox == px && oy == py)) return;
                Split(node);
                ref var parent = ref _nodes[node];
                parent.Point = -1;
                ref var oc = ref _nodes[Quadrant(node, ox, oy)];
                oc.Mx = ox; oc.My = oy; oc.Count = 1; oc.Point = old;
            }
            node = Quadrant(node, px, py);
        }
    }

    private void Split(int node)
    {
        double h = _nodes[node].Half / 2, cx = _nodes[node].Cx, cy = _nodes[node].Cy;
        int first = NewNode(cx - h, cy - h, h);
        NewNode(cx + h, cy - h, h);
        NewNode(cx - h, cy + h, h);
        NewNode(cx + h, cy + h, h);
        _nodes[node].Child = first;
    }

    private int Quadrant(int node, double px, double py)
    {
        ref var nd = ref _nodes[node];
        return nd.Child + (px > nd.Cx ? 1 : 0) + (py > nd.Cy ? 2 : 0);
    }

    /// <summary>Adds Σ_j q²_ij (y_i − y_j) (q = 1/(1 + d²), unnormalised) to (fx, fy) and returns Σ_j q_ij (j ≠ i).</summary>
    public double Repulsion(double px, double py, double theta2, ref double fx, ref double fy)
    {
        double z = 0;
        Span<int> stack = stackalloc int[4 * MaxDepth + 16];
        int top = 0;
        stack[top++] = 0;
        var nodes = _nodes;
        while (top > 0)
        {
            ref var nd = ref nodes[stack[--top]];
            int count = nd.Count;
            if (count == 0) continue;
            double dx = px - nd.Mx, dy = py - nd.My, d2 = dx * dx + dy * dy;
            double width = 2 * nd.Half;
            if (nd.Child == Leaf || width * width < theta2 * d2)
            {
                if (d2 == 0) { count--; if (count == 0) continue; } // the point itself (or its duplicates)
                double q = 1 / (1 + d2);
                z += count * q;
                fx += count * q * q * dx;
                fy += count * q * q * dy;
                continue;
            }
            for (int c = 0; c < 4; c++) stack[top++] = nd.Child + c;
        }
        return z;
    }
}
