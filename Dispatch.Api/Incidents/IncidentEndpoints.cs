using Dispatch.Api.Auth;
using Dispatch.Api.Http;
using Dispatch.Core.Common;
using Dispatch.Core.Recommendation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Incidents;

public static class IncidentEndpoints
{
    public sealed record AssignRequest(long? UnitId);

    public sealed record CancelRequest(string? Reason);

    public static void MapIncidents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").RequireAuthorization(Policies.Operators).WithTags("Incidents");
        group.MapGet("/", async (IncidentDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListActiveAsync(ct)))
            .WithSummary("Active incidents (not closed or cancelled).");
        group.MapGet("/{id:long}", async (long id, IncidentDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)));
        group.MapGet("/{id:long}/log", async (long id, IncidentLogStore log, CancellationToken ct) => TypedResults.Ok(await log.ForIncidentAsync(id, ct)))
            .WithSummary("Every action on the incident and its calls: who, when, what changed.");
        group.MapGet("/{id:long}/recommendation", async (long id, IncidentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.RecommendAsync(id, ct)))
            .Produces<IReadOnlyList<Candidate>>()
            .WithSummary("Available units ranked by estimated arrival (by road when a road network is loaded: etaBasis), each with a one-line reason.");
        group.MapPost("/{id:long}/assign", Assign).Accepts<AssignRequest>("application/json")
            .WithSummary("Send a unit; 409 when the unit or the incident changed meanwhile.");
        group.MapPost("/{id:long}/cancel", Cancel).Accepts<CancelRequest>("application/json")
            .WithSummary("Cancel with a reason; an assigned unit is released and its crew told.");
        group.MapPost("/{id:long}/close", async (long id, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.CloseAsync(id, user.Name, ct)))
            .WithSummary("Close an incident whose unit is back in service.");
    }

    private static Task<IResult> Assign(long id, HttpContext http, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<AssignRequest>(http, 4096,
            b => new Validation().Check(b.UnitId is not null, "unitId", "'unitId' is required."),
            async b => TypedResults.Ok(await desk.AssignAsync(id, b.UnitId!.Value, user.Name, ct)));

    private static Task<IResult> Cancel(long id, HttpContext http, CurrentUser user, IncidentDesk desk, CancellationToken ct) =>
        RequestBody.HandleAsync<CancelRequest>(http, 4096,
            b => new Validation().Required("reason", b.Reason, TextLimits.CancelReason),
            async b => TypedResults.Ok(await desk.CancelAsync(id, b.Reason!, user.Name, ct)));
}
