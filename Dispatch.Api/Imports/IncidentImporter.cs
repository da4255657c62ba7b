using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dispatch.Api.Database;
using Dispatch.Api.Units;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Imports;

/// <summary>A row that passed validation, ready to store.</summary>
public sealed record ParsedRow(int Line, string ExternalId, string Source, string Triage, string Category, double Lat, double Lon,
    string? Complaint, long? UnitId, string? UnitName, AreaMatch Area, Dictionary<string, DateTimeOffset> Times);

/// <summary>
/// Imports past incidents from a spreadsheet export: validates every row (each rejection says
/// why), skips rows whose externalId was imported before, and stores the rest in batches.
/// </summary>
public sealed class IncidentImporter(Db db, ImportStore store, UnitStore units, AreaResolver areas)
{
    public const int MaxBytes = 50 * 1024 * 1024;
    private const int PreviewRows = 5, Batch = 500;
    // The stored id carries the import prefix and must fit calls.external_id.
    private static readonly int MaxExternalId = TextLimits.ExternalId - ImportStore.Key("").Length;

    public async Task<ImportReport> ImportAsync(Stream csv, ImportMapping mapping, string actor, bool dryRun, CancellationToken ct)
    {
        var unitIds = (await db.ReadAsync(units.ListAsync, ct))
            .SelectMany(u => new[] { (u.CallSign, u.Id), (u.Plate, u.Id) })
            .GroupBy(x => x.Item1, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var rejected = new List<RejectedRow>();
        var valid = new List<ParsedRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;

        using var reader = new StreamReader(csv);
        using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null });
        await parser.ReadAsync();
        parser.ReadHeader();
        var headers = parser.HeaderRecord ?? [];
        var fieldOf = headers.Select(h => mapping.Columns!.GetValueOrDefault(h)).ToArray();
        foreach (var header in mapping.Columns!.Keys.Where(k => !headers.Contains(k)))
            rejected.Add(RejectedRow.Of(1, null, new("column-not-in-file", $"Mapped column '{header}' is not in the file's header.", Value: header)));
        if (rejected.Count > 0) return new ImportReport(0, 0, 0, rejected, [], dryRun);

        while (await parser.ReadAsync())
        {
            rows++;
            var line = parser.Parser.Row;
            var values = new Dictionary<string, string>();
            for (var i = 0; i < fieldOf.Length; i++)
                if (fieldOf[i] is { } field && parser.TryGetField<string>(i, out var v) && !string.IsNullOrWhiteSpace(v)) values[field] = v.Trim();
            var (row, reason) = Parse(line, values, mapping, unitIds);
            if (row is null) rejected.Add(RejectedRow.Of(line, values.GetValueOrDefault("externalId"), reason!));
            else if (!seen.Add(row.ExternalId)) rejected.Add(RejectedRow.Of(line, row.ExternalId, new("duplicate-in-file", "The same externalId appears earlier in this file.", "externalId", row.ExternalId)));
            else valid.Add(row);
        }

        var imported = 0;
        var skipped = 0;
        foreach (var chunk in valid.Chunk(Batch))
        {
            var (added, existing) = await db.WriteAsync(actor, async s =>
            {
                var (a, e) = (0, 0);
                foreach (var row in chunk)
                {
                    if (await store.ExistsAsync(s, row.ExternalId)) { e++; continue; }
                    if (!dryRun) await store.AddAsync(s, row);
                    a++;
                }
                return (a, e);
            }, ct);
            imported += added;
            skipped += existing;
        }
        var preview = valid.Take(PreviewRows).Select(r => new ImportedRow(r.Line, r.ExternalId, r.Source, r.Times["callReceived"], r.Triage, r.Lat, r.Lon, r.UnitName, r.Times)).ToList();
        return new ImportReport(rows, imported, skipped, rejected, preview, dryRun);
    }

    private (ParsedRow? Row, Rejection? Reason) Parse(int line, Dictionary<string, string> v, ImportMapping mapping, Dictionary<string, long> unitIds)
    {
        if (!v.TryGetValue("externalId", out var externalId)) return (null, new("missing", "externalId is empty.", "externalId"));
        if (externalId.Length > MaxExternalId) return (null, new("too-long", $"externalId is longer than {MaxExternalId} characters.", "externalId"));
        var times = new Dictionary<string, DateTimeOffset>();
        foreach (var (field, _) in ImportStore.TimeColumns)
        {
            if (!v.TryGetValue(field, out var text)) continue;
            if (!mapping.TryParseTime(text, out var time)) return (null, new("bad-time", $"{field} '{text}' does not match the time format '{mapping.TimeFormat ?? "iso"}'.", field, text));
            times[field] = time.ToUniversalTime();
        }
        if (!times.ContainsKey("callReceived")) return (null, new("missing", "callReceived is empty.", "callReceived"));
        if (!v.TryGetValue("triage", out var triageText) || !TryTriage(triageText, out var triage)) return (null, new("bad-triage", $"triage '{v.GetValueOrDefault("triage")}' is not merah, kuning, hijau or hitam.", "triage", v.GetValueOrDefault("triage")));
        if (!TryNumber(v, "lat", out var lat) || !TryNumber(v, "lon", out var lon) || !new GeoPoint(lat, lon).IsValid)
            return (null, new("bad-position", $"lat/lon '{v.GetValueOrDefault("lat")}', '{v.GetValueOrDefault("lon")}' is not a valid position.", "lat",
                $"{v.GetValueOrDefault("lat")}, {v.GetValueOrDefault("lon")}"));
        long? unitId = null;
        if (v.TryGetValue("unit", out var unit))
        {
            if (!unitIds.TryGetValue(unit, out var id)) return (null, new("unknown-unit", $"unit '{unit}' is not a known call sign or plate; add the unit first.", "unit", unit));
            unitId = id;
        }
        var source = CallSource.Line119;
        if (v.TryGetValue("source", out var sourceText) && !Enum.TryParse(sourceText, ignoreCase: true, out source)) return (null, new("unknown-source", $"source '{sourceText}' is not one of line119, ncc, app, radio, walkin.", "source", sourceText));
        var category = v.TryGetValue("category", out var cat) && cat.Trim().ToLowerInvariant() is "trauma" ? IncidentCategory.Trauma : IncidentCategory.NonTrauma;
        if (v.GetValueOrDefault("complaint") is { Length: > TextLimits.Complaint }) return (null, new("too-long", $"complaint is longer than {TextLimits.Complaint} characters.", "complaint"));
        var complaint = v.GetValueOrDefault("complaint") is { } given ? TextLimits.Storable(given) : null;
        return (new ParsedRow(line, TextLimits.Storable(externalId), source.ToString(), triage.ToString(), category.ToString(), lat, lon, complaint,
            unitId, unit, areas.Resolve(new GeoPoint(lat, lon)), times), null);
    }

    private static bool TryNumber(Dictionary<string, string> v, string field, out double value)
    {
        value = 0;
        return v.TryGetValue(field, out var text) && double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool TryTriage(string text, out Triage triage) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out triage) && Enum.IsDefined(triage) && !int.TryParse(text, out _)
        || (triage = text.Trim().ToLowerInvariant() switch
        {
            "red" or "p1" => Triage.Merah,
            "yellow" or "p2" => Triage.Kuning,
            "green" or "p3" => Triage.Hijau,
            "black" => Triage.Hitam,
            _ => (Triage)(-1),
        }) != (Triage)(-1);
}
