using Dispatch.Api.Database;
using Dispatch.Api.Incidents;
using Dispatch.Api.Units;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Routing;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Routing;

/// <summary>The assigned unit's route to the scene while it is on its way (dispatched, acknowledged, en route).</summary>
public sealed class RouteDesk(Db db, IncidentStore incidents, UnitStore units, StationStore stations, TravelEstimator travel)
{
    /// <summary>The route of the incident's first unit still on its way, if any.</summary>
    public Task<AssignedRouteView?> ForIncidentAsync(long incidentId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            return incident.Responses.FirstOrDefault(r => r.IsActive && r.IsCommittedNotOnScene) is { } r ? await RouteAsync(s, incident, r.UnitId) : null;
        }, ct);

    public Task<AssignedRouteView?> ForUnitAsync(long unitId, CancellationToken ct) =>
        db.ReadAsync(async s => (await units.GetAsync(s, unitId)).IncidentId is { } id ? await RouteAsync(s, await incidents.GetAsync(s, id), unitId) : null, ct);

    private async Task<AssignedRouteView?> RouteAsync(DbSession s, Incident incident, long unitId)
    {
        if (incident.ActiveResponseOf(unitId) is not { IsCommittedNotOnScene: true }) return null;
        var unit = await units.GetAsync(s, unitId);
        // On its way the last reported position is the best guess, however old; else the home station.
        var (from, source) = unit.LastPosition is { } p ? (p, "reported")
            : unit.HomeStationId is { } h && await stations.GetAsync(s, h) is { } home ? (new GeoPoint(home.Lat, home.Lon), "homeStation")
            : (default(GeoPoint?), "");
        if (from is not { } start || incident.Location is not { } scene) return null;

        var e = travel.Estimate(start, scene);
        return new AssignedRouteView(incident.Id, unitId, e.Basis, e.Seconds, e.Meters, e.SnapMeters, LineStringView.Of(e.Path), source, e.Note);
    }
}
