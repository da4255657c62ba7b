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
    public sealed record StatusRequest(CrewStatus? Status, long? DestinationId);

    public sealed record PositionRequest(double? Lat, double? Lon, double? Accuracy, DateTimeOffset? At);

    public static void MapUnits(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/units", async (Db db, UnitStore units, CancellationToken ct) =>
                TypedResults.Ok((await db.ReadAsync(units.ListAsync, ct)).Select(UnitView.From).ToList()))
            .RequireAuthorization(Policies.Operators).WithTags("Units")
            .WithSummary("All units with status and last position.");
        app.MapGet("/api/facilities", async (Db db, StationStore stations, CancellationToken ct) =>
                TypedResults.Ok(await db.ReadAsync(stations.ListAsync, ct)))
            .RequireAuthorization(Policies.HubListener).WithTags("Units")
            .WithSummary("Stations and facilities (PSC posts, hospitals, puskesmas); crews pick a destination from these.");

        // Crew actions are keyed by unit: a crew member may act on their own unit only (403 otherwise).
        var crew = app.MapGroup("/api/units/{unitId:long}").RequireAuthorization(Policies.Crew).WithTags("Crew")
            .AddEndpointFilter(OwnUnitOnly);
        crew.MapGet("/", async (long unitId, Db db, UnitStore units, CancellationToken ct) =>
                TypedResults.Ok(UnitView.From(await db.ReadAsync(s => units.GetAsync(s, unitId), ct))))
            .WithSummary("The crew's own unit: status and last position.");
        crew.MapGet("/assignment", async (long unitId, CrewDesk desk, CancellationToken ct) =>
                await desk.CurrentAssignmentAsync(unitId, ct) is { } a ? Results.Ok(a) : Results.NoContent())
            .WithSummary("The unit's current assignment, or 204 when it has none.");
        crew.MapGet("/route", async (long unitId, RouteDesk desk, CancellationToken ct) =>
                await desk.ForUnitAsync(unitId, ct) is { } route ? Results.Ok(route) : Results.NoContent())
            .Produces<AssignedRouteView>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("The unit's route to the scene of its assignment while on its way (by road, or the straight line), or 204.");
        crew.MapPost("/acknowledge", async (long unitId, CurrentUser user, CrewDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.AcknowledgeAsync(unitId, user.Name, ct)))
            .WithSummary("Acknowledge the current assignment.");
        crew.MapPost("/status", SetStatus).Accepts<StatusRequest>("application/json")
            .WithSummary("enRoute, onScene, transporting (with destinationId), atDestination, handover, available, returning, atStation.");
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

    private static Task<IResult> SetStatus(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<StatusRequest>(http, 4096,
            b => new Validation().Check(b.Status is not null, "status", "'status' is required."),
            async b => TypedResults.Ok(await desk.SetStatusAsync(unitId, b.Status!.Value, b.DestinationId, user.Name, ct)));

    private static Task<IResult> ReportPosition(long unitId, HttpContext http, CurrentUser user, CrewDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<PositionRequest>(http, 4096,
            b => new Validation().Check(GeoPoint.Create(b.Lat, b.Lon) is { IsValid: true }, "lat", "'lat' and 'lon' are required, within -90..90 and -180..180."),
            async b => TypedResults.Ok(await desk.ReportPositionAsync(unitId, GeoPoint.Create(b.Lat, b.Lon)!.Value, b.Accuracy, b.At, user.Name, ct)));
}
