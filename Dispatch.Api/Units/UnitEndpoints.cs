using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Http;
using Dispatch.Api.Incidents;
using Dispatch.Api.Routing;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Units;

public static class UnitEndpoints
{
    /// <param name="At">When the crew tapped (ISO-8601 with offset); absent for now. See <see cref="TapTime"/>.</param>
    /// <param name="IncidentId">The incident the tap was meant for; 409 assignment-changed when the unit is no longer on it.</param>
    public sealed record StatusRequest(CrewStatus? Status, long? DestinationId, string? At = null, long? IncidentId = null);

    /// <param name="At">When the crew tapped accept (ISO-8601 with offset); absent for now.</param>
    /// <param name="IncidentId">The incident the tap was meant for; 409 assignment-changed when the unit's assignment is another.</param>
    public sealed record AcknowledgeRequest(string? At, long? IncidentId = null);

    /// <param name="IncidentId">The incident the crew declines; 409 assignment-changed when the unit's assignment is another.</param>
    public sealed record DeclineRequest(string? Reason, long? IncidentId = null);

    public sealed record PositionRequest(double? Lat, double? Lon, double? Accuracy, DateTimeOffset? At);

    public static void MapUnits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/units", async (Db db, UnitStore units, CancellationToken ct) =>
                TypedResults.Ok((await db.ReadAsync(units.ListAsync, ct)).Select(UnitView.From).ToList()))
            .RequireAuthorization(Policies.Operators).WithTags("Units")
            .WithSummary("All units with status and last position.");

        // Crew actions are keyed by unit: a crew member may act on their own unit only (403 otherwise).
        var crew = app.MapGroup("/api/units/{unitId:long}").RequireAuthorization(Policies.Crew).WithTags("Crew")
            .AddEndpointFilter(OwnUnitOnly);
        crew.MapGet("/", async (long unitId, Db db, UnitStore units, CancellationToken ct) =>
                TypedResults.Ok(CrewUnitView.From(await db.ReadAsync(s => units.GetAsync(s, unitId), ct))))
            .WithSummary("The crew's own unit: status, last position, and the statuses it may report next while it has no incident.");
        crew.MapGet("/assignment", async (long unitId, CrewDesk desk, CancellationToken ct) =>
                await desk.CurrentAssignmentAsync(unitId, ct) is { } a ? Results.Ok(a) : Results.NoContent())
            .Produces<AssignmentView>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("The unit's current assignment (scene, triage, category, patients, caller's number, steps allowed next), or 204 when it has none.");
        crew.MapGet("/route", async (long unitId, RouteDesk desk, CancellationToken ct) =>
                await desk.ForUnitAsync(unitId, ct) is { } route ? Results.Ok(route) : Results.NoContent())
            .Produces<AssignedRouteView>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("The unit's route to the scene of its assignment while on its way (by road, or the straight line), or 204.");
        crew.MapGet("/destinations", async (long unitId, Facilities.DestinationDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ForUnitAsync(unitId, ct)))
            .Produces<IReadOnlyList<Facilities.DestinationView>>()
            .WithSummary("Hospitals and puskesmas to take a patient to, nearest first by road ETA from the unit's last position (basis straightLine " +
                "when the road network has no route), each with its availability and warn: true when full or diverting.");
        crew.MapPost("/acknowledge", Acknowledge).Accepts<AcknowledgeRequest>(isOptional: true, "application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Acknowledge the current assignment; optional body {at}: the tap time of an acknowledgement that waited for signal (409 time-out-of-order before the previous time point); optional incidentId (409 assignment-changed when the assignment is another).");
        crew.MapPost("/status", SetStatus).Accepts<StatusRequest>("application/json")
            .Produces<UnitView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("enRoute, onScene, transporting (with destinationId), atDestination, handover, available, returning, atStation; optional at: the tap time (ISO-8601 with offset, at most 30 s ahead of the server; 409 time-out-of-order before the previous time point); optional incidentId: the incident the tap was meant for (409 assignment-changed otherwise).");
        crew.MapPost("/decline", Decline).Accepts<DeclineRequest>("application/json")
            .Produces<IncidentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The crew cannot take its assignment (breakdown, no ALS crew...): before acknowledging, with a reason (409 decline-too-late after). The unit goes out of service; operators see the decline at once.");
        crew.MapPost("/position", ReportPosition).Accepts<PositionRequest>("application/json")
            .WithSummary("The phone's position (lat, lon, accuracy in metres, device time).");
    }

    private static ValueTask<object?> OwnUnitOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = CurrentUser.From(context.HttpContext.User);
        var route = context.HttpContext.GetRouteValue("unitId")?.ToString();
        return long.TryParse(route, out var unitId) && user.UnitId == unitId
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem("Crews act on their own unit only.", statusCode: StatusCodes.Status403Forbidden,
                extensions: ProblemMapping.Code("own-unit-only")));
    }

    private static Task<IResult> SetStatus(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, TimeProvider time, CancellationToken ct) =>
        RequestBody.HandleAsync<StatusRequest>(http, 4096,
            b => new Validation().Check(b.Status is not null, "status", "'status' is required.").CheckTapTime(b.At, time.GetUtcNow()),
            async b => TypedResults.Ok(await desk.SetStatusAsync(unitId, b, user.Name, ct)));

    private static async Task<IResult> Acknowledge(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, TimeProvider time, CancellationToken ct)
    {
        // The body is optional: an acknowledgement sent at once needs none.
        var request = http.Request;
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.HasJsonContentType()))
            return TypedResults.Ok(await desk.AcknowledgeAsync(unitId, new(null), user.Name, ct));
        return await RequestBody.HandleAsync<AcknowledgeRequest>(http, 1024,
            b => new Validation().CheckTapTime(b.At, time.GetUtcNow()),
            async b => TypedResults.Ok(await desk.AcknowledgeAsync(unitId, b, user.Name, ct)));
    }

    private static Task<IResult> Decline(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<DeclineRequest>(http, 4096,
            b => new Validation().Required("reason", b.Reason, Dispatch.Core.Common.TextLimits.ResponseReason),
            async b => TypedResults.Ok(await desk.DeclineAsync(unitId, b.Reason!, b.IncidentId, user.Name, ct)));

    private static Task<IResult> ReportPosition(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<PositionRequest>(http, 4096,
            b => new Validation().Check(GeoPoint.Create(b.Lat, b.Lon) is { IsValid: true }, "lat", "'lat' and 'lon' are required, within -90..90 and -180..180."),
            async b => TypedResults.Ok(await desk.ReportPositionAsync(unitId, GeoPoint.Create(b.Lat, b.Lon)!.Value, b.Accuracy, b.At, user.Name, ct)));
}
