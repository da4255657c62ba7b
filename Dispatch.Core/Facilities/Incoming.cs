using Dispatch.Core.Incidents;

namespace Dispatch.Core.Facilities;

/// <summary>
/// A patient on their way to a hospital, as the hospital is told: one unit's response whose crew
/// chose the hospital as destination, from leaving the scene until the handover ends it.
/// </summary>
public sealed record IncomingKey(long ResponseId, long FacilityId);

public static class Incoming
{
    /// <summary>The statuses during which a hospital sees the patient coming (and arrived, until the response ends).</summary>
    public static bool IsIncoming(ResponseStatus status, long? destinationId) =>
        destinationId is not null && status is ResponseStatus.Transporting or ResponseStatus.AtDestination or ResponseStatus.Handover;

    /// <summary>The statuses that make a response a pre-notification, as stored (<c>responses.status</c>).</summary>
    public static readonly IReadOnlyList<ResponseStatus> Statuses = [ResponseStatus.Transporting, ResponseStatus.AtDestination, ResponseStatus.Handover];

    /// <summary>The pre-notifications an incident holds now, one per response heading to a facility.</summary>
    public static IReadOnlyList<IncomingKey> Of(IEnumerable<(long Id, ResponseStatus Status, long? DestinationId)> responses) =>
        responses.Where(r => IsIncoming(r.Status, r.DestinationId)).Select(r => new IncomingKey(r.Id, r.DestinationId!.Value)).ToList();

    /// <summary>The pre-notifications that ended between two states of an incident (arrived and handed over, cancelled, released, destination changed).</summary>
    public static IReadOnlyList<IncomingKey> Ended(IReadOnlyList<IncomingKey> before, IReadOnlyList<IncomingKey> after) =>
        before.Except(after).ToList();
}

/// <summary>One hospital as a crew's possible destination: its travel time from the unit (null when the unit's position is unknown) and what it reported.</summary>
public sealed record DestinationOption(long FacilityId, string Name, double? Seconds, Availability Availability);

public static class Destinations
{
    /// <summary>
    /// Nearest first by travel time (by road, or the straight-line estimate when there is no road
    /// route); without a time (the unit's position unknown) after the others, by name.
    /// </summary>
    public static IReadOnlyList<DestinationOption> Order(IEnumerable<DestinationOption> options) =>
        options.OrderBy(o => o.Seconds is null).ThenBy(o => o.Seconds).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.FacilityId).ToList();
}
