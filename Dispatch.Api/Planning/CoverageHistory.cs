using Dispatch.Api.Database;
using Dispatch.Api.Reports;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;

namespace Dispatch.Api.Planning;

/// <summary>The period's closed incidents as demand, with what could not be used counted.</summary>
public sealed record CoverageHistoryData(IReadOnlyList<DemandPoint> Demand, long Incidents, long NoLocation, long UnknownTriage, Dictionary<long, double> BusySecondsByUnit);

/// <summary>
/// Reads the history the coverage model needs: the period's closed incidents (live and imported)
/// with position, triage and kelurahan, aggregated into demand points as they stream; and each
/// unit's busy time, defined as in the reports (<see cref="ReportSql.WorkloadByTime"/>).
/// </summary>
public sealed class CoverageHistory
{
    private static readonly SqlText Incidents = SqlText.Of("CoverageHistory.Incidents",
        "SELECT i.lat, i.lon, i.triage, i.kelurahan_code FROM incidents i " +
        "WHERE i.call_received_at >= @FromMs AND i.call_received_at < @ToMs AND i.status = 'Closed'");

    public async Task<CoverageHistoryData> ReadAsync(DbSession s, ReportFilter period, TriageOptions triage)
    {
        var demand = new CoverageDemand();
        long incidents = 0, noLocation = 0, unknownTriage = 0;
        await s.StreamAsync(Incidents, period.Parameters, r =>
        {
            incidents++;
            Triage? colour = r.IsDBNull(2) || !Enum.TryParse<Triage>(r.GetString(2), out var t) ? null : t;
            if (colour is null) unknownTriage++;
            if (r.IsDBNull(0) || r.IsDBNull(1)) { noLocation++; return; }
            demand.Add(r.GetDouble(0), r.GetDouble(1), r.IsDBNull(3) ? null : r.GetString(3), colour is { } c && triage.Target(c) is not null);
        });
        var busy = new Dictionary<long, double>();
        await s.StreamAsync(ReportSql.WorkloadByTime, period.Parameters, r =>
        {
            var unit = r.GetInt64(0);
            busy[unit] = busy.GetValueOrDefault(unit) + r.GetInt64(1) / 1000.0;
        });
        return new CoverageHistoryData(demand.Points(), incidents, noLocation, unknownTriage, busy);
    }
}
