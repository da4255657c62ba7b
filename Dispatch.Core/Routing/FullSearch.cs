namespace Dispatch.Core.Routing;

/// <summary>
/// Dijkstra to every node (no goals, no paths) over any compressed-sparse-row arcs: the graph's
/// forward arcs give times from a place, its reversed arcs times to a place. Float times as in
/// <see cref="ReverseSearch"/>, so answers agree with the routes within float rounding.
/// </summary>
internal static class FullSearch
{
    /// <summary>Seconds from the seeds to each node (+infinity when unreached).</summary>
    public static float[] Run(int nodes, int[] start, int[] adjacent, float[] cost, ReadOnlySpan<(int Node, double Seconds)> seeds)
    {
        var seconds = new float[nodes];
        Array.Fill(seconds, float.PositiveInfinity);
        var heap = new MinHeap();
        foreach (var (node, s) in seeds)
        {
            if ((float)s >= seconds[node]) continue;
            seconds[node] = (float)s;
            heap.Push((float)s, node);
        }
        while (heap.Count > 0)
        {
            var u = heap.Pop(out var key);
            if (key > seconds[u]) continue; // stale entry
            for (int a = start[u], end = start[u + 1]; a < end; a++)
            {
                var next = key + cost[a];
                var v = adjacent[a];
                if (next >= seconds[v]) continue;
                seconds[v] = next;
                heap.Push(next, v);
            }
        }
        return seconds;
    }
}
