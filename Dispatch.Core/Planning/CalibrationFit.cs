using Dispatch.Core.Reports;

namespace Dispatch.Core.Planning;

/// <summary>One trip: the travel seconds the current speeds predict and the seconds the crew took (en route to on scene).</summary>
public readonly record struct CalibrationPoint(double Predicted, double Observed);

/// <summary>
/// A fitted speed factor (speeds x <see cref="SpeedFactor"/>; travel times / it) and how well the
/// fitted times match: R² of observed against k x predicted, mean absolute error and the median
/// of observed / predicted.
/// </summary>
public sealed record CalibrationResult(int Used, double SpeedFactor, double R2, double MaeSeconds, double MedianRatio);

/// <summary>
/// Fits one speed factor to observed travel times. The model is observed = k x predicted with a
/// multiplicative error, fitted by least squares on log(observed / predicted): log k is the mean
/// log ratio, so one very slow trip (a crew that stopped on the way) weighs no more than one very
/// fast one. The speed factor is 1 / k. Trips with a non-positive or non-finite time are not used.
/// </summary>
public static class CalibrationFit
{
    public static CalibrationResult? Fit(IReadOnlyList<CalibrationPoint> points, int minObservations)
    {
        var used = points.Where(p => double.IsFinite(p.Predicted) && double.IsFinite(p.Observed) && p.Predicted > 0 && p.Observed > 0).ToList();
        if (used.Count < Math.Max(1, minObservations)) return null;
        var k = Math.Exp(used.Average(p => Math.Log(p.Observed / p.Predicted)));
        var mean = used.Average(p => p.Observed);
        var residual = used.Sum(p => Math.Pow(p.Observed - k * p.Predicted, 2));
        var total = used.Sum(p => Math.Pow(p.Observed - mean, 2));
        var ratios = used.Select(p => p.Observed / p.Predicted).Order().ToList();
        return new CalibrationResult(used.Count, 1 / k, total > 0 ? 1 - residual / total : 1,
            used.Average(p => Math.Abs(p.Observed - k * p.Predicted)), Percentile.Of(ratios, 0.5));
    }
}
