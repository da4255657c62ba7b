namespace Dispatch.Core.Incidents;

/// <summary>
/// The time points of an incident (DOMAIN.md, after NEMSIS eTimes), all UTC. Each is set once,
/// by the transition that reaches it.
/// </summary>
public sealed record IncidentTimes
{
    public DateTimeOffset? CallReceived { get; init; }
    public DateTimeOffset? CallAnswered { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? UnitNotified { get; init; }
    public DateTimeOffset? Acknowledged { get; init; }
    public DateTimeOffset? EnRoute { get; init; }
    public DateTimeOffset? OnScene { get; init; }
    public DateTimeOffset? LeftScene { get; init; }
    public DateTimeOffset? AtDestination { get; init; }
    public DateTimeOffset? Handover { get; init; }
    public DateTimeOffset? BackInService { get; init; }
    public DateTimeOffset? Closed { get; init; }
    public DateTimeOffset? Cancelled { get; init; }
}
