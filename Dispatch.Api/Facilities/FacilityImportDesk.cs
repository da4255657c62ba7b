using Dispatch.Api.Database;
using Dispatch.Api.Units;
using Dispatch.Core.Common;
using Dispatch.Core.Facilities;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Api.Facilities;

/// <param name="Reason">notFound (not created: ask with create=true), noPosition (create needs lat/lon and a name).</param>
public sealed record UnknownFacility(string? Code, string? Name, string Reason);

public sealed record ImportedFacility(long? Id, string Name, string? Code, IReadOnlyDictionary<string, int> Beds, bool Created);

/// <summary>What a bulk update did (or, as a dry run, would do).</summary>
public sealed record FacilityImportReport(bool DryRun, int Facilities, int Matched, int Updated, int Created,
    IReadOnlyList<UnknownFacility> Unknown, IReadOnlyList<string> Problems, IReadOnlyList<ImportedFacility> Changes);

/// <summary>
/// Admins update the facility list's free beds from a national bed data CSV (<see cref="BedDataCsv"/>):
/// a facility is found by its code, else by its name; unknown ones are listed, and created (as
/// hospitals, with the file's position) only on request. A dry run writes nothing.
/// </summary>
public sealed class FacilityImportDesk(Db db, StationStore stations, AvailabilityDesk availability)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public async Task<FacilityImportReport> ImportAsync(IReadOnlyList<BedFileFacility> file, IReadOnlyList<string> problems, bool dryRun, bool create,
        string admin, CancellationToken ct)
    {
        async Task<FacilityImportReport> Run(DbSession s)
        {
            var known = (await stations.ListAsync(s)).Where(x => x.Kind != StationKind.PscPost).ToList();
            var (unknown, changes, matched) = (new List<UnknownFacility>(), new List<ImportedFacility>(), 0);
            foreach (var f in file)
            {
                var beds = RoomTypes.FreeByKind(f.Rows);
                var station = Match(known, f);
                if (station is null && !create) { unknown.Add(new(f.Code, f.Name, "notFound")); continue; }
                if (station is null && (f.Name is null || GeoPoint.Create(f.Lat, f.Lon) is not { IsValid: true })) { unknown.Add(new(f.Code, f.Name, "noPosition")); continue; }
                if (station is not null) matched++;
                var name = station?.Name ?? f.Name!;
                var created = station is null;
                if (dryRun) { changes.Add(new(station?.Id, name, f.Code ?? station?.Code, beds, created)); continue; }
                TextLimits.Ensure("code", f.Code, TextLimits.FacilityCode);
                station ??= await AddAsync(s, f);
                if (f.Code is { } code && station.Code is null) await stations.SetCodeAsync(s, station.Id, code);
                if (beds.Count > 0) await availability.ApplyAsync(s, station, null, beds, "facility.availability.import");
                changes.Add(new(station.Id, name, f.Code ?? station.Code, beds, created));
            }
            return new(dryRun, file.Count, matched, changes.Count(c => c.Beds.Count > 0), changes.Count(c => c.Created), unknown, problems, changes);
        }
        return dryRun ? await db.ReadAsync(Run, ct) : await db.WriteAsync(admin, Run, ct);
    }

    private static Station? Match(IReadOnlyList<Station> known, BedFileFacility f) =>
        (f.Code is { } code ? known.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)) : null)
        ?? (f.Name is { } name ? known.FirstOrDefault(x => string.Equals(x.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)) : null);

    private async Task<Station> AddAsync(DbSession s, BedFileFacility f)
    {
        TextLimits.Ensure("name", f.Name, TextLimits.StationName);
        var station = new Station(0, f.Name!, StationKind.Hospital, f.Lat!.Value, f.Lon!.Value, IsSample: false);
        station = station with { Id = await stations.AddAsync(s, station) };
        s.Log("admin.station.created", details: new { station.Id, station.Name, station.Kind, station.Lat, station.Lon, source = "bed-data-import" });
        return station;
    }
}
