using System.Text.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Api.Security;
using Dispatch.Core.Common;
using Microsoft.AspNetCore.Http.Features;

namespace Dispatch.Api.Imports;

/// <summary>History import (health office and admin): the import itself, its background jobs, and named mappings.</summary>
public static class ImportEndpoints
{
    /// <summary>Answer to an import started as a job: poll <c>GET /api/imports/incidents/jobs/{id}</c>.</summary>
    public sealed record ImportStarted(Guid JobId);

    public static void MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").RequireAuthorization(Policies.Reports).WithTags("Reports");
        group.MapPost("/incidents", Import).DisableAntiforgery()
            .Produces<ImportReport>().Produces<ImportStarted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .WithSummary("Import past incidents: multipart 'file' (CSV) and 'mapping' (JSON). ?dryRun=true validates and previews without writing; " +
                         "?async=true answers 202 with a job id at once (poll the job for progress). Rows whose externalId was imported before are skipped; " +
                         "only externalId and callReceived are required, anything else missing or unreadable is kept as empty and flagged.");
        group.MapGet("/incidents/jobs/{id:guid}", (Guid id, ImportJobs jobs) =>
                jobs.Get(id) is { } job ? Results.Ok(job) : Results.Problem("No such import job (jobs are kept for an hour after they end).",
                    statusCode: StatusCodes.Status404NotFound, extensions: ProblemMapping.Code("not-found")))
            .Produces<ImportJobView>()
            .WithSummary("An import job's progress (rows read, imported, skipped, flagged, rejected so far), status (running, done, failed) and, when done, its report.");
        group.MapGet("/mappings", (Db db, ImportMappingStore mappings, CancellationToken ct) => db.ReadAsync(mappings.ListAsync, ct))
            .Produces<IReadOnlyList<ImportMappingView>>()
            .WithSummary("The saved import mappings, by name, with who saved each last and when.");
        group.MapPut("/mappings/{name}", SaveMapping)
            .Produces<ImportMappingView>().ProducesValidationProblem()
            .WithSummary("Saves a named import mapping (the body is the mapping JSON), replacing one of the same name.");
        group.MapDelete("/mappings/{name}", DeleteMapping)
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Deletes a saved import mapping.");
    }

    private static async Task<IResult> Import(HttpContext http, bool? dryRun, bool? async, CurrentUser user, IncidentImporter importer, ImportJobs jobs, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send multipart/form-data with 'file' and 'mapping'."] });
        if (http.Request.ContentLength > IncidentImporter.MaxBytes)
            return TypedResults.Problem($"The upload is larger than {IncidentImporter.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: ProblemMapping.Code("payload-too-large"));
        // Kestrel's (30 MB) and the form reader's (128 MB) limits are below the importer's: raised for this request only.
        // The form reader spools the file to a temporary file past 64 KB, so the upload is never held in memory.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = IncidentImporter.MaxBytes;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = IncidentImporter.MaxBytes }));
        var form = await http.Request.ReadFormAsync(ct);
        var (mapping, errors) = ImportRequest.Read(form);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (async == true)
        {
            var path = Path.GetTempFileName();
            await using (var copy = File.Create(path)) await form.Files["file"]!.CopyToAsync(copy, ct);
            // The job records its import security event when it ends, with its counts.
            var job = jobs.Start(path, mapping!, user.Name, http.Connection.RemoteIpAddress?.ToString(), dryRun == true);
            return TypedResults.Accepted($"/api/imports/incidents/jobs/{job.Id}", new ImportStarted(job.Id));
        }
        await using var file = form.Files["file"]!.OpenReadStream();
        var report = await importer.ImportAsync(file, mapping!, user.Name, dryRun == true, ct);
        http.RequestServices.GetRequiredService<SecurityEvents>().Record(SecurityEventKinds.Import, http,
            new { report.DryRun, report.Rows, report.Imported, report.Skipped, report.FlaggedRows, rejected = report.RejectedCount });
        return TypedResults.Ok(report);
    }

    private static async Task<IResult> SaveMapping(HttpContext http, string name, JsonElement mapping, Db db, ImportMappingStore mappings, CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        name = name.Trim();
        if (name.Length is 0 or > TextLimits.ImportMappingName) errors["name"] = [$"'name' is 1 to {TextLimits.ImportMappingName} characters."];
        var json = mapping.GetRawText();
        if (json.Length > TextLimits.ImportMapping) errors["mapping"] = [$"The mapping is longer than {TextLimits.ImportMapping} characters."];
        else ImportRequest.Parse(json, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var saved = await db.WriteAsync(user.Name, async s =>
        {
            await mappings.SaveAsync(s, name, json);
            return await mappings.GetAsync(s, name);
        }, ct);
        http.RequestServices.GetRequiredService<SecurityEvents>().Record(SecurityEventKinds.AdminChange, http, new { importMapping = name, action = "saved" });
        return TypedResults.Ok(saved);
    }

    private static async Task<IResult> DeleteMapping(HttpContext http, string name, Db db, ImportMappingStore mappings, CurrentUser user, CancellationToken ct)
    {
        if (!await db.WriteAsync(user.Name, s => mappings.DeleteAsync(s, name.Trim()), ct))
            return Results.Problem($"No saved mapping '{name}'.", statusCode: StatusCodes.Status404NotFound, extensions: ProblemMapping.Code("not-found"));
        http.RequestServices.GetRequiredService<SecurityEvents>().Record(SecurityEventKinds.AdminChange, http, new { importMapping = name, action = "deleted" });
        return TypedResults.NoContent();
    }
}
