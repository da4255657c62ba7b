namespace Dispatch.Core.Reports;

/// <summary>
/// Percentiles by linear interpolation between closest ranks: for n sorted values and p in
/// [0, 1], h = (n - 1) p and the result is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
/// (0-based), the definition of Excel's PERCENTILE.INC and numpy's default.
/// </summary>
public static class Percentile
{
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var (lower, fraction) = Rank(sorted.Count, p);
        return lower + 1 < sorted.Count ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]) : sorted[lower];
    }

    /// <summary>The 0-based lower rank and the interpolation fraction for p among n values.</summary>
    public static (int Lower, double Fraction) Rank(long n, double p)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), "p must lie in [0, 1].");
        var h = (n - 1) * p;
        var lower = (int)Math.Floor(h);
        return (lower, h - lower);
    }
}

/// <summary>Count, invalid, mean, median, p90, p95 and max of one interval, in seconds.</summary>
public sealed record IntervalSummary(long Count, long Invalid, double? Mean, double? Median, double? P90, double? P95, double? Max)
{
    public static IntervalSummary Empty(long invalid) => new(0, invalid, null, null, null, null, null);
}

/// <summary>
/// Takes values in ascending order, one at a time, and picks the percentiles at the ranks that
/// the known count asks for: memory stays constant however many values stream past (the
/// database does the ordering).
/// </summary>
public sealed class SortedStream
{
    private readonly long _count;
    private readonly (double P, int Lower, double Fraction)[] _wanted;
    private readonly double?[] _results;
    private long _index;
    private double _previous, _sum, _max = double.MinValue;

    public SortedStream(long count, params double[] percentiles)
    {
        _count = count;
        _wanted = percentiles.Select(p => { var (lower, fraction) = Percentile.Rank(count, p); return (p, lower, fraction); }).ToArray();
        _results = new double?[percentiles.Length];
    }

    public void Add(double value)
    {
        if (_index > 0 && value < _previous) throw new InvalidOperationException("Values must arrive in ascending order.");
        for (var i = 0; i < _wanted.Length; i++)
        {
            var (_, lower, fraction) = _wanted[i];
            if (_index == lower) _results[i] = value; // exact when fraction is 0 or this is the last value
            else if (_index == lower + 1) _results[i] = _results[i]!.Value + fraction * (value - _results[i]!.Value);
        }
        _sum += value;
        _max = value;
        _previous = value;
        _index++;
    }

    public long Seen => _index;
    public double? Mean => _index == 0 ? null : _sum / _index;
    public double? Max => _index == 0 ? null : _max;

    /// <summary>The percentile asked for at position <paramref name="i"/> of the constructor's list.</summary>
    public double? this[int i] => _index == _count ? _results[i] : null;
}
