using Dispatch.Api.Database;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

/// <summary>
/// What hospitals reported: one row per facility and item ('ed' for the emergency department's
/// status, else a bed kind), each with its own time and reporter.
/// </summary>
public sealed class AvailabilityStore
{
    public const string EdItem = "ed";

    private const string Columns = "facility_id, item, ed_status, free, updated_at, updated_by";
    private static readonly SqlText All = SqlText.Of("AvailabilityStore.All", $"SELECT {Columns} FROM facility_availability");
    private static readonly SqlText OfFacility = SqlText.Of("AvailabilityStore.OfFacility", $"SELECT {Columns} FROM facility_availability WHERE facility_id = @FacilityId");
    private static readonly SqlText Update = SqlText.Of("AvailabilityStore.Update",
        "UPDATE facility_availability SET ed_status = @EdStatus, free = @Free, updated_at = @UpdatedAt, updated_by = @UpdatedBy WHERE facility_id = @FacilityId AND item = @Item");
    private static readonly SqlText Insert = SqlText.Of("AvailabilityStore.Insert",
        $"INSERT INTO facility_availability ({Columns}) VALUES (@FacilityId, @Item, @EdStatus, @Free, @UpdatedAt, @UpdatedBy)");

    public async Task<IReadOnlyDictionary<long, Availability>> AllAsync(DbSession s) =>
        (await s.QueryAsync<Row>(All)).GroupBy(r => r.FacilityId).ToDictionary(g => g.Key, g => ToAvailability(g));

    public async Task<Availability> GetAsync(DbSession s, long facilityId) =>
        ToAvailability(await s.QueryAsync<Row>(OfFacility, new { FacilityId = facilityId }));

    /// <summary>Writes the items <paramref name="changed"/> stamped at <paramref name="at"/> (the others keep their rows).</summary>
    public async Task SaveAsync(DbSession s, long facilityId, Availability changed, DateTimeOffset at)
    {
        var rows = new List<Row>();
        if (changed.EdStatus is { } ed && ed.At == at) rows.Add(new Row { FacilityId = facilityId, Item = EdItem, EdStatus = ed.Value.ToString(), UpdatedAt = at, UpdatedBy = ed.By });
        rows.AddRange(changed.Beds.Where(b => b.Value.At == at)
            .Select(b => new Row { FacilityId = facilityId, Item = b.Key, Free = b.Value.Value, UpdatedAt = at, UpdatedBy = b.Value.By }));
        foreach (var row in rows)
            if (await s.ExecuteAsync(Update, row) == 0) await s.ExecuteAsync(Insert, row);
    }

    private static Availability ToAvailability(IEnumerable<Row> rows)
    {
        Reported<EdStatus>? ed = null;
        var beds = new Dictionary<string, Reported<int>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Item == EdItem && Enum.TryParse<EdStatus>(r.EdStatus, out var status)) ed = new(status, r.UpdatedAt, r.UpdatedBy);
            else if (r.Free is { } free && BedKinds.IsKnown(r.Item)) beds[r.Item] = new(free, r.UpdatedAt, r.UpdatedBy);
        }
        return new Availability(ed, beds);
    }

    private sealed class Row
    {
        public long FacilityId { get; init; }
        public string Item { get; init; } = "";
        public string? EdStatus { get; init; }
        public int? Free { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";
    }
}
