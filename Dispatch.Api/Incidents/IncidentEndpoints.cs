using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Api.Units;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Incidents;

public static class IncidentEndpoints
{
    /// <param name="Divert">Send a unit committed to another incident (not yet on scene) here instead.</param>
    /// <param name="ConfirmLowerPriority">Confirms a diversion from a more urgent incident.</param>
    /// <param name="FromIncidentId">With divert: the incident the operator saw the unit on (the recommendation's divertFrom.incidentId).
    /// When the unit is on another by now (a second operator diverted it first), 409 unit-committed naming that one.</param>
    public sealed record AssignRequest(long? UnitId, bool? Divert = null, bool? ConfirmLowerPriority = null, long? FromIncidentId = null);

    public sealed record CancelRequest(string? Reason);

    public sealed record ReleaseRequest(string? Reason);

    /// <param name="At">When the status was reported (ISO-8601 with offset); absent for now.</param>
    public sealed record RecordStatusRequest(CrewStatus? Status, string? At, long? DestinationId);

    public sealed record NoteRequest(string? Text);

    public static void MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").RequireAuthorization(Policies.Operators).WithTags("Incidents");
        group.MapGet("/", async (IncidentDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListActiveAsync(ct)))
            .WithSummary("Active incidents (not closed or cancelled), each with its responses.");
        group.MapGet("/{id:long}", async (long id, IncidentDesk desk, CurrentUser user, AccessLog access, CancellationToken ct) =>
            {
                var incident = await desk.GetAsync(id, ct);
                await access.RecordAsync(user.Name, new AccessEntry(AccessActions.IncidentRead, IncidentId: id), ct);
                return TypedResults.Ok(incident);
            })
            .WithSummary("One incident: its first-unit time points and intervals, every unit response with its own times, waitingForUnit, isMajor (recorded in the access log).");
        group.MapPatch("/{id:long}", Change).Accepts<ChangeIncidentRequest>("application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change triage, location (kelurahan recomputed), address, complaint, patientCount, category, isEmergency or isMajor, with the version last seen (409 concurrency when another change came first).");
        group.MapGet("/{id:long}/log", async (long id, IncidentLogStore log, CurrentUser user, AccessLog access, CancellationToken ct) =>
            {
                var entries = await log.ForIncidentAsync(id, ct);
                await access.RecordAsync(user.Name, new AccessEntry(AccessActions.IncidentLogRead, IncidentId: id), ct);
                return TypedResults.Ok(entries);
            })
            .Produces<IReadOnlyList<IncidentLogStore.Entry>>()
            .WithSummary("Every action on the incident and its calls: who, when, what changed (the read is recorded in the access log). Personal values (callerNumber, address, complaint, text, name, lat, lon, ...) are stored sealed and opened here; once the person's data is erased they read as null and the entry carries erased: true.");
        group.MapGet("/{id:long}/recommendation", async (long id, IncidentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.RecommendAsync(id, ct)))
            .Produces<IReadOnlyList<Candidate>>()
            .WithSummary("Units ranked for one more response by estimated arrival (by road when a road network is loaded: etaBasis), each with a one-line reason; units already on the incident are left out; units on their way to a less urgent incident come with divertFrom { incidentId, triage }.");
        group.MapPost("/{id:long}/assign", Assign).Accepts<AssignRequest>("application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send one more unit. A unit committed elsewhere: 409 unit-committed with incidentId, unless divert: true (a less urgent target needs confirmLowerPriority: true too, else 409 divert-lower-priority); " +
                         "fromIncidentId, the incident the operator saw the unit on, makes a diversion fail with 409 unit-committed when another operator moved the unit first.");
        group.MapPost("/{id:long}/responses/{unitId:long}/release", Release).Accepts<ReleaseRequest>("application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Take a unit off the incident with a reason; the unit is available again and its crew told (AssignmentCancelled, endReason released).");
        group.MapPost("/{id:long}/responses/{unitId:long}/status", RecordStatus).Accepts<RecordStatusRequest>("application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record a unit's status reported by radio or phone (enRoute, onScene, transporting with destinationId, atDestination, handover, available, returning), at the time reported (optional at; not in the future, never before the response's previous time point); logged with via: radio.");
        group.MapPost("/{id:long}/cancel", Cancel).Accepts<CancelRequest>("application/json")
            .WithSummary("Cancel with a reason (before any unit reached the scene); units on their way are released and their crews told.");
        group.MapPost("/{id:long}/close", async (long id, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.CloseAsync(id, user.Name, ct)))
            .WithSummary("Close an incident whose units are all back in service.");

        // Notes: operators, and the crews of units sent to the incident (403 for others).
        var notes = app.MapGroup("/api/incidents/{id:long}/notes").RequireAuthorization(Policies.HubListener).WithTags("Incidents");
        notes.MapGet("/", async (long id, CurrentUser user, NoteDesk desk, AccessLog access, CancellationToken ct) =>
            {
                var list = await desk.ListAsync(id, user, ct);
                await access.RecordAsync(user.Name, new AccessEntry(AccessActions.IncidentNotesRead, IncidentId: id), ct);
                return TypedResults.Ok(list);
            })
            .WithSummary("The incident's notes, oldest first (operators; the crew of a unit sent to it); recorded in the access log.");
        notes.MapPost("/", AddNote).Accepts<NoteRequest>("application/json")
            .Produces<NoteView>().ProducesValidationProblem()
            .WithSummary("Append a note (operators; the crew of a unit sent to it); pushed as NoteAdded.");
    }

    private static Task<IResult> Assign(long id, HttpContext http, CurrentUser user, ResponseDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<AssignRequest>(http, 4096,
            b => new Validation().Check(b.UnitId is not null, "unitId", "'unitId' is required."),
            async b => TypedResults.Ok(await desk.AssignAsync(id, b.UnitId!.Value, b.Divert ?? false, b.ConfirmLowerPriority ?? false, user.Name, ct, b.FromIncidentId)));

    private static Task<IResult> Change(long id, HttpContext http, CurrentUser user, IncidentDesk desk, AreaResolver areas, CancellationToken ct) =>
        RequestBody.HandleAsync<ChangeIncidentRequest>(http, OpenIncidentRequest.MaxBytes,
            b => b.Validate(),
            async b => TypedResults.Ok(await desk.ChangeAsync(id, b.ToChange(areas), b.Version!.Value, user.Name, ct)));

    private static Task<IResult> Release(long id, long unitId, HttpContext http, CurrentUser user, ResponseDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<ReleaseRequest>(http, 4096,
            b => new Validation().Required("reason", b.Reason, TextLimits.ResponseReason),
            async b => TypedResults.Ok(await desk.ReleaseAsync(id, unitId, b.Reason!, user.Name, ct)));

    private static Task<IResult> RecordStatus(long id, long unitId, HttpContext http, CurrentUser user, ResponseDesk desk, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<RecordStatusRequest>(http, 4096,
            b => new Validation()
                .Check(b.Status is not null and not CrewStatus.AtStation, "status", "'status' is required: enRoute, onScene, transporting, atDestination, handover, available or returning.")
                .CheckTapTime(b.At, time.GetUtcNow()),
            async b => TypedResults.Ok(await desk.RecordStatusAsync(id, unitId, b.Status!.Value, TapTime.Resolve(b.At, time.GetUtcNow()), b.DestinationId, user.Name, ct)));

    private static Task<IResult> Cancel(long id, HttpContext http, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<CancelRequest>(http, 4096,
            b => new Validation().Required("reason", b.Reason, TextLimits.CancelReason),
            async b => TypedResults.Ok(await desk.CancelAsync(id, b.Reason!, user.Name, ct)));

    private static Task<IResult> AddNote(long id, HttpContext http, CurrentUser user, NoteDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<NoteRequest>(http, 16 * 1024,
            b => new Validation().Required("text", b.Text, TextLimits.Note),
            async b => TypedResults.Ok(await desk.AddAsync(id, b.Text!, user, ct)));
}
