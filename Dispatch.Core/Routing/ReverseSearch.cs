namespace Dispatch.Core.Routing;

/// <summary>
/// Dijkstra over the reversed graph from a target: every reached node learns its travel time
/// (and road metres) <i>to</i> the target and its next node on the way. The per-node state is one
/// struct (one cache line touched per relaxed arc) reused between searches; a generation stamp
/// marks which entries belong to the current search, so nothing is cleared. The search stops once
/// every goal node is settled. Nodes are taken from a <see cref="BucketQueue"/>: exact float times,
/// as a heap would give, at a constant cost per node.
/// </summary>
internal sealed class ReverseSearch(RoadGraph graph, BucketPlan buckets)
{
    // 16 bytes a node: times as float (7 significant digits, far inside the 0.1% the peer test allows).
    private struct NodeState
    {
        public float Seconds;
        public float Meters;
        public int Next;
        public int Stamp;
    }

    private readonly NodeState[] _state = new NodeState[graph.NodeCount];
    private readonly int[] _goal = new int[graph.NodeCount];
    private readonly BucketQueue _queue = new(buckets);
    private int _generation;
    private int _goals;

    /// <summary>Nodes taken from the queue in this search: each once when the queue's order is exact.</summary>
    public int Settled { get; private set; }

    public void Start()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_state);
            Array.Clear(_goal);
            _generation = 1;
        }
        _queue.Clear();
        _goals = 0;
        Settled = 0;
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
        ref var s = ref _state[node];
        if (s.Stamp == _generation && seconds >= s.Seconds) return;
        s = new NodeState { Seconds = (float)seconds, Meters = (float)meters, Next = -1, Stamp = _generation };
        _queue.Add(s.Seconds, node);
    }

    public void Run()
    {
        var everything = _goals == 0;
        var generation = _generation;
        var (state, goal) = (_state, _goal);
        var (start, tail, cost, length) = (graph.InStart, graph.InTail, graph.InSeconds, graph.InMeters);
        while (_queue.TryTake(out var u, out var key))
        {
            ref var su = ref state[u];
            if (key > su.Seconds) continue; // stale entry
            Settled++;
            if (goal[u] == generation)
            {
                goal[u] = 0;
                if (--_goals == 0 && !everything) return;
            }
            var meters = su.Meters;
            for (int a = start[u], end = start[u + 1]; a < end; a++)
            {
                var seconds = key + cost[a];
                ref var sv = ref state[tail[a]];
                if (sv.Stamp == generation && seconds >= sv.Seconds) continue;
                sv.Seconds = seconds;
                sv.Meters = meters + length[a];
                sv.Next = u;
                sv.Stamp = generation;
                _queue.Add(seconds, tail[a]);
            }
        }
    }

    /// <summary>Seconds from the node to the target; +infinity when it cannot reach it.</summary>
    public double Seconds(int node) => _state[node].Stamp == _generation ? _state[node].Seconds : double.PositiveInfinity;

    public double Meters(int node) => _state[node].Meters;

    /// <summary>The nodes from <paramref name="node"/> to the seed where the target's segment starts.</summary>
    public void PathFrom(int node, List<int> into)
    {
        for (var n = node; n >= 0; n = _state[n].Next) into.Add(n);
    }
}
