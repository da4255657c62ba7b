using Dispatch.Api.Auth;

namespace Dispatch.Api.Reports;

public static class ReportEndpoints
{
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
    }
}
