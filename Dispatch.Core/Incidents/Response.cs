using Dispatch.Core.Common;

namespace Dispatch.Core.Incidents;

/// <summary>Where one unit's response to an incident stands.</summary>
public enum ResponseStatus
{
    /// <summary>The unit was notified and has not acknowledged yet.</summary>
    Dispatched,
    Acknowledged,
    EnRoute,
    OnScene,
    Transporting,
    AtDestination,
    Handover,
    /// <summary>The response is over; <see cref="Response.EndReason"/> says how.</summary>
    Ended,
}

/// <summary>How a response ended.</summary>
public enum ResponseEnd
{
    /// <summary>The unit reported back in service after its work.</summary>
    Completed,
    /// <summary>An operator took the unit off the incident (with a reason).</summary>
    Released,
    /// <summary>The unit was sent to another, more urgent incident before reaching the scene.</summary>
    Diverted,
    /// <summary>The crew could not take the job (with a reason).</summary>
    Declined,
    /// <summary>The incident was cancelled.</summary>
    Cancelled,
}

/// <summary>
/// One unit sent to an incident, with its own status and time points (NEMSIS keeps eTimes per unit
/// response; the incident's times are derived from its responses, see <see cref="Incident"/>).
/// Every step goes through this class, which refuses illegal moves and time points that run
/// backwards.
/// </summary>
public sealed class Response
{
    private static readonly Dictionary<ResponseStatus, ResponseStatus[]> Allowed = new()
    {
        [ResponseStatus.Dispatched] = [ResponseStatus.Acknowledged, ResponseStatus.EnRoute],
        [ResponseStatus.Acknowledged] = [ResponseStatus.EnRoute],
        [ResponseStatus.EnRoute] = [ResponseStatus.OnScene],
        [ResponseStatus.OnScene] = [ResponseStatus.Transporting, ResponseStatus.Ended],
        [ResponseStatus.Transporting] = [ResponseStatus.AtDestination],
        [ResponseStatus.AtDestination] = [ResponseStatus.Handover, ResponseStatus.Ended],
        [ResponseStatus.Handover] = [ResponseStatus.Ended],
        [ResponseStatus.Ended] = [],
    };

    /// <summary>How a status was reported: by the crew's phone or entered by an operator from a radio or phone report.</summary>
    public const string ViaCrew = "crew";
    public const string ViaRadio = "radio";

    private Response() { }

    internal Response(long incidentId, long unitId, string callSign, string notifiedBy, DateTimeOffset at)
    {
        IncidentId = incidentId;
        UnitId = unitId;
        CallSign = callSign;
        NotifiedBy = notifiedBy;
        NotifiedAt = at;
        Status = ResponseStatus.Dispatched;
    }

    public long Id { get; private set; }
    public long IncidentId { get; private set; }
    public long UnitId { get; private set; }
    /// <summary>The unit's call sign when it was sent (kept as it was, like NEMSIS eResponse.14).</summary>
    public string CallSign { get; private set; } = "";
    public ResponseStatus Status { get; private set; }
    public string NotifiedBy { get; private set; } = "";
    public DateTimeOffset NotifiedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? EnRouteAt { get; private set; }
    public DateTimeOffset? OnSceneAt { get; private set; }
    public DateTimeOffset? LeftSceneAt { get; private set; }
    public DateTimeOffset? AtDestinationAt { get; private set; }
    public DateTimeOffset? HandoverAt { get; private set; }
    public DateTimeOffset? BackInServiceAt { get; private set; }
    public long? DestinationId { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public ResponseEnd? EndReason { get; private set; }
    /// <summary>Why it was released or declined, in the operator's or crew's words.</summary>
    public string? EndNote { get; private set; }
    /// <summary>The incident a diverted unit was sent to.</summary>
    public long? DivertedToIncidentId { get; private set; }
    /// <summary>How the latest status was reported (<see cref="ViaCrew"/> or <see cref="ViaRadio"/>); null while only dispatched.</summary>
    public string? Via { get; private set; }

    public bool IsActive => Status != ResponseStatus.Ended;
    public bool IsCompleted => EndReason == ResponseEnd.Completed;

    /// <summary>Before reaching the scene: the unit may still be diverted or its crew decline (before acknowledging).</summary>
    public bool IsCommittedNotOnScene => Status is ResponseStatus.Dispatched or ResponseStatus.Acknowledged or ResponseStatus.EnRoute;

    /// <summary>The latest time point set: no new one may precede it.</summary>
    public DateTimeOffset Latest =>
        new[] { NotifiedAt, AcknowledgedAt, EnRouteAt, OnSceneAt, LeftSceneAt, AtDestinationAt, HandoverAt, BackInServiceAt, EndedAt }.Max()!.Value;

    /// <summary>When the response entered its current status.</summary>
    public DateTimeOffset StatusSince => Status switch
    {
        ResponseStatus.Dispatched => NotifiedAt,
        ResponseStatus.Acknowledged => AcknowledgedAt!.Value,
        ResponseStatus.EnRoute => EnRouteAt!.Value,
        ResponseStatus.OnScene => OnSceneAt!.Value,
        ResponseStatus.Transporting => LeftSceneAt!.Value,
        ResponseStatus.AtDestination => AtDestinationAt!.Value,
        ResponseStatus.Handover => HandoverAt!.Value,
        _ => EndedAt!.Value,
    };

    public static bool CanMove(ResponseStatus from, ResponseStatus to) => Allowed[from].Contains(to);

    /// <summary>The response status a crew report leads to; null for a report that needs no incident (at station).</summary>
    public static ResponseStatus? StatusFor(CrewStatus status) => status switch
    {
        CrewStatus.EnRoute => ResponseStatus.EnRoute,
        CrewStatus.OnScene => ResponseStatus.OnScene,
        CrewStatus.Transporting => ResponseStatus.Transporting,
        CrewStatus.AtDestination => ResponseStatus.AtDestination,
        CrewStatus.Handover => ResponseStatus.Handover,
        CrewStatus.Available or CrewStatus.Returning => ResponseStatus.Ended,
        _ => null,
    };

    public void Acknowledge(DateTimeOffset at, string via = ViaCrew)
    {
        MoveTo(ResponseStatus.Acknowledged, at);
        AcknowledgedAt = at;
        Via = via;
    }

    /// <summary>A status reported by the crew or, <paramref name="via"/> radio, entered by an operator; transporting needs a destination.</summary>
    public void Apply(CrewStatus status, DateTimeOffset at, long? destinationId, string via)
    {
        var next = StatusFor(status)
            ?? throw new RuleViolation("illegal-transition", $"Status {status} does not apply to a response.");
        if (next == ResponseStatus.Transporting && destinationId is null)
            throw new RuleViolation("destination-required", "Transporting needs a destination facility.");
        MoveTo(next, at);
        switch (next)
        {
            case ResponseStatus.EnRoute: EnRouteAt = at; break;
            case ResponseStatus.OnScene: OnSceneAt = at; break;
            case ResponseStatus.Transporting: LeftSceneAt = at; DestinationId = destinationId; break;
            case ResponseStatus.AtDestination: AtDestinationAt = at; break;
            case ResponseStatus.Handover: HandoverAt = at; break;
            default: BackInServiceAt = at; End(ResponseEnd.Completed, at, null); break;
        }
        Via = via;
    }

    /// <summary>An operator takes the unit off the incident, whatever it was doing.</summary>
    internal void Release(string reason, DateTimeOffset at)
    {
        EnsureActive();
        EnsureReason(reason);
        EnsureNotBefore(at, "released");
        End(ResponseEnd.Released, at, reason);
    }

    /// <summary>The crew cannot take the job; only before acknowledging it.</summary>
    internal void Decline(string reason, DateTimeOffset at)
    {
        if (Status != ResponseStatus.Dispatched)
            throw new RuleViolation("decline-too-late", $"The crew can decline only before acknowledging; the response is {Status}.");
        EnsureReason(reason);
        EnsureNotBefore(at, "declined");
        End(ResponseEnd.Declined, at, reason);
        Via = ViaCrew;
    }

    /// <summary>The unit leaves for <paramref name="toIncidentId"/>; only before it reaches the scene.</summary>
    internal void DivertTo(long toIncidentId, DateTimeOffset at)
    {
        if (!IsCommittedNotOnScene)
            throw new RuleViolation("divert-not-allowed", $"Only a unit not yet on scene can be diverted; it is {Status}.");
        EnsureNotBefore(at, "diverted");
        DivertedToIncidentId = toIncidentId;
        End(ResponseEnd.Diverted, at, null);
    }

    /// <summary>The incident was cancelled: the response ends with it.</summary>
    internal void Cancel(DateTimeOffset at)
    {
        EnsureActive();
        EnsureNotBefore(at, "cancelled");
        End(ResponseEnd.Cancelled, at, null);
    }

    private void End(ResponseEnd how, DateTimeOffset at, string? note)
    {
        Status = ResponseStatus.Ended;
        EndedAt = at;
        EndReason = how;
        EndNote = note;
    }

    private void MoveTo(ResponseStatus next, DateTimeOffset at)
    {
        if (!CanMove(Status, next))
            throw new RuleViolation("illegal-transition", $"The response of unit {UnitId} cannot go from {Status} to {next}.");
        EnsureNotBefore(at, next.ToString());
        Status = next;
    }

    private void EnsureActive()
    {
        if (!IsActive) throw new RuleViolation("response-ended", $"The response of unit {UnitId} has already ended ({EndReason}).");
    }

    private void EnsureNotBefore(DateTimeOffset at, string what)
    {
        if (at < Latest)
            throw new RuleViolation("time-out-of-order", $"Unit {UnitId}: {what} at {at:O} would precede its previous time point ({Latest:O}).");
    }

    private static void EnsureReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolation("reason-required", "A reason is required.");
        TextLimits.Ensure("reason", reason, TextLimits.ResponseReason);
    }
}
