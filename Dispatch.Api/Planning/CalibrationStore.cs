using Dispatch.Api.Database;
using Dispatch.Api.Reports;

namespace Dispatch.Api.Planning;

/// <summary>One trip whose start is trusted: home station, scene, en route and on scene (UTC ms).</summary>
public sealed record CalibrationTrip(double StationLat, double StationLon, double SceneLat, double SceneLon, long EnRouteAt, long OnSceneAt);

/// <summary>The accepted calibrations (<c>road_calibrations</c>) and the trips a fit reads.</summary>
public sealed class CalibrationStore
{
    private static readonly SqlText Latest = SqlText.Of("CalibrationStore.Latest",
        "SELECT id, basis, factor, changed_by, changed_at FROM road_calibrations WHERE id = (SELECT MAX(id) FROM road_calibrations)");

    private static readonly SqlText Insert = SqlText.Of("CalibrationStore.Insert", d => d.InsertReturning("road_calibrations",
        "basis, factor, observations, changed_by, changed_at", "@Basis, @Factor, @Observations, @ChangedBy, @ChangedAt"));

    /// <summary>
    /// The period's responses with both en route and on scene in order, a scene position and a home
    /// station, whose start is trusted: no earlier response of the unit in the 24 hours before was
    /// still running, or ended less than @AtStationMs before this one's notification (so the crew
    /// is taken to have been back at its station). The unit's home station is its current one.
    /// </summary>
    private static readonly SqlText Trips = SqlText.Of("CalibrationStore.Trips",
        "SELECT st.lat, st.lon, i.lat, i.lon, r.en_route_at, r.on_scene_at FROM responses r " +
        "JOIN incidents i ON i.id = r.incident_id JOIN units u ON u.id = r.unit_id JOIN stations st ON st.id = u.home_station_id " +
        "WHERE r.call_received_at >= @FromMs AND r.call_received_at < @ToMs AND r.on_scene_at > r.en_route_at " +
        "AND i.lat IS NOT NULL AND i.lon IS NOT NULL " +
        "AND NOT EXISTS (SELECT 1 FROM responses p WHERE p.unit_id = r.unit_id AND p.id <> r.id " +
        "AND p.notified_at <= r.notified_at AND p.notified_at >= r.notified_at - 86400000 " +
        "AND (COALESCE(p.back_in_service_at, p.ended_at) IS NULL OR COALESCE(p.back_in_service_at, p.ended_at) > r.notified_at - @AtStationMs)) " +
        "ORDER BY r.id");

    private sealed record Row(long Id, string Basis, double? Factor, string ChangedBy, long ChangedAt);

    /// <summary>The calibration in force, or null (none accepted, or the newest row returned to the configured speeds).</summary>
    public async Task<SpeedCalibration.Accepted?> CurrentAsync(DbSession s) =>
        await s.SingleOrDefaultAsync<Row>(Latest) is { Factor: { } f } r
            ? new SpeedCalibration.Accepted(r.Id, r.Basis, f, r.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.ChangedAt))
            : null;

    public Task<long> AddAsync(DbSession s, string basis, double? factor, int observations) =>
        s.InsertAsync(Insert, new { Basis = basis, Factor = factor, Observations = observations, ChangedBy = s.Actor, ChangedAt = s.Now.ToUnixTimeMilliseconds() });

    public async Task<IReadOnlyList<CalibrationTrip>> TripsAsync(DbSession s, ReportFilter period, double atStationMinutes) =>
        (await s.QueryAsync<(double, double, double, double, long, long)>(Trips,
            new { period.FromMs, period.ToMs, AtStationMs = (long)(atStationMinutes * 60_000) }))
        .Select(t => new CalibrationTrip(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6)).ToList();
}
