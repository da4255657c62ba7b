using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Reports;

namespace Dispatch.Api.Exports;

public static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(Policies.Reports).WithTags("Reports");
        group.MapGet("/exports/incidents.csv", (HttpContext http, ExportService exports, CancellationToken ct) =>
                Stream(http, AccessActions.ExportIncidents, "text/csv; charset=utf-8", "incidents.csv", (f, body) => exports.IncidentsCsvAsync(f, body, ct)))
            .WithSummary("Incidents of the range and filters as UTF-8 CSV: one row per incident, every time point (UTC) and interval (seconds).");
        group.MapGet("/exports/responses.csv", (HttpContext http, ResponseExport responses, CancellationToken ct) =>
                Stream(http, AccessActions.ExportResponses, "text/csv; charset=utf-8", "responses.csv", (f, body) => responses.CsvAsync(f, body, ct)))
            .WithSummary("Responses to the range's incidents as UTF-8 CSV: one row per unit sent, its time points (WIB), destination and end reason.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/exports/kemenkes", (HttpContext http, string? format, ExportService exports, CancellationToken ct) =>
                format is null or "json" or "csv"
                    ? Stream(http, AccessActions.ExportNational, format == "csv" ? "text/csv; charset=utf-8" : "application/json", format == "csv" ? "kemenkes.csv" : "kemenkes.json",
                        (f, body) => exports.KemenkesAsync(f, format == "csv", body, ct))
                    : Task.FromResult(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["'format' is csv or json."] }) as IResult))
            .WithSummary("The national PSC report shape (data pelaporan panggilan) as JSON or CSV: nomor_kendaraan lists every unit sent, " +
                         "korban is the patient count, is_krisis the major-incident flag; unmapped fields are empty (see README).");
    }

    // Every export is a download (attachment): the page's links save a file rather than open raw JSON in the tab.
    // Each is one access record with its period (UTC ms), written before the first byte leaves:
    // an export whose record cannot be written fails instead of going out unaccounted.
    private static async Task<IResult> Stream(HttpContext http, string action, string contentType, string fileName, Func<ReportFilter, Stream, Task<long>> write)
    {
        var (filter, problem) = ReportFilter.Parse(http.Request.Query);
        if (problem is not null) return problem;
        http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.Export, http,
            new { file = fileName, from = filter!.From, to = filter.To });
        await http.RequestServices.GetRequiredService<AccessLog>().RecordAsync(CurrentUser.From(http.User).Name,
            new AccessEntry(action, RangeFrom: filter.FromMs, RangeTo: filter.ToMs, Details: new { file = fileName }), http.RequestAborted);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(filter, http.Response.Body);
        return TypedResults.Empty;
    }
}
