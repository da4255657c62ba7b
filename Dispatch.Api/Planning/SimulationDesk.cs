using System.Text.Json;
using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Security;
using Dispatch.Core.Common;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// The simulations desk: checks and stores a run, queues it, waits briefly for it, and reads runs
/// back for any node. Each run is a security event (who replayed which period).
/// </summary>
public sealed class SimulationDesk(Db db, HistoryStore history, SimulationStore store, ScenarioBuilder builder, SimulationQueue queue,
    SecurityEvents events, IOptions<PlanningOptions> options, TimeProvider time)
{
    public async Task<(SimulationJob? Job, IResult? Problem)> StartAsync(HttpContext http, SimulationRequest request, CancellationToken ct)
    {
        var (stations, units) = await db.ReadAsync(history.TodayAsync, ct);
        var (plan, problem) = builder.Build(request, stations, units);
        if (plan is null) return (null, problem);
        var id = Guid.NewGuid().ToString("D");
        var user = CurrentUser.From(http.User).Name;
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        await db.WriteAsync(user, s => store.AddAsync(s, id, name, JsonSerializer.Serialize(request, Json.Options), SimulationQueue.Runner), ct);
        events.Record(SecurityEventKinds.PlanningSimulation, http, new { id, from = plan.Period.From, to = plan.Period.To });
        var row = await db.ReadAsync(s => store.GetAsync(s, id), ct) ?? throw new NotFound($"Simulation {id}");
        var ended = queue.Enqueue(row);
        await Task.WhenAny(ended, Task.Delay(TimeSpan.FromSeconds(options.Value.WaitSeconds), time, ct));
        return (await GetAsync(id, ct), null);
    }

    public async Task<SimulationJob> GetAsync(string id, CancellationToken ct)
    {
        var row = Guid.TryParse(id, out _) ? await db.ReadAsync(s => store.GetAsync(s, id), ct) : null;
        return View(row ?? throw new NotFound($"Simulation {id}"));
    }

    public async Task<IReadOnlyList<SimulationSummary>> ListAsync(CancellationToken ct) =>
        (await db.ReadAsync(s => store.ListAsync(s, options.Value.ListLimit), ct)).Select(r =>
        {
            var job = View(r);
            return new SimulationSummary(job.Id, job.Status, job.Progress, job.From, job.To, job.Name, job.CreatedAt, job.CreatedBy, job.FinishedAt);
        }).ToList();

    private static SimulationJob View(SimulationRow r)
    {
        var request = JsonSerializer.Deserialize<SimulationRequest>(r.Request, Json.Options)!;
        var figures = r.Result is null ? null : JsonSerializer.Deserialize<SimulationFigures>(r.Result, Json.Options);
        return new SimulationJob(r.Id, r.Status, r.Progress, r.Error, request.From ?? "", request.To ?? "", r.Name,
            DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), r.CreatedBy, r.FinishedAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
            figures?.Basis, figures?.Calls, figures?.Skipped, figures?.Scenario, figures?.Baseline, figures?.Differences, request.Scenario);
    }
}
