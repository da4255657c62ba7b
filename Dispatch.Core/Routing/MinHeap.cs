namespace Dispatch.Core.Routing;

/// <summary>
/// A 4-ary min-heap of (seconds, node) without decrease-key: an improved node is pushed again and
/// the stale entry is skipped when popped. Four children per node halve the depth of a binary
/// heap; flat arrays, no allocation once grown.
/// </summary>
internal sealed class MinHeap
{
    private float[] _keys = new float[1024];
    private int[] _nodes = new int[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(float key, int node)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (_keys[parent] <= key) break;
            _keys[i] = _keys[parent];
            _nodes[i] = _nodes[parent];
            i = parent;
        }
        _keys[i] = key;
        _nodes[i] = node;
    }

    public int Pop(out float key)
    {
        key = _keys[0];
        var top = _nodes[0];
        var count = --Count;
        if (count == 0) return top;
        var lastKey = _keys[count];
        var lastNode = _nodes[count];
        var i = 0;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= count) break;
            var best = first;
            var bestKey = _keys[first];
            var end = Math.Min(first + 4, count);
            for (var c = first + 1; c < end; c++)
            {
                if (_keys[c] < bestKey) { best = c; bestKey = _keys[c]; }
            }
            if (lastKey <= bestKey) break;
            _keys[i] = bestKey;
            _nodes[i] = _nodes[best];
            i = best;
        }
        _keys[i] = lastKey;
        _nodes[i] = lastNode;
        return top;
    }
}
