using System.Text.Json;
using Dispatch.Api.Database;
using Dispatch.Api.Routing;
using Dispatch.Core.Incidents;
using Dispatch.Core.Planning;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Planning;

/// <summary>
/// Runs one stored simulation: reads today's stations and units and the period's history, builds
/// one travel table for every station position of both configurations (the same routing as the
/// recommendation: the road network in use, else the straight-line estimate), replays the
/// baseline and the scenario, and stores the figures. Progress is written every 5%.
/// </summary>
public sealed class SimulationRunner(Db db, HistoryStore history, SimulationStore store, ScenarioBuilder builder, RoadNetworkHost roads,
    TravelEstimator travel, IOptions<TriageOptions> targets)
{
    public async Task RunAsync(SimulationRow job, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<SimulationRequest>(job.Request, Json.Options)!;
        var (stations, units) = await db.ReadAsync(history.TodayAsync, ct);
        var (plan, problem) = builder.Build(request, stations, units);
        if (plan is null)
        {
            await FinishAsync(job, null, $"The scenario no longer fits today's stations and units ({problem}).", ct);
            return;
        }
        var period = plan.Period;
        var past = await db.ReadAsync(s => history.CallsAsync(s, period.FromMs, period.ToMs), ct);
        var origins = plan.Baseline.Stations.Concat(plan.Scenario.Stations).Select(s => s.Position).Distinct().ToList();
        var table = TravelTable.Build(roads.Current, origins, travel.StraightLine);
        var reporter = new ProgressWriter(p => db.WriteAsync(job.CreatedBy, s => store.ProgressAsync(s, job.Id, p), ct));
        var simPeriod = new SimPeriod(period.FromMs, period.ToMs);
        var baseline = Replay(plan.Baseline, 0);
        var scenario = Replay(plan.Scenario, 0.5);
        await reporter.FlushAsync();
        var figures = new SimulationFigures(table.Basis == TravelBasis.Road ? "road" : "straightLine", past.Calls.Count, new SimulationSkipped(past.NoLocation),
            scenario, baseline, SimulationFigures.Compare(scenario, baseline));
        await FinishAsync(job, JsonSerializer.Serialize(figures, Json.Options), null, ct);

        SimulationOutcome Replay(SimWorld world, double offset)
        {
            var run = Simulator.Run(world, past.Calls, table, targets.Value, p => reporter.Report(offset + (p / 2)));
            return SimulationOutcome.Of(world, past.Calls, run, simPeriod, targets.Value);
        }
    }

    public Task FinishAsync(SimulationRow job, string? result, string? error, CancellationToken ct) =>
        db.WriteAsync(job.CreatedBy, s => store.FinishAsync(s, job.Id, result, error), ct);

    /// <summary>Writes progress from the synchronous replay every 5%, one write at a time, never blocking the replay.</summary>
    private sealed class ProgressWriter(Func<double, Task> write)
    {
        private double _written;
        private Task _pending = Task.CompletedTask;

        public void Report(double progress)
        {
            if (progress - _written < 0.05 || !_pending.IsCompleted) return;
            _written = progress;
            _pending = write(Math.Round(progress, 3));
        }

        public Task FlushAsync() => _pending;
    }
}
