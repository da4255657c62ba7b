using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Dispatch.Api.Database;
using Dispatch.Api.Reports;
using Dispatch.Core.Incidents;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Exports;

/// <summary>Configuration section "Reporting": identifiers for the national report.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>This PSC's code in the national system (kode_psc).</summary>
    public string KodePsc { get; set; } = "";
}

/// <summary>
/// Streams incidents of a report filter as CSV (every time point and interval, one row per
/// incident) or in the national "data pelaporan panggilan" shape (JSON or CSV).
/// </summary>
public sealed class ExportService(Db db, IOptions<ReportingOptions> reporting)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>
    /// Between the plates of the units sent to one incident in <c>nomor_kendaraan</c> (a comma: plates
    /// hold spaces, never commas).
    /// </summary>
    public const string PlateSeparator = ", ";

    /// <summary>
    /// Every unit sent to the incident, in the order they were notified: the plate, or the call sign
    /// as sent when the unit has no plate. A unit that declined never went and is left out.
    /// </summary>
    private static string UnitPlates(SqlDialect d) =>
        "(SELECT " + d.JoinText("COALESCE(NULLIF(pu.plate, ''), pr.call_sign)", $"'{PlateSeparator}'", "pr.notified_at, pr.id") +
        $" FROM responses pr JOIN units pu ON pu.id = pr.unit_id WHERE pr.incident_id = i.id AND (pr.end_reason IS NULL OR pr.end_reason <> '{nameof(ResponseEnd.Declined)}'))";

    /// <summary>Between the crew members of one incident in <c>crew</c>, each with their unit's call sign ("Budi (AMB-01)"; a comma and a space, as the plates).</summary>
    public const string CrewSeparator = ", ";

    /// <summary>The crew of every unit sent (declined ones left out), in the order the units were notified.</summary>
    private static string Crew(SqlDialect d) =>
        "(SELECT " + d.JoinText("concat(rc.display_name, ' (', pr.call_sign, ')')", $"'{CrewSeparator}'", "pr.notified_at, pr.id, rc.joined_at, rc.user_name") +
        " FROM response_crew rc JOIN responses pr ON pr.id = rc.response_id WHERE pr.incident_id = i.id" +
        $" AND (pr.end_reason IS NULL OR pr.end_reason <> '{nameof(ResponseEnd.Declined)}'))";

    /// <summary>The working diagnoses of the incident's patients, each once, in the order first recorded.</summary>
    private static string Icd10(SqlDialect d) =>
        "(SELECT " + d.JoinText("x.icd10", "', '", "x.first_at, x.icd10") +
        " FROM (SELECT p.icd10, MIN(p.created_at) AS first_at FROM patients p WHERE p.incident_id = i.id AND p.icd10 IS NOT NULL GROUP BY p.icd10) x)";

    /// <summary>
    /// Every facility a patient of the incident was taken to: the patients' destinations and the
    /// units' (a unit may transport without a patient record), each once, in the order chosen.
    /// </summary>
    private static string Destinations(SqlDialect d) =>
        "(SELECT " + d.JoinText("x.name", "', '", "x.first_at, x.name") +
        " FROM (SELECT ds.name, MIN(x0.at) AS first_at FROM (" +
        "SELECT p.destination_id AS sid, p.created_at AS at FROM patients p WHERE p.incident_id = i.id AND p.destination_id IS NOT NULL " +
        "UNION ALL SELECT r.destination_id, COALESCE(r.left_scene_at, r.notified_at) FROM responses r WHERE r.incident_id = i.id AND r.destination_id IS NOT NULL" +
        ") x0 JOIN stations ds ON ds.id = x0.sid GROUP BY ds.name) x)";

    private static readonly SqlText Rows = SqlText.Of("ExportService.Rows", d =>
        "SELECT i.id, c.external_id AS call_external_id, i.source, i.status, i.triage, i.is_emergency, i.category, i.patient_count, i.lat, i.lon, " +
        "i.address, i.complaint, i.kelurahan_code, i.kelurahan_name, i.kecamatan_code, i.kecamatan_name, u.call_sign AS unit_call_sign, " +
        "d.name AS destination_name, i.cancel_reason, i.is_imported, i.call_received_at, i.call_answered_at, i.created_at, " +
        "i.unit_notified_at, i.acknowledged_at, i.en_route_at, i.on_scene_at, i.left_scene_at, i.at_destination_at, i.handover_at, " +
        "i.back_in_service_at, i.closed_at, i.cancelled_at, i.is_major, " + UnitPlates(d) + " AS unit_plates, " + Crew(d) + " AS crew, " +
        Icd10(d) + " AS icd10, " + Destinations(d) + " AS destinations, (SELECT COUNT(*) FROM patients pc WHERE pc.incident_id = i.id) AS patients_recorded " +
        ReportSql.From + "JOIN calls c ON c.id = i.call_id LEFT JOIN units u ON u.id = i.unit_id LEFT JOIN stations d ON d.id = i.destination_id " +
        ReportSql.Where + "ORDER BY i.id");

    private static readonly (string Name, Func<ExportRow, DateTimeOffset?> Get)[] TimePoints =
    [
        ("call_received", r => r.CallReceivedAt), ("call_answered", r => r.CallAnsweredAt), ("incident_created", r => r.CreatedAt),
        ("unit_notified", r => r.UnitNotifiedAt), ("unit_acknowledged", r => r.AcknowledgedAt), ("en_route", r => r.EnRouteAt),
        ("on_scene", r => r.OnSceneAt), ("left_scene", r => r.LeftSceneAt), ("at_destination", r => r.AtDestinationAt),
        ("handover", r => r.HandoverAt), ("back_in_service", r => r.BackInServiceAt), ("closed", r => r.ClosedAt), ("cancelled", r => r.CancelledAt),
    ];


    /// <summary>Streams the rows to <paramref name="write"/> and returns how many there were (for the access log).</summary>
    private Task<long> StreamAsync(ReportFilter filter, Func<ExportRow, Task> write, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            Func<System.Data.Common.DbDataReader, ExportRow>? parse = null;
            long rows = 0;
            await s.StreamAsync(Rows, filter.Parameters, r => { rows++; return write((parse ??= r.GetRowParser<ExportRow>())(r)); });
            return rows;
        }, ct);

    /// <summary>Writes the CSV; returns the number of incidents written.</summary>
    public async Task<long> IncidentsCsvAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using var csv = new SafeCsvWriter(writer);
        string[] head = ["id", "call_external_id", "source", "status", "triage", "priority", "is_emergency", "category", "patient_count", "lat", "lon",
            "address", "complaint", "kelurahan_code", "kelurahan", "kecamatan_code", "kecamatan", "unit", "destination", "cancel_reason", "imported"];
        foreach (var h in head.Concat(TimePoints.Select(t => $"{t.Name}_utc")).Concat(ReportSql.Intervals.Select(i => $"{i.Name}_s"))) csv.WriteField(h);
        await csv.NextRecordAsync();
        return await StreamAsync(filter, async r =>
        {
            var priority = r.Triage is null ? Priority.None : Enum.Parse<Triage>(r.Triage).Priority();
            object?[] values = [r.Id, r.CallExternalId, Camel(r.Source), Camel(r.Status), r.Triage is null ? null : Camel(r.Triage), priority == Priority.None ? "" : priority.ToString(),
                r.IsEmergency, Camel(r.Category), r.PatientCount, r.Lat, r.Lon, r.Address, r.Complaint, r.KelurahanCode, r.KelurahanName, r.KecamatanCode,
                r.KecamatanName, r.UnitCallSign, r.DestinationName, r.CancelReason, r.IsImported];
            foreach (var v in values) csv.WriteField(v);
            foreach (var t in TimePoints) csv.WriteField(t.Get(r)?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            foreach (var interval in ResponseIntervals.From(r.Times)) csv.WriteField(interval.Seconds?.ToString("0.###", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }, ct);
    }

    /// <summary>The national "data pelaporan panggilan" fields for one incident (times in WIB).</summary>
    public Dictionary<string, object?> Kemenkes(ExportRow r)
    {
        var received = r.CallReceivedAt?.ToOffset(Wib);
        var response = ResponseIntervals.From(r.Times).Single(i => i.Name == ResponseIntervals.CallToOnScene).Seconds;
        return new Dictionary<string, object?>
        {
            ["kode_psc"] = reporting.Value.KodePsc,
            ["ticket_id"] = r.Id.ToString(CultureInfo.InvariantCulture),
            ["tgl_pelaporan"] = received?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["jam_pelaporan"] = received?.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["sumber_panggilan"] = Camel(r.Source),
            ["jenis_layanan"] = r.IsEmergency ? "emergency" : "non-emergency",
            ["kategori_layanan"] = r.Category == nameof(IncidentCategory.Trauma) ? "trauma" : "non-trauma",
            ["spesifikasi_layanan"] = null,
            ["status_penanganan"] = Camel(r.Status),
            ["korban"] = r.PatientsRecorded > 0 ? r.PatientsRecorded : r.PatientCount,
            ["keluhan"] = r.Complaint,
            ["icd_10"] = r.Icd10,
            ["nomor_kendaraan"] = r.UnitPlates,
            ["crew"] = r.Crew,
            ["rumahsakit_rujukan"] = r.Destinations,
            ["waktu_respons"] = response is { } s ? Math.Round(s / 60, 1) : null,
            ["latitude"] = r.Lat,
            ["longitude"] = r.Lon,
            ["is_krisis"] = r.IsMajor,
        };
    }

    /// <summary>Writes the national shape; returns the number of incidents written.</summary>
    public async Task<long> KemenkesAsync(ReportFilter filter, bool csvFormat, Stream output, CancellationToken ct)
    {
        long rows;
        if (!csvFormat)
        {
            // The JSON writer fills the pipe's buffer (no synchronous I/O); the pipe flushes asynchronously.
            var pipe = System.IO.Pipelines.PipeWriter.Create(output, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));
            await using (var json = new Utf8JsonWriter(pipe))
            {
                json.WriteStartArray();
                rows = await StreamAsync(filter, async r =>
                {
                    JsonSerializer.Serialize(json, Kemenkes(r));
                    json.Flush();
                    await pipe.FlushAsync(ct);
                }, ct);
                json.WriteEndArray();
            }
            await pipe.CompleteAsync();
            return rows;
        }
        await using var writer = new StreamWriter(output, new UTF8Encoding(false));
        await using var csv = new SafeCsvWriter(writer);
        var header = true;
        rows = await StreamAsync(filter, async r =>
        {
            var fields = Kemenkes(r);
            if (header) { foreach (var k in fields.Keys) csv.WriteField(k); await csv.NextRecordAsync(); header = false; }
            foreach (var v in fields.Values) csv.WriteField(v switch
            {
                bool b => b ? "true" : "false", // as in the JSON shape
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v,
            });
            await csv.NextRecordAsync();
        }, ct);
        if (header) { foreach (var k in Kemenkes(new ExportRow()).Keys) csv.WriteField(k); await csv.NextRecordAsync(); }
        return rows;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
