namespace Dispatch.Core.Routing;

/// <summary>
/// Dijkstra over the reversed graph from a target: every reached node learns its travel time
/// (and road metres) <i>to</i> the target and its next node on the way. The arrays are reused
/// between searches; a generation stamp marks which entries belong to the current search, so
/// nothing is cleared. The search stops once every goal node is settled.
/// </summary>
internal sealed class ReverseSearch(int nodes)
{
    private readonly double[] _seconds = new double[nodes];
    private readonly double[] _meters = new double[nodes];
    private readonly int[] _next = new int[nodes];
    private readonly int[] _stamp = new int[nodes];
    private readonly int[] _goal = new int[nodes];
    private readonly MinHeap _heap = new();
    private int _generation;
    private int _goals;

    public void Start()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_goal);
            _generation = 1;
        }
        _heap.Clear();
        _goals = 0;
    }

    /// <summary>A node whose time the caller needs; the search ends when all are known.</summary>
    public void AddGoal(int node)
    {
        if (_goal[node] == _generation) return;
        _goal[node] = _generation;
        _goals++;
    }

    /// <summary>A node from which the target is reached at this cost, without further nodes.</summary>
    public void Seed(int node, double seconds, double meters)
    {
        if (_stamp[node] != _generation || seconds < _seconds[node]) Set(node, seconds, meters, -1);
    }

    public void Run(RoadGraph g)
    {
        var everything = _goals == 0;
        while (_heap.Count > 0)
        {
            var (key, u) = _heap.Pop();
            if (key > _seconds[u]) continue; // stale entry
            if (_goal[u] == _generation)
            {
                _goal[u] = 0;
                if (--_goals == 0 && !everything) return;
            }
            var meters = _meters[u];
            for (int a = g.InStart[u], end = g.InStart[u + 1]; a < end; a++)
            {
                var v = g.InTail[a];
                var seconds = key + g.InSeconds[a];
                if (_stamp[v] != _generation || seconds < _seconds[v]) Set(v, seconds, meters + g.SegMeters[g.InSegment[a]], u);
            }
        }
    }

    /// <summary>Seconds from the node to the target; +infinity when it cannot reach it.</summary>
    public double Seconds(int node) => _stamp[node] == _generation ? _seconds[node] : double.PositiveInfinity;

    public double Meters(int node) => _meters[node];

    /// <summary>The nodes from <paramref name="node"/> to the seed where the target's segment starts.</summary>
    public void PathFrom(int node, List<int> into)
    {
        for (var n = node; n >= 0; n = _next[n]) into.Add(n);
    }

    private void Set(int node, double seconds, double meters, int next)
    {
        _stamp[node] = _generation;
        _seconds[node] = seconds;
        _meters[node] = meters;
        _next[node] = next;
        _heap.Push(seconds, node);
    }
}
