using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Routing;

public static class RoutingEndpoints
{
    public static void MapRouting(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routing").RequireAuthorization(Policies.Operators).WithTags("Routing");
        group.MapGet("/eta", Eta)
            .Produces<EtaView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Travel by road between two points: from=LAT,LON&to=LAT,LON. Answers { seconds, meters, snapDistanceMeters, geometry (GeoJSON LineString) }; "
                         + "400 naming the malformed field; 422 when a point is too far from any road or no road connects them; 503 when no road network is loaded.");
        group.MapGet("/status", (RoadNetworkHost roads) => TypedResults.Ok(roads.Status))
            .WithSummary("Whether arrival times come from the road network or from straight lines, and why (the last load's error names the feature at fault).");
        app.MapGet("/api/incidents/{id:long}/route", async (long id, RouteDesk desk, CancellationToken ct) =>
                await desk.ForIncidentAsync(id, ct) is { } route ? Results.Ok(route) : Results.NoContent())
            .RequireAuthorization(Policies.Operators).WithTags("Routing").Produces<AssignedRouteView>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("The assigned unit's route to the scene while it is on its way; 204 when no unit is on its way.");
    }

    private static IResult Eta(string? from, string? to, RoadNetworkHost roads)
    {
        var a = PointQuery.Parse(from);
        var b = PointQuery.Parse(to);
        var problem = new Validation()
            .Check(a is not null, "from", "'from' must be LAT,LON in decimal degrees within -90..90, -180..180 (e.g. -0.79,100.65).")
            .Check(b is not null, "to", "'to' must be LAT,LON in decimal degrees within -90..90, -180..180 (e.g. -0.79,100.65).")
            .Problem;
        if (problem is not null) return problem;
        if (roads.Current is not { } network)
            return TypedResults.Problem("No road network is loaded (Roads:Path); arrival times are straight-line estimates. See /api/routing/status.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Routing unavailable",
                extensions: ProblemMapping.Code("no-road-network"));
        var outcome = network.Route(a!.Value, b!.Value);
        if (outcome.Route is { } r)
            return TypedResults.Ok(new EtaView(Math.Round(r.Seconds, 1), Math.Round(r.Meters, 1), Math.Round(r.SnapMeters, 1), LineStringView.Of(r.Path)));
        return TypedResults.Problem($"Cannot route: {outcome.Explain(network.MaxSnapMeters)}.", statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Not routable", extensions: ProblemMapping.Code(outcome.Failure.ToString()));
    }
}
