using Dispatch.Core.Reports;

namespace Dispatch.Api.Reports;

/// <summary>
/// <c>GET /api/reports/response-times</c>: a fixed shape that BI tools and the national upload use.
/// Every duration is in seconds.
/// </summary>
public sealed record ResponseTimeReport(
    DateOnly From,
    DateOnly To,
    long Incidents,
    IReadOnlyDictionary<string, IntervalSummary> Intervals,
    IReadOnlyDictionary<string, ComplianceRow> Compliance,
    Volumes Volumes,
    IReadOnlyList<AreaRow> ByKelurahan,
    IReadOnlyList<HeatCell> Heatmap,
    IReadOnlyList<MonthRow> Trend,
    IReadOnlyList<UnitRow> Units);

/// <summary>Share of incidents (with a valid call->on scene) on scene within the triage's target.</summary>
public sealed record ComplianceRow(long Incidents, long Measured, long OnTarget, double? TargetSeconds, double? Share);

public sealed record Volumes(IReadOnlyDictionary<string, long> CallsBySource, IReadOnlyDictionary<string, long> CallsByOutcome, IReadOnlyDictionary<string, long> IncidentsByTriage);

public sealed record AreaRow(string? Code, string? Name, long Incidents, long Measured, double? MedianResponseSeconds);

/// <summary>Weekday 0 = Sunday; hour of day in WIB.</summary>
public sealed record HeatCell(int Weekday, int Hour, long Incidents);

public sealed record MonthRow(string Month, long Incidents, long Measured, double? MedianResponseSeconds);

/// <summary>
/// One unit's workload: <see cref="Incidents"/> counts its responses (each time it was sent, whether it
/// completed, was released, diverted or declined); busy time runs from notified to back in service
/// (or to the response's end when it ended otherwise).
/// </summary>
public sealed record UnitRow(long UnitId, string? CallSign, long Incidents, double BusySeconds);
