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
    public static readonly (string Name, string Start, string End, string Index)[] Intervals =
    [
        (ResponseIntervals.CallToAnswer, "call_received_at", "call_answered_at", "ix_interval_call_to_answer"),
        (ResponseIntervals.AnswerToDispatch, "call_answered_at", "unit_notified_at", "ix_interval_answer_to_dispatch"),
        (ResponseIntervals.DispatchToEnRoute, "unit_notified_at", "en_route_at", "ix_interval_dispatch_to_en_route"),
        (ResponseIntervals.EnRouteToOnScene, "en_route_at", "on_scene_at", "ix_interval_en_route_to_on_scene"),
        (ResponseIntervals.CallToOnScene, "call_received_at", "on_scene_at", "ix_interval_call_to_on_scene"),
        (ResponseIntervals.OnSceneToDestination, "on_scene_at", "at_destination_at", "ix_interval_on_scene_to_destination"),
        (ResponseIntervals.DispatchToBackInService, "unit_notified_at", "back_in_service_at", "ix_interval_dispatch_to_back_in_service"),
    ];

    /// <summary>The response interval, whose ordered stream also feeds the medians per kelurahan and month.</summary>
    public static readonly int ResponseIndex = Array.FindIndex(Intervals, x => x.Name == ResponseIntervals.CallToOnScene);

    public const string From = "FROM incidents i ";

    public const string Where =
        "WHERE i.call_received_at >= @FromMs AND i.call_received_at < @ToMs " +
        "AND (@Triage IS NULL OR i.triage = @Triage) AND (@Kecamatan IS NULL OR i.kecamatan_code = @Kecamatan) " +
        "AND (@Kelurahan IS NULL OR i.kelurahan_code = @Kelurahan) AND (@UnitId IS NULL OR i.unit_id = @UnitId) " +
        "AND (@Source IS NULL OR i.source = @Source) AND (@Emergency IS NULL OR i.is_emergency = @Emergency) ";

    // A comparison with NULL is never true, so this also excludes a missing start or end; written
    // exactly like the partial indexes' condition so that SQLite can use them.
    public static string Valid(string start, string end) => $"i.{end} >= i.{start}";

    private static string Response => Valid("call_received_at", "on_scene_at");

    public static readonly SqlText Totals = SqlText.Of("ReportSql.Totals",
        "SELECT COUNT(*) AS total, " + string.Join(", ", Intervals.Select((x, k) => $"SUM(CASE WHEN {Valid(x.Start, x.End)} THEN 1 ELSE 0 END) AS n{k}")) + " " + From + Where);

    /// <summary>
    /// One interval's valid values in ascending order (with the kelurahan and call time, for the
    /// group medians): a group's values arrive in order too, so one pass serves every median.
    /// </summary>
    public static readonly SqlText[] Ordered = Intervals.Select(x => SqlText.Of($"ReportSql.Ordered.{x.Name}", d =>
        $"SELECT i.{x.End} - i.{x.Start} AS v, i.kelurahan_code, i.call_received_at FROM {d.IncidentsVia(x.Index)} " + Where +
        $"AND {Valid(x.Start, x.End)} ORDER BY i.{x.End} - i.{x.Start}")).ToArray();

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


    private const string Weekday = "((i.call_received_at / 1000 + 25200) / 86400 + 4) % 7";
    private const string Hour = "((i.call_received_at / 1000 + 25200) % 86400) / 3600";

    public static readonly SqlText Heatmap = SqlText.Of("ReportSql.Heatmap",
        $"SELECT {Weekday} AS Weekday, {Hour} AS Hour, COUNT(*) AS Incidents " + From + Where + $"GROUP BY {Weekday}, {Hour}");

    public static readonly SqlText MonthCounts = SqlText.Of("ReportSql.MonthCounts", d =>
        $"SELECT {d.MonthWib("i.call_received_at")} AS Month, COUNT(*) AS Incidents, SUM(CASE WHEN {Response} THEN 1 ELSE 0 END) AS Measured " +
        From + Where + $"GROUP BY {d.MonthWib("i.call_received_at")}");


    public static readonly SqlText Units = SqlText.Of("ReportSql.Units",
        "SELECT w.unit_id AS UnitId, u.call_sign AS CallSign, w.incidents AS Incidents, w.busy_ms AS BusyMs FROM (" +
        "SELECT i.unit_id, COUNT(*) AS incidents, " +
        $"SUM(CASE WHEN {Valid("unit_notified_at", "back_in_service_at")} THEN i.back_in_service_at - i.unit_notified_at ELSE 0 END) AS busy_ms " +
        From + Where + "AND i.unit_id IS NOT NULL GROUP BY i.unit_id) w LEFT JOIN units u ON u.id = w.unit_id");
}
