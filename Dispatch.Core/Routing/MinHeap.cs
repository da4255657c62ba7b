namespace Dispatch.Core.Routing;

/// <summary>
/// A binary min-heap of (seconds, node) without decrease-key: an improved node is pushed again
/// and the stale entry is skipped when popped. Flat struct array, no allocation once grown.
/// </summary>
internal sealed class MinHeap
{
    private (double Key, int Node)[] _items = new (double, int)[1024];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(double key, int node)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_items[parent].Key <= key) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = (key, node);
    }

    public (double Key, int Node) Pop()
    {
        var top = _items[0];
        var last = _items[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count) break;
            if (child + 1 < Count && _items[child + 1].Key < _items[child].Key) child++;
            if (last.Key <= _items[child].Key) break;
            _items[i] = _items[child];
            i = child;
        }
        if (Count > 0) _items[i] = last;
        return top;
    }
}
