using Dispatch.Api.Database;
using Dispatch.Api.Reports;
using Dispatch.Api.Routing;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Planning;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// Fits the travel speeds to the PSC's own trips (en route to on scene, from a trusted start: see
/// <see cref="CalibrationStore"/>), and accepts or drops the fitted factor. One factor for every road
/// class ("all"): the history holds too few trips per class in a town the size of Kota Solok, and
/// the route's time per class is not kept. Predicted = the route from the home station to the scene
/// with the speeds in use now; the factor reported is relative to the configured speeds.
/// </summary>
public sealed class CalibrationDesk(Db db, CalibrationStore store, RoadNetworkHost roads, TravelEstimator straight, SpeedCalibration calibration,
    IOptions<PlanningOptions> options)
{
    public const string All = "all";
    public const int MaxPoints = 2000;

    public async Task<CalibrationView> FitAsync(ReportFilter period, CancellationToken ct)
    {
        var trips = await db.ReadAsync(s => store.TripsAsync(s, period, options.Value.CalibrationAtStationMinutes), ct);
        var network = roads.Current;
        var basis = network is null ? RoadStatus.StraightLine : RoadStatus.Road;
        var inUse = network is null ? calibration.FactorFor(basis) : roads.CurrentFactor;
        var points = new List<CalibrationPoint>();
        foreach (var t in trips)
        {
            var (from, to) = (new GeoPoint(t.StationLat, t.StationLon), new GeoPoint(t.SceneLat, t.SceneLon));
            double? predicted = network is null ? straight.StraightSeconds(from, to) : network.Route(from, to).Route?.Seconds;
            if (predicted is { } p) points.Add(new CalibrationPoint(p, (t.OnSceneAt - t.EnRouteAt) / 1000.0));
        }
        var min = Math.Max(1, options.Value.CalibrationMinObservations);
        var fit = CalibrationFit.Fit(points, min);
        var current = calibration.Current is { } c
            ? new CalibrationCurrentView(c.Basis, new Dictionary<string, double> { [All] = c.Factor }, c.AcceptedBy, c.AcceptedAt) : null;
        return new CalibrationView(period.From, period.To, basis, trips.Count, fit?.Used ?? points.Count(p => p.Predicted > 0 && p.Observed > 0), min,
            fit is null ? null : new Dictionary<string, double> { [All] = Math.Round(inUse * fit.SpeedFactor, 4) },
            current, fit is null ? null : new CalibrationFitView(Math.Round(fit.R2, 4), Math.Round(fit.MaeSeconds, 1), Math.Round(fit.MedianRatio, 4)),
            points.Take(MaxPoints).Select(p => new CalibrationPointView(Math.Round(p.Predicted, 1), Math.Round(p.Observed, 1))).ToList());
    }

    /// <summary>Refits and puts the factor in force (this node at once, the others on their next check).</summary>
    public async Task<CalibrationView> AcceptAsync(ReportFilter period, string actor, CancellationToken ct)
    {
        var view = await FitAsync(period, ct);
        if (view.Factors?[All] is not { } factor)
            throw new RuleViolation("calibration-too-few", $"Only {view.Used} usable trips in the period; at least {view.MinObservations} are needed to calibrate.");
        await db.WriteAsync(actor, s => store.AddAsync(s, view.Basis, factor, view.Used), ct);
        await RefreshAsync(ct);
        return view with { Current = calibration.Current is { } c ? new CalibrationCurrentView(c.Basis, view.Factors, c.AcceptedBy, c.AcceptedAt) : null };
    }

    /// <summary>Back to the configured speeds.</summary>
    public async Task ClearAsync(string actor, CancellationToken ct)
    {
        var basis = roads.Current is null ? RoadStatus.StraightLine : RoadStatus.Road;
        await db.WriteAsync(actor, s => store.AddAsync(s, basis, null, 0), ct);
        await RefreshAsync(ct);
    }

    /// <summary>Reads the calibration in force and applies it on this node (the road network is rebuilt when it changed).</summary>
    public async Task RefreshAsync(CancellationToken ct) => calibration.Set(await db.ReadAsync(store.CurrentAsync, ct));
}
