using Dispatch.Api.Database;
using Dispatch.Core.Common;
using Dispatch.Core.Units;

namespace Dispatch.Api.Units;

public sealed class StationStore
{
    private const string Columns = "id, name, kind, lat, lon, is_sample, code";

    private static readonly SqlText All = SqlText.Of("StationStore.All", $"SELECT {Columns} FROM stations ORDER BY name");
    private static readonly SqlText ById = SqlText.Of("StationStore.ById", $"SELECT {Columns} FROM stations WHERE id = @Id");
    private static readonly SqlText Insert = SqlText.Of("StationStore.Insert", d => d.InsertReturning("stations",
        "name, kind, lat, lon, is_sample", "@Name, @Kind, @Lat, @Lon, @IsSample"));

    private static readonly SqlText SetCode = SqlText.Of("StationStore.SetCode", "UPDATE stations SET code = @Code WHERE id = @Id");

    /// <summary>Sets the facility's own code (e.g. its Kemenkes code), by which bulk updates find it.</summary>
    public Task SetCodeAsync(DbSession s, long id, string code) => s.ExecuteAsync(SetCode, new { Id = id, Code = code });

    private static readonly SqlText Update = SqlText.Of("StationStore.Update",
        "UPDATE stations SET name = @Name, kind = @Kind, lat = @Lat, lon = @Lon, is_sample = @IsSample WHERE id = @Id");

    public async Task SaveAsync(DbSession s, Station station)
    {
        if (await s.ExecuteAsync(Update, new { station.Id, station.Name, Kind = station.Kind.ToString(), station.Lat, station.Lon, station.IsSample }) == 0)
            throw new NotFound($"Facility {station.Id}");
    }

    public async Task<IReadOnlyList<Station>> ListAsync(DbSession s) => (await s.QueryAsync<StationRow>(All)).Select(r => r.ToStation()).ToList();

    public async Task<Station> GetAsync(DbSession s, long id) =>
        (await s.SingleOrDefaultAsync<StationRow>(ById, new { Id = id }))?.ToStation() ?? throw new NotFound($"Facility {id}");

    public Task<long> AddAsync(DbSession s, Station station) => s.InsertAsync(Insert, new
    {
        station.Name, Kind = station.Kind.ToString(), station.Lat, station.Lon, station.IsSample,
    });

    private sealed class StationRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public StationKind Kind { get; init; }
        public double Lat { get; init; }
        public double Lon { get; init; }
        public bool IsSample { get; init; }
        public string? Code { get; init; }

        public Station ToStation() => new(Id, Name, Kind, Lat, Lon, IsSample, Code);
    }
}
