using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Patients;

/// <summary>Patient records of an incident (operators and admins; the crew of a unit sent to it) and the ICD-10 search.</summary>
public static class PatientEndpoints
{
    public static IServiceCollection AddPatients(this IServiceCollection services)
    {
        services.AddOptions<Icd10Options>().BindConfiguration(Icd10Options.Section);
        return services.AddSingleton<PatientStore>().AddSingleton<PatientDesk>().AddSingleton<Icd10Catalog>();
    }

    public static void MapPatients(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents/{id:long}/patients").RequireAuthorization(Policies.HubListener).WithTags("Patients");
        group.MapGet("/", List).Produces<IReadOnlyList<PatientView>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The incident's patients with their observations, oldest first (operators, admins; the crew of a unit sent to it). " +
                         "A read of a closed or cancelled incident's patients is recorded in the access log.");
        group.MapPost("/", Add).Accepts<PatientRequest>("application/json")
            .Produces<PatientView>(StatusCodes.Status201Created).Produces<PatientView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Add a patient. id (a UUID made by the phone) is optional; a replay with an id already recorded for this incident answers 200 with " +
                         "the stored patient, never a duplicate. Pushed as PatientChanged.");
        group.MapPut("/{patientId}", Change).Accepts<PatientRequest>("application/json")
            .Produces<PatientView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Change the fields sent (a field left out is kept; sent as null, cleared). Without version the fields sent win (last writer wins " +
                         "per field, so two phones changing different fields keep both); with version, 409 concurrency when the patient changed since. Pushed as PatientChanged.");
        group.MapPost("/{patientId}/observations", Observe).Accepts<ObservationRequest>("application/json")
            .Produces<PatientView>(StatusCodes.Status201Created).Produces<PatientView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Record observations (any subset, at least one; mmHg, /min, %, GCS 3-15, degC, mg/dL). A replay with the same id answers 200 and records nothing. Pushed as PatientChanged.");

        app.MapGet("/api/icd10", (string? q, int? limit, Icd10Catalog catalog) =>
                TypedResults.Ok(new Icd10Answer(catalog.HasList, catalog.Search(q ?? "", Math.Clamp(limit ?? 20, 1, 100)))))
            .RequireAuthorization(Policies.HubListener).WithTags("Patients")
            .WithSummary("Search the shipped ICD-10 code list by code prefix or by words of the title (crews, operators, admins); listShipped false when no list is shipped.");
    }

    public sealed record Icd10Answer(bool ListShipped, IReadOnlyList<Icd10Entry> Entries);

    private static async Task<IResult> List(long id, CurrentUser user, PatientDesk desk, AccessLog access, CancellationToken ct)
    {
        var (patients, past) = await desk.ListAsync(id, user, ct);
        if (past) await access.RecordAsync(user.Name, new AccessEntry(AccessActions.IncidentPatientsRead, IncidentId: id), ct);
        return TypedResults.Ok(patients);
    }

    private static Task<IResult> Add(long id, HttpContext http, CurrentUser user, PatientDesk desk, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<PatientRequest>(http, PatientRequest.MaxBytes, b => b.Validate(time.GetUtcNow()), async b =>
        {
            var (patient, created) = await desk.AddAsync(id, b.Id, b.ToChange(), user, ct);
            return created ? TypedResults.Created($"/api/incidents/{id}/patients/{patient.Id}", patient) : TypedResults.Ok(patient);
        });

    private static Task<IResult> Change(long id, string patientId, HttpContext http, CurrentUser user, PatientDesk desk, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<PatientRequest>(http, PatientRequest.MaxBytes,
            b => b.Validate(time.GetUtcNow()).Check(b.Id is null || b.Id == patientId, "id", "'id' differs from the patient in the address."),
            async b => TypedResults.Ok(await desk.ChangeAsync(id, patientId, b.ToChange(), b.Version, user, ct)));

    private static Task<IResult> Observe(long id, string patientId, HttpContext http, CurrentUser user, PatientDesk desk, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<ObservationRequest>(http, 4096, b => b.Validate(time.GetUtcNow()), async b =>
        {
            var (patient, created) = await desk.ObserveAsync(id, patientId, b.ToObservation(time.GetUtcNow()), user, ct);
            return created ? TypedResults.Created($"/api/incidents/{id}/patients/{patientId}", patient) : TypedResults.Ok(patient);
        });
}
