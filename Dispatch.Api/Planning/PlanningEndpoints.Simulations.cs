using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Planning;

/// <summary>What-if simulations: start a run, read one, list the latest.</summary>
public static partial class PlanningEndpoints
{
    private const int MaxBody = 256 * 1024;

    private static void MapSimulations(RouteGroupBuilder group)
    {
        group.MapPost("/simulations", Start)
            .WithSummary("Replays the period's closed incidents (from..to, WIB days, inclusive) on a scenario (stations moved, added or removed; units added, removed, " +
                         "retyped, rehomed or on shifts; a dispatch policy) side by side with today's configuration and the default policy. " +
                         "200 with the result when it ends within Planning:WaitSeconds, else 202 with its id and progress (Location: the run).")
            .Produces<SimulationJob>(StatusCodes.Status200OK).Produces<SimulationJob>(StatusCodes.Status202Accepted).ProducesValidationProblem();
        group.MapGet("/simulations/{id}", async (string id, SimulationDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)))
            .WithSummary("One simulation run: status, progress and, once done, the scenario's and the baseline's figures and their differences.")
            .Produces<SimulationJob>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/simulations", async (SimulationDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListAsync(ct)))
            .WithSummary("The latest simulation runs (Planning:ListLimit), newest first, without their figures.")
            .Produces<IReadOnlyList<SimulationSummary>>();
    }

    private static async Task<IResult> Start(HttpContext http, SimulationDesk desk, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<SimulationRequest>(http, MaxBody);
        if (body.Problem is { } invalid) return invalid;
        var (job, problem) = await desk.StartAsync(http, body.Value!, ct);
        if (problem is not null) return problem;
        return job!.Status is "done" or "failed" ? TypedResults.Ok(job) : TypedResults.Accepted($"/api/planning/simulations/{job.Id}", job);
    }
}
