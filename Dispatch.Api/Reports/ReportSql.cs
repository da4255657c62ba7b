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

    /// <summary>The triage as its <see cref="Triage"/> number (the column holds the name): a number is cheaper to read per row than text.</summary>
    private static readonly string TriageNumber =
        "CASE i.triage " + string.Concat(Enum.GetValues<Triage>().Select(t => $"WHEN '{t}' THEN {(int)t} ")) + "ELSE -1 END";

    public const string Where =
        "WHERE i.call_received_at >= @FromMs AND i.call_received_at < @ToMs " +
        "AND (@Triage IS NULL OR i.triage = @Triage) AND (@Kecamatan IS NULL OR i.kecamatan_code = @Kecamatan) " +
        "AND (@Kelurahan IS NULL OR i.kelurahan_code = @Kelurahan) " +
        // The unit filter matches an incident any of whose responses was that unit (not only its primary unit).
        "AND (@UnitId IS NULL OR EXISTS (SELECT 1 FROM responses ur WHERE ur.incident_id = i.id AND ur.unit_id = @UnitId)) " +
        "AND (@Source IS NULL OR i.source = @Source) AND (@Emergency IS NULL OR i.is_emergency = @Emergency) ";

    // A comparison with NULL is never true, so this also excludes a missing start or end; written
    // exactly like the partial indexes' condition so that SQLite can use them.
    public static string Valid(string start, string end) => $"i.{end} >= i.{start}";

    /// <summary>
    /// One interval's valid values in ascending order (the response interval's also with the
    /// kelurahan and call time, for the group medians: a group's values arrive in order too, so
    /// one pass serves every median).
    /// Where the dialect buckets its ordered indexes, one time bucket's values (@Bucket).
    /// </summary>
    public static readonly SqlText[] Ordered = Intervals.Select((x, k) => SqlText.Of($"ReportSql.Ordered.{x.Name}", d =>
        $"SELECT i.{x.End} - i.{x.Start} AS v" + (k == ResponseIndex ? ", COALESCE(i.kelurahan_code, ''), i.call_received_at" : "") +
        $" FROM {d.IncidentsVia(x.Index)} " + Where +
        (d.OrderedBucketMs is { } bucket ? $"AND i.call_received_at / {bucket} = @Bucket " : "") +
        $"AND {Valid(x.Start, x.End)} ORDER BY i.{x.End} - i.{x.Start}")).ToArray();

    /// <summary>
    /// The filter's incidents and each interval's valid values, counted by the database in one
    /// pass over the covering index: the ordered passes need these counts to place their ranks.
    /// Where the dialect <see cref="SqlDialect.SkipsToRanks"/>, also each interval's sum of valid
    /// values (milliseconds), for the mean the ranked reads do not see.
    /// </summary>
    public static readonly SqlText ValidCounts = SqlText.Of("ReportSql.ValidCounts", d =>
        "SELECT COUNT(*)" + string.Concat(Intervals.Select(x => $", SUM(CASE WHEN {Valid(x.Start, x.End)} THEN 1 ELSE 0 END)")) +
        (d.SkipsToRanks ? string.Concat(Intervals.Select(x => $", SUM(CASE WHEN {Valid(x.Start, x.End)} THEN i.{x.End} - i.{x.Start} END)")) : "") +
        " " + From + Where);

    /// <summary>
    /// Where the dialect <see cref="SqlDialect.SkipsToRanks"/>: one interval's valid values in
    /// descending order from its ordered index, @Skip skipped in the database and @Take sent
    /// (<see cref="Dispatch.Core.Reports.RankedPercentile"/>).
    /// </summary>
    public static readonly SqlText[] Ranked = Intervals.Select(x => SqlText.Of($"ReportSql.Ranked.{x.Name}", d =>
        $"SELECT i.{x.End} - i.{x.Start} AS v FROM {d.IncidentsVia(x.Index)} " + Where +
        $"AND {Valid(x.Start, x.End)} ORDER BY i.{x.End} - i.{x.Start} DESC" + d.Page("@Skip", "@Take"))).ToArray();

    /// <summary>
    /// Every incident of the filter once, from the covering index alone (a seek on the time range),
    /// reduced by the database to what the counts need, without NULLs: triage (its enum number),
    /// kelurahan_code, call_received_at and the response time (-1 when invalid).
    /// <see cref="ReportTally"/> sums them in one streaming pass.
    /// </summary>
    public static readonly SqlText Rows = SqlText.Of("ReportSql.Rows",
        "SELECT " + TriageNumber + ", COALESCE(i.kelurahan_code, ''), i.call_received_at, " +
        "CASE WHEN i.on_scene_at >= i.call_received_at THEN i.on_scene_at - i.call_received_at ELSE -1 END " + From + Where);

    /// <summary>
    /// Every response to the filter's incidents (a unit sent to three incidents counts three times,
    /// two units on one incident count once each): its unit and busy time, from notified to back in
    /// service, or to its end when it ended otherwise (released, diverted, declined, cancelled);
    /// 0 while it runs, when its times are out of order, or when it completed without a back-in-service time. With a unit filter, that unit's responses only.
    /// The time range is sought on the incidents' covering index and each incident's responses
    /// probed on ix_responses_report, both from the index alone.
    /// </summary>
    // A completed response without a back-in-service time (imported history) has no known end: 0, as before.
    private const string BusyEnd = "COALESCE(r.back_in_service_at, CASE WHEN r.end_reason <> 'Completed' THEN r.ended_at END)";

    private const string Busy = "CASE WHEN " + BusyEnd + " >= r.notified_at THEN " + BusyEnd + " - r.notified_at ELSE 0 END ";

    /// <summary>
    /// <see cref="Workload"/> for a report filtered by time (and unit) only: the responses' own
    /// copy of the call time answers the range from ix_responses_received, in order and from the
    /// index alone, without probing each incident.
    /// </summary>
    public static readonly SqlText WorkloadByTime = SqlText.Of("ReportSql.WorkloadByTime", d => PerUnit(d,
        "FROM responses r WHERE r.call_received_at >= @FromMs AND r.call_received_at < @ToMs AND (@UnitId IS NULL OR r.unit_id = @UnitId)"));

    public static readonly SqlText Workload = SqlText.Of("ReportSql.Workload", d => PerUnit(d,
        From + "JOIN responses r ON r.incident_id = i.id " + Where + "AND (@UnitId IS NULL OR r.unit_id = @UnitId)"));

    /// <summary>
    /// Each call of the range (source, outcome) from its covering index, counted by the caller:
    /// a handful of groups over many rows is cheaper counted while streaming than sorted for GROUP BY.
    /// Where rows cross a network, the database counts them (<see cref="Grouped"/>).
    /// </summary>
    public static readonly SqlText Calls = SqlText.Of("ReportSql.Calls", d => Grouped(d, "c.source, COALESCE(c.outcome, 'Open')", "",
        "FROM calls c WHERE c.received_at >= @FromMs AND c.received_at < @ToMs AND (@Source IS NULL OR c.source = @Source)"));

    private static string PerUnit(SqlDialect d, string from) => Grouped(d, "r.unit_id", Busy, from);

    /// <summary>
    /// Rows of a few groups (units; call sources and outcomes): embedded SQLite hands each row over
    /// for the caller to count (no sort, no network), a server sums each group itself and sends
    /// one row per group, with the sum of <paramref name="value"/> (if any) and the row count last:
    /// hundreds of thousands of rows less through the driver.
    /// </summary>
    private static string Grouped(SqlDialect d, string keys, string value, string from) => d.ReadsWithoutIo
        ? $"SELECT {keys}{(value == "" ? "" : ", " + value)} {from}"
        : $"SELECT {keys}{(value == "" ? "" : $", CAST(SUM({value}) AS BIGINT)")}, CAST(COUNT(*) AS BIGINT) {from} GROUP BY {keys}";

    public static readonly SqlText UnitNames = SqlText.Of("ReportSql.UnitNames", "SELECT id, call_sign FROM units");
}
