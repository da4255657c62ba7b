using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

public static class FacilityEndpoints
{
    /// <param name="EdStatus">open, busy, full or diverting; absent leaves it as it was.</param>
    /// <param name="Beds">Free beds per kind (igd, icu, picu, nicu, isolation, maternity, operatingTheatre); kinds left out keep their value.</param>
    public sealed record AvailabilityRequest(EdStatus? EdStatus, Dictionary<string, int>? Beds);

    public static void MapFacilities(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facilities", async (AvailabilityDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListAsync(ct)))
            .RequireAuthorization(Policies.FacilityReaders).WithTags("Facilities")
            .WithSummary("Stations and facilities (PSC posts, hospitals, puskesmas) with each hospital's availability " +
                "{ edStatus, beds: { kind: free }, updatedAt, edStatusAt, bedsAt } (null when never reported); crews pick a destination from these.");

        app.MapPost("/api/admin/facilities/import", Import).DisableAntiforgery().RequireAuthorization(Policies.Admin).WithTags("Admin")
            .Produces<FacilityImportReport>().ProducesValidationProblem()
            .WithSummary("Update free beds in bulk from a national bed data CSV (multipart 'file'): RS Online room rows (kapasitas/jumlah and terpakai: " +
                "free = capacity - occupied), BPJS Aplicares rows (kapasitas, tersedia), or one column per bed kind. Facilities are found by code " +
                "(kode_rs/kode/code), else by name; unknown ones are listed, created as hospitals only with ?create=true (needs lat, lon). ?dryRun=true writes nothing.");

        // A facility user acts on its own facility only (403 own-facility-only); admins and operators on any.
        var facility = app.MapGroup("/api/facilities/{id:long}").WithTags("Facilities").AddEndpointFilter(OwnFacilityOnly);
        facility.MapPut("/availability", SetAvailability).RequireAuthorization(Policies.FacilityWriters)
            .Accepts<AvailabilityRequest>("application/json").Produces<FacilityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The hospital reports its emergency department status and free beds (partial: what is left out keeps its value and time). " +
                "A facility user's session or bearer token, for its own facility; an admin for any.");
        facility.MapGet("/prenotifications", async (long id, PreNotificationDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.IncomingAsync(id, ct)))
            .RequireAuthorization(Policies.FacilityWatchers).Produces<IReadOnlyList<PreNotificationView>>()
            .WithSummary("Patients heading to the hospital now (triage, patient count, complaint, unit, ETA, when chosen, acknowledgement).");
        facility.MapPost("/prenotifications/{responseId:long}/acknowledge",
                async (long id, long responseId, CurrentUser user, PreNotificationDesk desk, CancellationToken ct) =>
                    TypedResults.Ok(await desk.AcknowledgeAsync(id, responseId, user.Name, ct)))
            .RequireAuthorization(Policies.Facility).Produces<PreNotificationView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The hospital acknowledges an incoming patient: the time and the user are logged and shown to operators and the crew.");
    }

    private static async Task<IResult> Import(HttpContext http, bool? dryRun, bool? create, CurrentUser user, FacilityImportDesk desk, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send multipart/form-data with 'file' (the CSV)."] });
        if (http.Request.ContentLength > FacilityImportDesk.MaxBytes)
            return TypedResults.Problem($"The upload is larger than {FacilityImportDesk.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: ProblemMapping.Code("payload-too-large"));
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files["file"] is not { Length: > 0 } upload)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["'file' (the CSV) is required."] });
        await using var csv = upload.OpenReadStream();
        var (file, problems) = await BedDataCsv.ReadAsync(csv);
        if (problems.FirstOrDefault(p => p.StartsWith("file:", StringComparison.Ordinal)) is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = problems.ToArray() });
        return TypedResults.Ok(await desk.ImportAsync(file, problems, dryRun == true, create == true, user.Name, ct));
    }

    private static ValueTask<object?> OwnFacilityOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = CurrentUser.From(context.HttpContext.User);
        if (!user.IsInRole(Roles.Facility)) return next(context);
        var route = context.HttpContext.GetRouteValue("id")?.ToString();
        return long.TryParse(route, out var id) && user.FacilityId == id
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem("A hospital acts on its own facility only.", statusCode: StatusCodes.Status403Forbidden,
                extensions: ProblemMapping.Code("own-facility-only")));
    }

    private static Task<IResult> SetAvailability(long id, HttpContext http, CurrentUser user, AvailabilityDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<AvailabilityRequest>(http, 4096,
            b =>
            {
                var v = new Validation().Check(b.EdStatus is not null || b.Beds is { Count: > 0 }, "edStatus", "Report 'edStatus' or at least one kind in 'beds'.");
                foreach (var (field, message) in BedKinds.Problems(b.Beds)) v.Add(field, message);
                return v;
            },
            async b => TypedResults.Ok(await desk.SetAsync(id, b.EdStatus, b.Beds, user.Name, ct)));
}
