using Dispatch.Core.Incidents;

namespace Dispatch.Api.Incidents;

/// <summary>One unit's response on the wire: its status, its own time points, destination and how it ended.</summary>
/// <param name="CallSign">The unit's call sign when it was sent.</param>
/// <param name="EndReason">completed, released, diverted, declined or cancelled; null while active.</param>
/// <param name="EndNote">Why it was released or declined.</param>
/// <param name="Via">How the latest status came: crew (the phone) or radio (entered by an operator).</param>
public sealed record ResponseView(
    long Id,
    long UnitId,
    string CallSign,
    ResponseStatus Status,
    DateTimeOffset NotifiedAt,
    string NotifiedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? EnRouteAt,
    DateTimeOffset? OnSceneAt,
    DateTimeOffset? LeftSceneAt,
    DateTimeOffset? AtDestinationAt,
    DateTimeOffset? HandoverAt,
    DateTimeOffset? BackInServiceAt,
    long? DestinationId,
    DateTimeOffset? EndedAt,
    ResponseEnd? EndReason,
    string? EndNote,
    long? DivertedToIncidentId,
    string? Via)
{
    public static ResponseView From(Response r) => new(
        r.Id, r.UnitId, r.CallSign, r.Status, r.NotifiedAt, r.NotifiedBy, r.AcknowledgedAt, r.EnRouteAt, r.OnSceneAt, r.LeftSceneAt,
        r.AtDestinationAt, r.HandoverAt, r.BackInServiceAt, r.DestinationId, r.EndedAt, r.EndReason, r.EndNote,
        r.DivertedToIncidentId, r.Via);

}
