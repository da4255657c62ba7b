using Dispatch.Api.Audit;
using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Api.Incidents;
using Dispatch.Core.Calls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Calls;

public static class CallEndpoints
{
    public sealed record CloseCallRequest(CallOutcome? Outcome);

    public sealed record AttachCallRequest(long? IncidentId);

    public static void MapCalls(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/calls", Ingest)
            .RequireAuthorization(Policies.Telephony)
            .WithTags("Telephony")
            .Accepts<IngestCallRequest>("application/json")
            .Produces<CallView>(StatusCodes.Status201Created)
            .Produces<CallView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Telephony ingest (X-Api-Key). 201 for a new call, 200 with the stored record when the externalId was seen before.");

        var operators = app.MapGroup("/api/calls").RequireAuthorization(Policies.Operators).WithTags("Calls");
        operators.MapGet("/", (int? limit, Db db, CallStore calls, CancellationToken ct) => ListOpen(limit, db, calls, ct))
            .WithSummary("Calls waiting or being handled, oldest first.");
        operators.MapGet("/{id:long}", async (long id, Db db, CallStore calls, CurrentUser user, AccessLog access, CancellationToken ct) =>
            {
                var call = CallView.From(await db.ReadAsync(s => calls.GetAsync(s, id), ct));
                await access.RecordAsync(user.Name, new AccessEntry(AccessActions.CallRead, IncidentId: call.IncidentId, CallId: id), ct);
                return TypedResults.Ok(call);
            })
            .WithSummary("One call with its caller number and location (recorded in the access log).");
        operators.MapGet("/{id:long}/duplicates", Duplicates)
            .WithSummary("Active incidents this call is probably about: same caller number, or near the point (lat/lon, else the device location) within the configured radius and time.");
        operators.MapPost("/{id:long}/answer", async (long id, CurrentUser user, CallDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.AnswerAsync(id, user.Name, ct)))
            .WithSummary("Claim the call; another operator who already answered it makes this 409.");
        operators.MapPost("/{id:long}/takeover", async (long id, CurrentUser user, CallDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.TakeOverAsync(id, user.Name, ct)))
            .WithSummary("Take over a call another operator answered and left: allowed once it has been answered for Console:TakeOverSeconds (422 takeover-too-soon before); logged as call.takenOver.");
        operators.MapPost("/{id:long}/close", Close).Accepts<CloseCallRequest>("application/json")
            .WithSummary("End the call without an incident: nonEmergencyAdvice, information, prank or abandoned.");
        operators.MapPost("/{id:long}/attach", Attach).Accepts<AttachCallRequest>("application/json")
            .WithSummary("A second caller about an active incident: link the call to it.");
        operators.MapPost("/{id:long}/incident", Open).Accepts<OpenIncidentRequest>("application/json")
            .Produces<IncidentView>(StatusCodes.Status201Created)
            .WithSummary("Open an incident from the answered call.");
    }

    private static async Task<IResult> Ingest(HttpContext http, CallIntake intake, TimeProvider time, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<IngestCallRequest>(http, IngestCallRequest.MaxBytes);
        if (body.Problem is not null) return body.Problem;
        var (parsed, problem) = body.Value!.Parse(time.GetUtcNow());
        if (problem is not null) return problem;
        // Which sender's key delivered the call (the PBX, NCC 119...): its configured name, never the key.
        var sender = http.User.FindFirst(ApiKeyHandler.SenderClaim)?.Value ?? "unknown";
        var (call, created) = await intake.IngestAsync(parsed!, sender, ct);
        return created ? TypedResults.Created($"/api/calls/{call.Id}", call) : TypedResults.Ok(call);
    }

    private static async Task<Ok<IReadOnlyList<DuplicateMatch>>> Duplicates(long id, double? lat, double? lon, Db db, CallStore calls,
        IncidentStore incidents, Microsoft.Extensions.Options.IOptions<DuplicateOptions> options, CancellationToken ct) =>
        TypedResults.Ok(await db.ReadAsync(async s =>
            DuplicateFinder.Find(await calls.GetAsync(s, id), Core.Geography.GeoPoint.Create(lat, lon), await incidents.ListActiveForDuplicatesAsync(s), options.Value), ct));

    private static async Task<Ok<IReadOnlyList<CallView>>> ListOpen(int? limit, Db db, CallStore calls, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CallView>>((await db.ReadAsync(s => calls.ListOpenAsync(s, Math.Clamp(limit ?? 200, 1, 1000)), ct))
            .Select(CallView.From).ToList());

    private static Task<IResult> Close(long id, HttpContext http, CurrentUser user, CallDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<CloseCallRequest>(http, 4096,
            b => new Validation().Check(b.Outcome is not null, "outcome", "'outcome' is required."),
            async b => TypedResults.Ok(await desk.CloseAsync(id, b.Outcome!.Value, user.Name, ct)));

    private static Task<IResult> Attach(long id, HttpContext http, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<AttachCallRequest>(http, 4096,
            b => new Validation().Check(b.IncidentId is not null, "incidentId", "'incidentId' is required."),
            async b => TypedResults.Ok(await desk.AttachAsync(id, b.IncidentId!.Value, user.Name, ct)));

    private static async Task<IResult> Open(long id, HttpContext http, CurrentUser user, IncidentDesk desk, Core.Geography.AreaResolver areas, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<OpenIncidentRequest>(http, OpenIncidentRequest.MaxBytes);
        if (body.Problem is not null) return body.Problem;
        var (details, problem) = body.Value!.Validate(areas);
        if (problem is not null) return problem;
        var incident = await desk.OpenAsync(id, details!, user.Name, ct);
        return TypedResults.Created($"/api/incidents/{incident.Id}", incident);
    }
}
