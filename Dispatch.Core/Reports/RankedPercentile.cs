namespace Dispatch.Core.Reports;

/// <summary>
/// A percentile read at its ranks rather than streamed: where a database can skip along an
/// ordered index without sending what it skips, a percentile of n values needs only the one or
/// two values at its ranks (<see cref="Percentile.Rank"/>), read in descending order so that the
/// high percentiles skip the fewest. The same definition as <see cref="Percentile.Of"/> and
/// <see cref="SortedStream"/>.
/// </summary>
public static class RankedPercentile
{
    /// <summary>
    /// What to read, in descending order, for percentile <paramref name="p"/> of <paramref name="n"/>
    /// (n &gt; 0) values: skip the values above the upper rank, take the upper rank and, when it
    /// differs, the lower one.
    /// </summary>
    public static (long Skip, int Take) Descending(long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var (lower, _) = Percentile.Rank(n, p);
        var upper = Math.Min(lower + 1, n - 1);
        return (n - 1 - upper, (int)(upper - lower + 1));
    }

    /// <summary>
    /// The percentile from the values <see cref="Descending"/> asked for, as read (descending);
    /// null when fewer came back (the values changed since they were counted).
    /// </summary>
    public static double? Value(long n, double p, IReadOnlyList<double> descending)
    {
        var (_, take) = Descending(n, p);
        if (descending.Count != take) return null;
        var (_, fraction) = Percentile.Rank(n, p);
        return take == 1 ? descending[0] : descending[1] + fraction * (descending[0] - descending[1]);
    }
}
