namespace Dispatch.Core.Reports;

/// <summary>
/// Medians per group (kelurahan, month...) from one ascending stream of all groups' values: each
/// group's values arrive in ascending order too, so each gets its own <see cref="SortedStream"/>
/// sized by the count it is expected to have. Counts what it actually saw, so a caller whose
/// expectation was off (rows written between two reads) can run the stream again with
/// <see cref="ExpectSeen"/>.
/// </summary>
public sealed class GroupMedians<TKey> where TKey : notnull
{
    private Dictionary<TKey, long> _expected;
    private readonly Dictionary<TKey, long> _seen = [];
    private Dictionary<TKey, SortedStream> _streams;

    public GroupMedians(IEnumerable<KeyValuePair<TKey, long>> expected)
    {
        _expected = expected.ToDictionary();
        _streams = Streams(_expected);
    }

    public void Add(TKey key, double value)
    {
        _seen[key] = _seen.GetValueOrDefault(key) + 1;
        if (_streams.TryGetValue(key, out var stream)) stream.Add(value);
    }

    /// <summary>True when every group saw exactly the values it expected.</summary>
    public bool Complete => _expected.All(e => _seen.GetValueOrDefault(e.Key) == e.Value) && _seen.Keys.All(_expected.ContainsKey);

    /// <summary>Starts over, expecting what the last pass saw.</summary>
    public void ExpectSeen()
    {
        _expected = new Dictionary<TKey, long>(_seen);
        _seen.Clear();
        _streams = Streams(_expected);
    }

    /// <summary>The group's median, or null when it has no values or its pass was incomplete.</summary>
    public double? Median(TKey key) => _streams.TryGetValue(key, out var stream) ? stream[0] : null;

    private static Dictionary<TKey, SortedStream> Streams(Dictionary<TKey, long> expected) =>
        expected.Where(e => e.Value > 0).ToDictionary(e => e.Key, e => new SortedStream(e.Value, 0.5));
}
