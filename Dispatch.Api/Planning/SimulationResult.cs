using Dispatch.Core.Planning;

namespace Dispatch.Api.Planning;

/// <summary>
/// A simulation run: its state and, once done, the scenario's figures side by side with the same
/// period replayed on today's configuration and the default policy (<c>baseline</c>), and the
/// differences (scenario minus baseline). Seconds for times, 0..1 for shares, null where nothing
/// was measured. Only kelurahan-level figures: no personal data.
/// </summary>
/// <param name="Id">The run's id (GUID).</param>
/// <param name="Status">queued, running, done or failed.</param>
/// <param name="Progress">0..1.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Basis">"road" when travel came from the road network, "straightLine" without one.</param>
/// <param name="Calls">Calls replayed (closed incidents of the period with a position).</param>
/// <param name="Skipped">Calls not replayed, by reason.</param>
/// <param name="Request">The scenario as sent.</param>
public sealed record SimulationJob(string Id, string Status, double Progress, string? Error, string From, string To, string? Name,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt, string? Basis, int? Calls, SimulationSkipped? Skipped,
    SimulationOutcome? Scenario, SimulationOutcome? Baseline, SimulationDifferences? Differences, ScenarioRequest? Request);

/// <summary>Calls of the period that were not replayed: <c>noLocation</c>, without a position.</summary>
public sealed record SimulationSkipped(int NoLocation);

/// <summary>A run in the list (newest first), without its figures.</summary>
public sealed record SimulationSummary(string Id, string Status, double Progress, string From, string To, string? Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt);

/// <summary>Scenario minus baseline: late arrivals overall and, per triage, late, compliance, median and p90 (null where either side has none).</summary>
public sealed record SimulationDifferences(int Late, int Waited, IReadOnlyDictionary<string, TriageDifference> ByTriage);

/// <summary>One triage's differences, scenario minus baseline.</summary>
public sealed record TriageDifference(int? Late, double? Compliance, double? Median, double? P90);

/// <summary>What the scenario and baseline computed, stored as the run's result.</summary>
public sealed record SimulationFigures(string Basis, int Calls, SimulationSkipped Skipped, SimulationOutcome Scenario, SimulationOutcome Baseline, SimulationDifferences Differences)
{
    public static SimulationDifferences Compare(SimulationOutcome scenario, SimulationOutcome baseline) =>
        new(scenario.Late - baseline.Late, scenario.Waited - baseline.Waited, scenario.ByTriage.ToDictionary(x => x.Key, x =>
        {
            var b = baseline.ByTriage[x.Key];
            return new TriageDifference(x.Value.Late - b.Late, x.Value.Compliance - b.Compliance, x.Value.Median - b.Median, x.Value.P90 - b.P90);
        }));
}
