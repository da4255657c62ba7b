using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Imports;
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
        group.MapPost("/imports/incidents", Import).DisableAntiforgery()
            .WithSummary("Import past incidents: multipart 'file' (CSV) and 'mapping' (JSON). ?dryRun=true validates and previews without writing. " +
                         "Rows whose externalId was imported before are skipped.");
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

    private static async Task<IResult> Import(HttpContext http, bool? dryRun, CurrentUser user, IncidentImporter importer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send multipart/form-data with 'file' and 'mapping'."] });
        if (http.Request.ContentLength > IncidentImporter.MaxBytes)
            return TypedResults.Problem($"The upload is larger than {IncidentImporter.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: ProblemMapping.Code("payload-too-large"));
        // Kestrel's own limit (30 MB) is below the importer's: raise it for this request only.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = IncidentImporter.MaxBytes;
        var form = await http.Request.ReadFormAsync(ct);
        var (mapping, errors) = ImportRequest.Read(form);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await using var file = form.Files["file"]!.OpenReadStream();
        var report = await importer.ImportAsync(file, mapping!, user.Name, dryRun == true, ct);
        http.RequestServices.GetRequiredService<Security.SecurityEvents>().Record(Security.SecurityEventKinds.Import, http,
            new { report.DryRun, report.Rows, report.Imported, report.Skipped, rejected = report.Rejected.Count });
        return TypedResults.Ok(report);
    }
}
