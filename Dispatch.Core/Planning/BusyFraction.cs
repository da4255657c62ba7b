namespace Dispatch.Core.Planning;

/// <summary>
/// A unit's busy fraction q: the share of the period it was busy (busy seconds / period seconds,
/// busy as in the reports: notified to back in service or to the response's end), clamped to
/// [0.01, 0.99] so that no unit is ever certain to be free or certain to be busy.
/// </summary>
public static class BusyFraction
{
    public const double Min = 0.01;
    public const double Max = 0.99;

    public static double Clamp(double q) => Math.Clamp(double.IsFinite(q) ? q : Min, Min, Max);

    /// <summary>
    /// Each unit's q; a unit without history in the period (null) takes the fleet's mean of the
    /// units that have one (<see cref="Min"/> when none has).
    /// </summary>
    public static double[] Of(IReadOnlyList<double?> busySeconds, double periodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodSeconds);
        var known = busySeconds.Where(b => b is not null).Select(b => Clamp(b!.Value / periodSeconds)).ToList();
        var mean = known.Count > 0 ? known.Average() : Min;
        return busySeconds.Select(b => b is { } v ? Clamp(v / periodSeconds) : mean).ToArray();
    }
}
