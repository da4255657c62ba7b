using System.Data.Common;
using Dispatch.Api.Database;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Dispatch.Core.Units;

namespace Dispatch.Api.Planning;

/// <summary>Today's station as the simulation needs it.</summary>
public sealed record StationRow(long Id, string Name, double Lat, double Lon);

/// <summary>Today's unit: id, call sign, type (enum name) and home station (null: none, not simulated).</summary>
public sealed record UnitRow(long Id, string CallSign, string Type, long? HomeStationId);

/// <summary>The period's history: the calls to replay, and how many were skipped for want of a position.</summary>
public sealed record History(List<SimCall> Calls, int NoLocation);

/// <summary>
/// Reads what a simulation replays: today's stations and units, and the period's closed incidents
/// (live and imported) in one streaming query, oldest first, with the first unit's durations
/// (incidents' time points: an interval whose end is missing or before its start is unknown).
/// Only what the replay needs: no address, complaint, caller or patient data.
/// </summary>
public sealed class HistoryStore
{
    private static readonly SqlText Stations = SqlText.Of("HistoryStore.Stations", "SELECT id, name, lat, lon FROM stations ORDER BY id");

    private static readonly SqlText Units = SqlText.Of("HistoryStore.Units",
        "SELECT id, call_sign AS CallSign, type, home_station_id AS HomeStationId FROM units ORDER BY id");

    private static readonly SqlText Calls = SqlText.Of("HistoryStore.Calls",
        "SELECT i.id, i.call_received_at, i.triage, i.lat, i.lon, i.kelurahan_code, i.kelurahan_name, i.kecamatan_code, " +
        "i.unit_notified_at, i.en_route_at, i.on_scene_at, i.left_scene_at, i.at_destination_at, i.back_in_service_at " +
        "FROM incidents i WHERE i.status = 'Closed' AND i.call_received_at >= @FromMs AND i.call_received_at < @ToMs " +
        "ORDER BY i.call_received_at, i.id");

    public async Task<IReadOnlyList<StationRow>> StationsAsync(DbSession s) => [.. await s.QueryAsync<StationRow>(Stations)];

    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(DbSession s) => [.. await s.QueryAsync<UnitRow>(Units)];

    /// <summary>Today's stations and units, the configuration a scenario changes.</summary>
    public async Task<(IReadOnlyList<StationRow> Stations, IReadOnlyList<UnitRow> Units)> TodayAsync(DbSession s) => (await StationsAsync(s), await UnitsAsync(s));

    public async Task<History> CallsAsync(DbSession s, long fromMs, long toMs)
    {
        var calls = new List<SimCall>();
        var noLocation = 0;
        await s.StreamAsync(Calls, new { FromMs = fromMs, ToMs = toMs }, r =>
        {
            if (r.IsDBNull(3) || r.IsDBNull(4)) { noLocation++; return; }
            var received = r.GetInt64(1);
            var triage = r.IsDBNull(2) ? null : Enum.TryParse<Triage>(r.GetString(2), ignoreCase: true, out var t) ? t : (Triage?)null;
            long? Point(int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
            var (notified, enRoute, onScene, left, destination, back) = (Point(8), Point(9), Point(10), Point(11), Point(12), Point(13));
            var observed = new ObservedDurations(Span(received, notified), Span(notified, enRoute), Span(onScene, left),
                Span(left, destination), Span(destination, back), destination is not null);
            calls.Add(new SimCall(r.GetInt64(0), received, triage, new GeoPoint(r.GetDouble(3), r.GetDouble(4)),
                Text(r, 5), Text(r, 6), Text(r, 7), observed));
        });
        return new History(calls, noLocation);
    }

    private static long? Span(long? start, long? end) => start is { } a && end is { } b && b >= a ? b - a : null;

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static UnitType? TypeOf(string text) => Enum.TryParse<UnitType>(text, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(text, out _) ? t : null;
}
