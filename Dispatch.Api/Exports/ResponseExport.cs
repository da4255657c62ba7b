using System.Globalization;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Database;
using Dispatch.Api.Reports;

namespace Dispatch.Api.Exports;

/// <summary>
/// <c>responses.csv</c>: one row per unit sent to the report filter's incidents, with the unit's own
/// time points (NEMSIS eTimes per unit), destination and how the response ended. Times are WIB with
/// their offset, as people read them in the PSC.
/// </summary>
public sealed class ResponseExport(Db db)
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly SqlText Rows = SqlText.Of("ResponseExport.Rows",
        "SELECT r.incident_id, r.id, r.unit_id, r.call_sign, u.plate AS unit_plate, r.status, r.via, r.notified_at, r.acknowledged_at, r.en_route_at, " +
        "r.on_scene_at, r.left_scene_at, r.at_destination_at, r.handover_at, r.back_in_service_at, r.ended_at, d.name AS destination_name, " +
        "r.end_reason, r.end_note, r.diverted_to_incident_id " +
        ReportSql.From + "JOIN responses r ON r.incident_id = i.id LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN stations d ON d.id = r.destination_id " +
        ReportSql.Where + "ORDER BY r.incident_id, r.notified_at, r.id");

    private static readonly (string Name, Func<Row, DateTimeOffset?> Get)[] TimePoints =
    [
        ("unit_notified", r => r.NotifiedAt), ("unit_acknowledged", r => r.AcknowledgedAt), ("en_route", r => r.EnRouteAt),
        ("on_scene", r => r.OnSceneAt), ("left_scene", r => r.LeftSceneAt), ("at_destination", r => r.AtDestinationAt),
        ("handover", r => r.HandoverAt), ("back_in_service", r => r.BackInServiceAt), ("ended", r => r.EndedAt),
    ];

    /// <summary>The header, in order.</summary>
    public static readonly string[] Columns =
    [
        "incident_id", "response_id", "unit_id", "call_sign", "plate", "status", "via",
        .. TimePoints.Select(t => $"{t.Name}_wib"),
        "destination", "end_reason", "end_note", "diverted_to_incident_id",
    ];

    /// <summary>Writes the CSV; returns the number of responses written.</summary>
    public Task<long> CsvAsync(ReportFilter filter, Stream output, CancellationToken ct) => db.ReadAsync(async s =>
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using var csv = new SafeCsvWriter(writer);
        foreach (var column in Columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        Func<System.Data.Common.DbDataReader, Row>? parse = null;
        long rows = 0;
        await s.StreamAsync(Rows, filter.Parameters, async reader =>
        {
            rows++;
            var r = (parse ??= Dapper.SqlMapper.GetRowParser<Row>(reader))(reader);
            object?[] head = [r.IncidentId, r.Id, r.UnitId, r.CallSign, r.UnitPlate, Camel(r.Status), r.Via];
            foreach (var v in head) csv.WriteField(v);
            foreach (var t in TimePoints) csv.WriteField(t.Get(r)?.ToOffset(Wib).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
            object?[] tail = [r.DestinationName, r.EndReason is null ? null : Camel(r.EndReason), r.EndNote, r.DivertedToIncidentId];
            foreach (var v in tail) csv.WriteField(v);
            await csv.NextRecordAsync();
        });
        return rows;
    }, ct);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>One response as the query reads it.</summary>
    public sealed class Row
    {
        public long IncidentId { get; init; }
        public long Id { get; init; }
        public long UnitId { get; init; }
        public string CallSign { get; init; } = "";
        public string? UnitPlate { get; init; }
        public string Status { get; init; } = "";
        public string? Via { get; init; }
        public DateTimeOffset? NotifiedAt { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public DateTimeOffset? EnRouteAt { get; init; }
        public DateTimeOffset? OnSceneAt { get; init; }
        public DateTimeOffset? LeftSceneAt { get; init; }
        public DateTimeOffset? AtDestinationAt { get; init; }
        public DateTimeOffset? HandoverAt { get; init; }
        public DateTimeOffset? BackInServiceAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public string? DestinationName { get; init; }
        public string? EndReason { get; init; }
        public string? EndNote { get; init; }
        public long? DivertedToIncidentId { get; init; }
    }
}
