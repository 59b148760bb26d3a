namespace AtomCuration.Embedding;

/// <summary>
/// Barnes–Hut quadtree over 2-D points: each node keeps its mass (point count) and centre of
/// mass; a node is summarised when (cell width)² &lt; θ² · (distance to its centre of mass)².
/// Stored as flat arrays; built once per t-SNE iteration.
/// </summary>
internal sealed class QuadTree
{
    private const int Leaf = -1;
    private readonly List<double> _cx = [], _cy = [], _half = [], _mx = [], _my = [];
    private readonly List<int> _count = [], _child = [], _point = [];
    private readonly double[] _y;

    private QuadTree(double[] y) => _y = y;

    public static QuadTree Build(double[] y, int n)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            minX = Math.Min(minX, y[2 * i]); maxX = Math.Max(maxX, y[2 * i]);
            minY = Math.Min(minY, y[2 * i + 1]); maxY = Math.Max(maxY, y[2 * i + 1]);
        }
        var t = new QuadTree(y);
        double half = Math.Max(maxX - minX, maxY - minY) / 2 * (1 + 1e-9) + 1e-12;
        t.NewNode((minX + maxX) / 2, (minY + maxY) / 2, half);
        for (int i = 0; i < n; i++) t.Insert(0, i, 0);
        return t;
    }

    private int NewNode(double cx, double cy, double half)
    {
        _cx.Add(cx); _cy.Add(cy); _half.Add(half); _mx.Add(0); _my.Add(0);
        _count.Add(0); _child.Add(Leaf); _point.Add(-1);
        return _cx.Count - 1;
    }

    private void Insert(int node, int i, int depth)
    {
        double px = _y[2 * i], py = _y[2 * i + 1];
        while (true)
        {
            int c = _count[node];
            _mx[node] = (_mx[node] * c + px) / (c + 1);
            _my[node] = (_my[node] * c + py) / (c + 1);
            _count[node] = c + 1;
            if (_child[node] == Leaf)
            {
                if (c == 0) { _point[node] = i; return; }
                int old = _point[node];
                // Coincident points (or a too-deep tree) share the leaf as a bag.
                if (depth > 50 || (_y[2 * old] == px && _y[2 * old + 1] == py)) return;
                Split(node);
                _point[node] = -1;
                int oc = Quadrant(node, _y[2 * old], _y[2 * old + 1]);
                _mx[oc] = _y[2 * old]; _my[oc] = _y[2 * old + 1]; _count[oc] = 1; _point[oc] = old;
            }
            node = Quadrant(node, px, py);
            depth++;
        }
    }

    private void Split(int node)
    {
        double h = _half[node] / 2;
        int first = NewNode(_cx[node] - h, _cy[node] - h, h);
        NewNode(_cx[node] + h, _cy[node] - h, h);
        NewNode(_cx[node] - h, _cy[node] + h, h);
        NewNode(_cx[node] + h, _cy[node] + h, h);
        _child[node] = first;
    }

    private int Quadrant(int node, double px, double py) =>
        _child[node] + (px > _cx[node] ? 1 : 0) + (py > _cy[node] ? 2 : 0);

    /// <summary>Adds Σ_j q²_ij (y_i − y_j) (q = 1/(1 + d²), unnormalised) to (fx, fy) and returns Σ_j q_ij (j ≠ i).</summary>
    public double Repulsion(double px, double py, double theta2, ref double fx, ref double fy)
    {
        double z = 0;
        Span<int> stack = stackalloc int[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            int count = _count[node];
            if (count == 0) continue;
            double dx = px - _mx[node], dy = py - _my[node], d2 = dx * dx + dy * dy;
            double width = 2 * _half[node];
            if (_child[node] == Leaf || width * width < theta2 * d2)
            {
                if (d2 == 0) { count--; if (count == 0) continue; } // the point itself (or its duplicates)
                double q = 1 / (1 + d2);
                z += count * q;
                fx += count * q * q * dx;
                fy += count * q * q * dy;
                continue;
            }
            for (int c = 0; c < 4; c++) stack[top++] = _child[node] + c;
        }
        return z;
    }
}
