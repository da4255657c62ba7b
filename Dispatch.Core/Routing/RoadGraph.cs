using Dispatch.Core.Geography;

namespace Dispatch.Core.Routing;

/// <summary>One road segment between two nodes, as pgRouting stores an edge: costs in seconds, -1 when a direction is forbidden.</summary>
public readonly record struct RoadSegment(int Id, int Source, int Target, double Cost, double ReverseCost, double Meters);

/// <summary>
/// The routable network, immutable once built: nodes (distinct positions), segments (consecutive
/// positions of a road line) and, for the search, the reversed graph in compressed sparse rows:
/// the arcs arriving at node u are <c>[InStart[u], InStart[u+1])</c>, each coming from
/// <c>InTail[a]</c> in <c>InSeconds[a]</c> over <c>InMeters[a]</c> (floats: 7 significant digits
/// are plenty and half the memory traffic of the search). A search from an
/// incident over these arcs gives every node's travel time <i>to</i> the incident at once.
/// </summary>
public sealed class RoadGraph
{
    internal RoadGraph(double[] lat, double[] lon, int[] segFrom, int[] segTo, double[] segMeters, double[] segForward, double[] segBackward)
    {
        Lat = lat; Lon = lon; SegFrom = segFrom; SegTo = segTo; SegMeters = segMeters; SegForward = segForward; SegBackward = segBackward;
        (InStart, InTail, InSeconds, InMeters) = Reverse(lat.Length, segFrom, segTo, segMeters, segForward, segBackward);
        Buckets = new BucketPlan(lat.Length, InTail, InSeconds);
    }

    internal double[] Lat { get; }
    internal double[] Lon { get; }
    internal int[] SegFrom { get; }
    internal int[] SegTo { get; }
    internal double[] SegMeters { get; }
    /// <summary>Seconds from SegFrom to SegTo; +infinity when that direction is forbidden.</summary>
    internal double[] SegForward { get; }
    /// <summary>Seconds from SegTo to SegFrom; +infinity when forbidden.</summary>
    internal double[] SegBackward { get; }
    internal int[] InStart { get; }
    internal int[] InTail { get; }
    internal float[] InSeconds { get; }
    internal float[] InMeters { get; }
    /// <summary>The search queue's bucket width for these arcs.</summary>
    internal BucketPlan Buckets { get; }
    /// <summary>The forward arcs (leaving each node), built on first use: only full one-to-all searches need them.</summary>
    internal ForwardArcs Out => _out ??= ForwardArcs.Of(this);
    private ForwardArcs? _out;

    public int NodeCount => Lat.Length;
    public int SegmentCount => SegFrom.Length;
    /// <summary>Directed arcs (a two-way segment counts twice).</summary>
    public int ArcCount => InTail.Length;

    public GeoPoint Node(int node) => new(Lat[node], Lon[node]);

    public RoadSegment Segment(int id) => new(id, SegFrom[id], SegTo[id],
        double.IsInfinity(SegForward[id]) ? -1 : SegForward[id], double.IsInfinity(SegBackward[id]) ? -1 : SegBackward[id], SegMeters[id]);

    /// <summary>An estimate of the memory the arrays take, in bytes.</summary>
    public long ArrayBytes =>
        (Lat.Length * 17L) + (SegFrom.Length * (8L + 24)) + (InStart.Length * 4L) + (InTail.Length * 12L);

    private static (int[] Start, int[] Tail, float[] Seconds, float[] Meters) Reverse(int nodes, int[] from, int[] to, double[] meters, double[] forward, double[] backward)
    {
        var start = new int[nodes + 1];
        for (var s = 0; s < from.Length; s++)
        {
            if (!double.IsInfinity(forward[s])) start[to[s] + 1]++;   // from -> to arrives at `to`
            if (!double.IsInfinity(backward[s])) start[from[s] + 1]++; // to -> from arrives at `from`
        }
        for (var n = 0; n < nodes; n++) start[n + 1] += start[n];
        var fill = start[..^1];
        var tail = new int[start[nodes]];
        var seconds = new float[tail.Length];
        var length = new float[tail.Length];
        for (var s = 0; s < from.Length; s++)
        {
            if (!double.IsInfinity(forward[s])) Put(to[s], from[s], s, forward[s]);
            if (!double.IsInfinity(backward[s])) Put(from[s], to[s], s, backward[s]);
        }
        return (start, tail, seconds, length);

        void Put(int head, int tailNode, int s, double cost)
        {
            var a = fill[head]++;
            tail[a] = tailNode;
            seconds[a] = (float)cost;
            length[a] = (float)meters[s];
        }
    }
}
