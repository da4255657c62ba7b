using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Units;

namespace Dispatch.Core.Incidents;

/// <summary>
/// An emergency being handled: where, how urgent, which unit, and one timestamp per time point.
/// Every status change goes through <see cref="MoveTo"/>, which refuses illegal transitions and
/// time points that would run backwards.
/// </summary>
public sealed class Incident
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Pending] = [IncidentStatus.Dispatched, IncidentStatus.Cancelled],
        [IncidentStatus.Dispatched] = [IncidentStatus.Acknowledged, IncidentStatus.EnRoute, IncidentStatus.Pending, IncidentStatus.Cancelled],
        [IncidentStatus.Acknowledged] = [IncidentStatus.EnRoute, IncidentStatus.Pending, IncidentStatus.Cancelled],
        [IncidentStatus.EnRoute] = [IncidentStatus.OnScene, IncidentStatus.Pending, IncidentStatus.Cancelled],
        [IncidentStatus.OnScene] = [IncidentStatus.Transporting, IncidentStatus.Cleared],
        [IncidentStatus.Transporting] = [IncidentStatus.AtDestination],
        [IncidentStatus.AtDestination] = [IncidentStatus.Handover, IncidentStatus.Cleared],
        [IncidentStatus.Handover] = [IncidentStatus.Cleared],
        [IncidentStatus.Cleared] = [IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
        [IncidentStatus.Cancelled] = [],
    };

    private Incident() { }

    public long Id { get; private set; }
    public long CallId { get; private set; }
    public IncidentStatus Status { get; private set; }
    public Triage Triage { get; private set; }
    public bool IsEmergency { get; private set; }
    public IncidentCategory Category { get; private set; }
    public int PatientCount { get; private set; }
    public double Lat { get; private set; }
    public double Lon { get; private set; }
    public string? Address { get; private set; }
    public string? Complaint { get; private set; }
    public string? KelurahanCode { get; private set; }
    public string? KelurahanName { get; private set; }
    public string? KecamatanCode { get; private set; }
    public string? KecamatanName { get; private set; }
    public long? UnitId { get; private set; }
    public long? DestinationId { get; private set; }
    public string? CancelReason { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public int Version { get; private set; }

    public DateTimeOffset? CallReceivedAt { get; private set; }
    public DateTimeOffset? CallAnsweredAt { get; private set; }
    public DateTimeOffset? CreatedAt { get; private set; }
    public DateTimeOffset? UnitNotifiedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? EnRouteAt { get; private set; }
    public DateTimeOffset? OnSceneAt { get; private set; }
    public DateTimeOffset? LeftSceneAt { get; private set; }
    public DateTimeOffset? AtDestinationAt { get; private set; }
    public DateTimeOffset? HandoverAt { get; private set; }
    public DateTimeOffset? BackInServiceAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public Priority Priority => Triage.Priority();
    public GeoPoint Location => new(Lat, Lon);
    public bool IsActive => Status is not (IncidentStatus.Closed or IncidentStatus.Cancelled);

    /// <summary>
    /// When the incident entered its current status: the time point that status sets. Waiting for
    /// a unit counts from the incident's creation, also after a unit was taken off it (the waiting
    /// began then, as far as the patient is concerned).
    /// </summary>
    public DateTimeOffset? StatusSince => Status switch
    {
        IncidentStatus.Pending => CreatedAt,
        IncidentStatus.Dispatched => UnitNotifiedAt,
        IncidentStatus.Acknowledged => AcknowledgedAt,
        IncidentStatus.EnRoute => EnRouteAt,
        IncidentStatus.OnScene => OnSceneAt,
        IncidentStatus.Transporting => LeftSceneAt,
        IncidentStatus.AtDestination => AtDestinationAt,
        IncidentStatus.Handover => HandoverAt,
        IncidentStatus.Cleared => BackInServiceAt,
        IncidentStatus.Closed => ClosedAt,
        _ => CancelledAt,
    };

    public IncidentTimes Times => new()
    {
        CallReceived = CallReceivedAt, CallAnswered = CallAnsweredAt, Created = CreatedAt,
        UnitNotified = UnitNotifiedAt, Acknowledged = AcknowledgedAt, EnRoute = EnRouteAt,
        OnScene = OnSceneAt, LeftScene = LeftSceneAt, AtDestination = AtDestinationAt,
        Handover = HandoverAt, BackInService = BackInServiceAt, Closed = ClosedAt, Cancelled = CancelledAt,
    };

    /// <summary>Opens an incident from a call the operator has answered.</summary>
    public static Incident Open(CallRecord call, IncidentDetails details, string operatorName, DateTimeOffset at)
    {
        call.EnsureHandledBy(operatorName);
        if (call.AnsweredAt is { } answered && at < answered)
            throw new RuleViolation("time-out-of-order", $"An incident created at {at:O} would precede the call's answer ({answered:O}).");
        if (!details.Location.IsValid)
            throw new RuleViolation("invalid-location", "The incident location is not a valid latitude/longitude.");
        if (details.PatientCount is < 0 or > 1000)
            throw new RuleViolation("invalid-patient-count", "Patient count must be between 0 and 1000.");
        TextLimits.Ensure("address", details.Address, TextLimits.Address);
        TextLimits.Ensure("complaint", details.Complaint, TextLimits.Complaint);
        return new Incident
        {
            CallId = call.Id,
            Status = IncidentStatus.Pending,
            Triage = details.Triage,
            IsEmergency = details.IsEmergency,
            Category = details.Category,
            PatientCount = details.PatientCount,
            Lat = details.Location.Lat,
            Lon = details.Location.Lon,
            Address = details.Address,
            Complaint = details.Complaint,
            KelurahanCode = details.Area.Kelurahan?.Code,
            KelurahanName = details.Area.Kelurahan?.Name,
            KecamatanCode = details.Area.Kecamatan?.Code,
            KecamatanName = details.Area.Kecamatan?.Name,
            CreatedBy = operatorName,
            CallReceivedAt = call.ReceivedAt,
            CallAnsweredAt = call.AnsweredAt,
            CreatedAt = at,
        };
    }

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Allowed[from].Contains(to);

    /// <summary>Assigns a unit; the first notification sets the unit-notified time point.</summary>
    public void AssignUnit(long unitId, DateTimeOffset at)
    {
        MoveTo(IncidentStatus.Dispatched, at);
        UnitId = unitId;
    }

    /// <summary>The crew of the assigned unit reports; <paramref name="destinationId"/> is required when transporting.</summary>
    public void ApplyCrewStatus(CrewStatus status, DateTimeOffset at, long? destinationId = null)
    {
        var next = CrewSteps.IncidentStatusFor(status)
            ?? throw new RuleViolation("illegal-transition", $"Status {status} does not apply to an incident.");
        if (next == IncidentStatus.Transporting && destinationId is null)
            throw new RuleViolation("destination-required", "Transporting needs a destination facility.");
        MoveTo(next, at);
        if (next == IncidentStatus.Transporting) DestinationId = destinationId;
    }

    public void Acknowledge(DateTimeOffset at) => MoveTo(IncidentStatus.Acknowledged, at);

    /// <summary>The unit was taken off this incident (assignment cancelled); it waits for another.</summary>
    public void ReleaseUnit(DateTimeOffset at)
    {
        MoveTo(IncidentStatus.Pending, at);
        UnitId = null;
    }

    public void Close(DateTimeOffset at) => MoveTo(IncidentStatus.Closed, at);

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RuleViolation("reason-required", "Cancelling an incident needs a reason.");
        TextLimits.Ensure("reason", reason, TextLimits.CancelReason);
        MoveTo(IncidentStatus.Cancelled, at);
        CancelReason = reason;
    }

    private void MoveTo(IncidentStatus next, DateTimeOffset at)
    {
        if (!CanMove(Status, next))
            throw new RuleViolation("illegal-transition", $"Incident {Id} cannot go from {Status} to {next}.");
        // Time points only move forward. The call's own receive time comes from the telephony
        // clock, so it is left out: a skewed PBX clock must never block a dispatch (the interval
        // is flagged invalid instead).
        var latest = new[] { CallAnsweredAt, CreatedAt, UnitNotifiedAt, AcknowledgedAt, EnRouteAt, OnSceneAt, LeftSceneAt, AtDestinationAt, HandoverAt, BackInServiceAt }.Max();
        if (latest is { } l && at < l)
            throw new RuleViolation("time-out-of-order", $"Incident {Id}: {next} at {at:O} would precede an earlier time point ({l:O}).");
        Status = next;
        switch (next)
        {
            case IncidentStatus.Dispatched: UnitNotifiedAt ??= at; break;
            case IncidentStatus.Acknowledged: AcknowledgedAt ??= at; break;
            case IncidentStatus.EnRoute: EnRouteAt ??= at; break;
            case IncidentStatus.OnScene: OnSceneAt ??= at; break;
            case IncidentStatus.Transporting: LeftSceneAt ??= at; break;
            case IncidentStatus.AtDestination: AtDestinationAt ??= at; break;
            case IncidentStatus.Handover: HandoverAt ??= at; break;
            case IncidentStatus.Cleared: BackInServiceAt ??= at; break;
            case IncidentStatus.Closed: ClosedAt = at; break;
            case IncidentStatus.Cancelled: CancelledAt = at; break;
        }
    }
}
