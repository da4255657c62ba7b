using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Exports;
using Dispatch.Api.Units;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Reports;

public static class ReportEndpoints
{
    /// <summary>A unit the filter offers, by call sign.</summary>
    public sealed record UnitChoice(long Id, string CallSign);

    /// <summary>What the reports page needs besides the report: the units to filter by, and this PSC's national code (empty when unset).</summary>
    public sealed record ReportSetup(IReadOnlyList<UnitChoice> Units, string KodePsc);

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/response-times", async (HttpContext http, ReportService reports, CancellationToken ct) =>
            {
                var (filter, problem) = ReportFilter.Parse(http.Request.Query);
                return problem ?? TypedResults.Ok(await reports.ResponseTimesAsync(filter!, ct));
            })
            .RequireAuthorization(Policies.Reports).WithTags("Reports")
            .Produces<ResponseTimeReport>()
            .WithSummary("Response-time report for from..to (WIB days, inclusive; YYYY-MM-DD) and the filters triage, kecamatan, kelurahan, unit, source, emergency. " +
                         "Percentiles by linear interpolation between closest ranks; invalid intervals (missing or out-of-order time points) are excluded and counted.");
        app.MapGet("/api/reports/setup", async (Db db, UnitStore units, IOptions<ReportingOptions> reporting, CancellationToken ct) =>
                TypedResults.Ok(new ReportSetup(
                    (await db.ReadAsync(units.ListAsync, ct)).Select(u => new UnitChoice(u.Id, u.CallSign)).ToList(),
                    reporting.Value.KodePsc.Trim())))
            .RequireAuthorization(Policies.Reports).WithTags("Reports")
            .WithSummary("The units the report filter offers (id and call sign, no live status) and Reporting:KodePsc, empty when unset.");
    }
}
