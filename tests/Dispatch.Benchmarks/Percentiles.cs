namespace Dispatch.Benchmarks;

internal static class Percentiles
{
    /// <summary>
    /// Percentile of ascending-sorted values by linear interpolation between the closest ranks:
    /// rank = p x (n - 1), then interpolate between the values at floor(rank) and ceil(rank).
    /// p50 of [1, 2, 3, 4] is 2.5; p100 is the maximum. NaN when there are no values.
    /// </summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Count == 0) return double.NaN;
        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
