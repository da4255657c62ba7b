using System.Numerics;

namespace Dispatch.Core.Routing;

/// <summary>
/// The search's priority queue: Dinitz's buckets. Keys (seconds, exact floats, never rounded) fall
/// in buckets of a width of seconds (<see cref="BucketPlan"/>), kept in a ring as long as the longest arc.
/// A node whose every arc into it (in the search's direction) costs at least the width is final as
/// soon as its bucket comes up: any other way to it leaves from an earlier bucket, already done, or
/// from this one and then costs a whole width more. Such nodes leave their bucket unsorted, in O(1).
/// The few nodes with a shorter arc into them (<see cref="BucketPlan.ShortArcIn"/>) pass through a
/// small heap inside their bucket, after its other nodes, so the order stays exact for any width.
/// Lazy deletion, as with a heap: an improved node is added again and the caller skips stale entries.
/// </summary>
internal sealed class BucketQueue(BucketPlan plan)
{
    private readonly Entry[][] _ring = Enumerable.Repeat(Array.Empty<Entry>(), plan.Buckets).ToArray();
    private readonly int[] _counts = new int[plan.Buckets];
    private readonly int _mask = plan.Buckets - 1;
    private readonly float _inverseWidth = plan.InverseWidth;
    private readonly bool[] _shortArcIn = plan.ShortArcIn;
    private readonly MinHeap _heap = new();
    private long _current;
    private int _count;

    private readonly record struct Entry(float Seconds, int Node);

    public void Clear()
    {
        Array.Clear(_counts);
        _heap.Clear();
        (_current, _count) = (0, 0);
    }

    /// <summary>Keys must not be below the last one taken (Dijkstra's keys never are).</summary>
    public void Add(float seconds, int node)
    {
        var bucket = (long)(seconds * _inverseWidth);
        if (bucket == _current && _shortArcIn[node])
        {
            _heap.Push(seconds, node);
            return;
        }
        var slot = (int)bucket & _mask;
        ref var entries = ref _ring[slot];
        if (_counts[slot] == entries.Length) Array.Resize(ref entries, Math.Max(16, entries.Length * 2));
        entries[_counts[slot]++] = new Entry(seconds, node);
        _count++;
    }

    public bool TryTake(out int node, out float seconds)
    {
        while (true)
        {
            var slot = (int)_current & _mask;
            if (_counts[slot] > 0)
            {
                (seconds, node) = _ring[slot][--_counts[slot]];
                _count--;
                if (!_shortArcIn[node]) return true;
                _heap.Push(seconds, node); // ordered within the bucket, after the others
            }
            else if (_heap.Count > 0)
            {
                node = _heap.Pop(out seconds);
                return true;
            }
            else if (_count == 0)
            {
                (node, seconds) = (-1, 0);
                return false;
            }
            else
            {
                _current++;
            }
        }
    }
}

/// <summary>
/// The bucket width for a graph: its shortest arc (then no node needs the heap), widened when that
/// would make the ring longer than <paramref name="maxBuckets"/> (an empty bucket costs a step when
/// passed, a node through the heap a sift; 256 was fastest on the Monaco and Andorra extracts, the
/// grid needs 3); and the nodes an arc shorter than the width leads to. Computed once per graph.
/// </summary>
internal sealed class BucketPlan
{
    public BucketPlan(int nodes, int[] arcTail, float[] arcSeconds, int maxBuckets = 256)
    {
        float shortest = float.MaxValue, longest = 0;
        foreach (var c in arcSeconds) (shortest, longest) = (Math.Min(shortest, c), Math.Max(longest, c));
        var width = Math.Max(Math.Max(shortest, longest / maxBuckets), 1e-6f);
        InverseWidth = 1.000001f / width; // a hair narrower, so that rounding never makes the shortest arc "short"
        // A key is at most one arc beyond the bucket being taken: the ring spans the longest arc and two more.
        Buckets = (int)BitOperations.RoundUpToPowerOf2((uint)(longest * InverseWidth) + 3);
        ShortArcIn = new bool[nodes];
        for (var a = 0; a < arcTail.Length; a++)
            if (arcSeconds[a] * InverseWidth < 1) ShortArcIn[arcTail[a]] = true;
    }

    public float InverseWidth { get; }
    /// <summary>Length of the ring, a power of two.</summary>
    public int Buckets { get; }
    /// <summary>Nodes the search reaches by some arc shorter than the width.</summary>
    public bool[] ShortArcIn { get; }
}
