using Dispatch.Api.Database;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Reports;

/// <summary>
/// The report queries, written once for both dialects. Every filter is always present as
/// "(@X IS NULL OR column = @X)", so each statement is static (and parsed in the tests).
/// </summary>
public static class ReportSql
{
    /// <summary>Each reported interval: its name (the API key) and the time-point columns it spans.</summary>
    public static readonly (string Name, string Start, string End)[] Intervals =
    [
        (ResponseIntervals.CallToAnswer, "call_received_at", "call_answered_at"),
        (ResponseIntervals.AnswerToDispatch, "call_answered_at", "unit_notified_at"),
        (ResponseIntervals.DispatchToEnRoute, "unit_notified_at", "en_route_at"),
        (ResponseIntervals.EnRouteToOnScene, "en_route_at", "on_scene_at"),
        (ResponseIntervals.CallToOnScene, "call_received_at", "on_scene_at"),
        (ResponseIntervals.OnSceneToDestination, "on_scene_at", "at_destination_at"),
        (ResponseIntervals.DispatchToBackInService, "unit_notified_at", "back_in_service_at"),
    ];

    public const string From = "FROM incidents i ";

    public const string Where =
        "WHERE i.call_received_at >= @FromMs AND i.call_received_at < @ToMs " +
        "AND (@Triage IS NULL OR i.triage = @Triage) AND (@Kecamatan IS NULL OR i.kecamatan_code = @Kecamatan) " +
        "AND (@Kelurahan IS NULL OR i.kelurahan_code = @Kelurahan) AND (@UnitId IS NULL OR i.unit_id = @UnitId) " +
        "AND (@Source IS NULL OR i.source = @Source) AND (@Emergency IS NULL OR i.is_emergency = @Emergency) ";

    public static string Valid(string start, string end) => $"i.{start} IS NOT NULL AND i.{end} IS NOT NULL AND i.{end} >= i.{start}";

    private static string Response => Valid("call_received_at", "on_scene_at");

    public static readonly SqlText Totals = SqlText.Of("ReportSql.Totals",
        "SELECT COUNT(*) AS total, " + string.Join(", ", Intervals.Select((x, k) => $"SUM(CASE WHEN {Valid(x.Start, x.End)} THEN 1 ELSE 0 END) AS n{k}")) + " " + From + Where);

    /// <summary>One interval's valid values in ascending order, for streaming percentiles.</summary>
    public static readonly SqlText[] Ordered = Intervals.Select(x => SqlText.Of($"ReportSql.Ordered.{x.Name}",
        $"SELECT i.{x.End} - i.{x.Start} AS v " + From + Where + $"AND {Valid(x.Start, x.End)} ORDER BY v")).ToArray();

    public static readonly SqlText Compliance = SqlText.Of("ReportSql.Compliance",
        "SELECT i.triage AS Triage, COUNT(*) AS Incidents, " +
        $"SUM(CASE WHEN {Response} THEN 1 ELSE 0 END) AS Measured, " +
        $"SUM(CASE WHEN {Response} AND i.on_scene_at - i.call_received_at <= " +
        "CASE i.triage WHEN 'Merah' THEN @TargetMerah WHEN 'Kuning' THEN @TargetKuning WHEN 'Hijau' THEN @TargetHijau ELSE @TargetHitam END " +
        "THEN 1 ELSE 0 END) AS OnTarget " + From + Where + "GROUP BY i.triage");

    public static readonly SqlText Calls = SqlText.Of("ReportSql.Calls",
        "SELECT c.source AS Source, COALESCE(c.outcome, 'Open') AS Outcome, COUNT(*) AS Calls FROM calls c " +
        "WHERE c.received_at >= @FromMs AND c.received_at < @ToMs AND (@Source IS NULL OR c.source = @Source) " +
        "GROUP BY c.source, COALESCE(c.outcome, 'Open')");

    public static readonly SqlText KelurahanCounts = SqlText.Of("ReportSql.KelurahanCounts",
        $"SELECT i.kelurahan_code AS Code, COUNT(*) AS Incidents, SUM(CASE WHEN {Response} THEN 1 ELSE 0 END) AS Measured " +
        From + Where + "GROUP BY i.kelurahan_code");

    public static readonly SqlText KelurahanOrdered = SqlText.Of("ReportSql.KelurahanOrdered",
        "SELECT i.kelurahan_code AS g, i.on_scene_at - i.call_received_at AS v " + From + Where + $"AND {Response} ORDER BY i.kelurahan_code, v");

    private const string Weekday = "((i.call_received_at / 1000 + 25200) / 86400 + 4) % 7";
    private const string Hour = "((i.call_received_at / 1000 + 25200) % 86400) / 3600";

    public static readonly SqlText Heatmap = SqlText.Of("ReportSql.Heatmap",
        $"SELECT {Weekday} AS Weekday, {Hour} AS Hour, COUNT(*) AS Incidents " + From + Where + $"GROUP BY {Weekday}, {Hour}");

    public static readonly SqlText MonthCounts = SqlText.Of("ReportSql.MonthCounts", d =>
        $"SELECT {d.MonthWib("i.call_received_at")} AS Month, COUNT(*) AS Incidents, SUM(CASE WHEN {Response} THEN 1 ELSE 0 END) AS Measured " +
        From + Where + $"GROUP BY {d.MonthWib("i.call_received_at")}");

    public static readonly SqlText MonthOrdered = SqlText.Of("ReportSql.MonthOrdered", d =>
        $"SELECT {d.MonthWib("i.call_received_at")} AS g, i.on_scene_at - i.call_received_at AS v " + From + Where + $"AND {Response} ORDER BY g, v");

    public static readonly SqlText Units = SqlText.Of("ReportSql.Units",
        "SELECT w.unit_id AS UnitId, u.call_sign AS CallSign, w.incidents AS Incidents, w.busy_ms AS BusyMs FROM (" +
        "SELECT i.unit_id, COUNT(*) AS incidents, " +
        $"SUM(CASE WHEN {Valid("unit_notified_at", "back_in_service_at")} THEN i.back_in_service_at - i.unit_notified_at ELSE 0 END) AS busy_ms " +
        From + Where + "AND i.unit_id IS NOT NULL GROUP BY i.unit_id) w LEFT JOIN units u ON u.id = w.unit_id");
}
