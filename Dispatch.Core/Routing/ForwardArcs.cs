namespace Dispatch.Core.Routing;

/// <summary>
/// The graph's arcs in forward compressed sparse rows: the arcs leaving node u are
/// <c>[Start[u], Start[u+1])</c>, each to <c>Head[a]</c> in <c>Seconds[a]</c>. The transpose of
/// <see cref="RoadGraph.InStart"/>.., built from it so that both hold the same float costs.
/// </summary>
internal sealed class ForwardArcs
{
    private ForwardArcs(int[] start, int[] head, float[] seconds) => (Start, Head, Seconds) = (start, head, seconds);

    public int[] Start { get; }
    public int[] Head { get; }
    public float[] Seconds { get; }

    public static ForwardArcs Of(RoadGraph graph)
    {
        var nodes = graph.NodeCount;
        var (inStart, inTail, inSeconds) = (graph.InStart, graph.InTail, graph.InSeconds);
        var start = new int[nodes + 1];
        foreach (var t in inTail) start[t + 1]++;
        for (var n = 0; n < nodes; n++) start[n + 1] += start[n];
        var fill = start[..^1];
        var head = new int[inTail.Length];
        var seconds = new float[inTail.Length];
        for (var h = 0; h < nodes; h++)
        {
            for (var a = inStart[h]; a < inStart[h + 1]; a++)
            {
                var slot = fill[inTail[a]]++;
                head[slot] = h;
                seconds[slot] = inSeconds[a];
            }
        }
        return new ForwardArcs(start, head, seconds);
    }
}
