using Dispatch.Api.Database;
using Dispatch.Core.Common;
using Dispatch.Core.Units;

namespace Dispatch.Api.Units;

public sealed class UnitStore
{
    private const string Columns =
        "id, call_sign, plate, type, home_station_id, status, incident_id, last_lat, last_lon, last_accuracy_meters, last_position_at, version";

    private static readonly SqlText ById = SqlText.Of("UnitStore.ById", $"SELECT {Columns} FROM units WHERE id = @Id");
    private static readonly SqlText All = SqlText.Of("UnitStore.All", $"SELECT {Columns} FROM units ORDER BY call_sign");

    private static readonly SqlText Insert = SqlText.Of("UnitStore.Insert", d => d.InsertReturning("units",
        "call_sign, plate, type, home_station_id, status", "@CallSign, @Plate, @Type, @HomeStationId, @Status"));

    private static readonly SqlText Update = SqlText.Of("UnitStore.Update",
        "UPDATE units SET call_sign = @CallSign, plate = @Plate, type = @Type, home_station_id = @HomeStationId, status = @Status, " +
        "incident_id = @IncidentId, last_lat = @LastLat, last_lon = @LastLon, last_accuracy_meters = @LastAccuracyMeters, " +
        "last_position_at = @LastPositionAt, version = version + 1 WHERE id = @Id AND version = @Version");

    public async Task<Unit> GetAsync(DbSession s, long id) =>
        await s.SingleOrDefaultAsync<Unit>(ById, new { Id = id }) ?? throw new NotFound($"Unit {id}");

    public async Task<IReadOnlyList<Unit>> ListAsync(DbSession s) => (await s.QueryAsync<Unit>(All)).ToList();

    public async Task<Unit> AddAsync(DbSession s, Unit u) => await GetAsync(s, await s.InsertAsync(Insert, new
    {
        u.CallSign, u.Plate, Type = u.Type.ToString(), u.HomeStationId, Status = u.Status.ToString(),
    }));

    /// <summary>Saves the unit if nobody changed it since it was read; returns it as stored.</summary>
    public async Task<Unit> SaveAsync(DbSession s, Unit u)
    {
        await s.UpdateVersionedAsync(Update, new
        {
            u.Id, u.CallSign, u.Plate, Type = u.Type.ToString(), u.HomeStationId, Status = u.Status.ToString(), u.IncidentId,
            u.LastLat, u.LastLon, u.LastAccuracyMeters, u.LastPositionAt, u.Version,
        }, $"Unit {u.CallSign}");
        return await GetAsync(s, u.Id);
    }
}
