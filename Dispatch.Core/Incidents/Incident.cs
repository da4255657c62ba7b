using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;

namespace Dispatch.Core.Incidents;

/// <summary>
/// An emergency being handled: where, how urgent, and the units sent to it, one
/// <see cref="Response"/> each. The incident's status and time points are derived from its
/// responses with the first-unit definitions of DOMAIN.md (unit notified = first unit notified,
/// on scene = first unit on scene...); only closing and cancelling are the incident's own.
/// </summary>
public sealed class Incident
{
    private readonly List<Response> responses = [];

    private Incident() { }

    public long Id { get; private set; }
    public long CallId { get; private set; }
    public IncidentStatus Status { get; private set; }
    /// <summary>Null only on imported history whose row had no (usable) triage.</summary>
    public Triage? Triage { get; private set; }
    public bool IsEmergency { get; private set; }
    /// <summary>A major (mass-casualty) incident: reported as <c>is_krisis</c>.</summary>
    public bool IsMajor { get; private set; }
    public IncidentCategory Category { get; private set; }
    public int PatientCount { get; private set; }
    /// <summary>Null only on imported history whose row had no (usable) position.</summary>
    public double? Lat { get; private set; }
    public double? Lon { get; private set; }
    public string? Address { get; private set; }
    public string? Complaint { get; private set; }
    public string? KelurahanCode { get; private set; }
    public string? KelurahanName { get; private set; }
    public string? KecamatanCode { get; private set; }
    public string? KecamatanName { get; private set; }
    /// <summary>The unit the incident is known by: the first active response's, else the first completed one's (stored for reports and exports).</summary>
    public long? UnitId { get; private set; }
    /// <summary>The first destination any of its units took a patient to.</summary>
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

    /// <summary>Every unit sent, in the order they were sent, ended ones included.</summary>
    public IReadOnlyList<Response> Responses => responses;
    /// <summary>What an imported row lacked (comma-separated: triage, location, unit, time points); null for live incidents.</summary>
    public string? Missing { get; private set; }
    public Priority Priority => Triage?.Priority() ?? Priority.None;
    public GeoPoint? Location => Lat is { } lat && Lon is { } lon ? new(lat, lon) : null;
    public bool IsActive => Status is not (IncidentStatus.Closed or IncidentStatus.Cancelled);
    /// <summary>Active and no unit on its way or working on it.</summary>
    public bool WaitingForUnit => Status == IncidentStatus.Pending;

    /// <summary>The active response of <paramref name="unitId"/>, if the unit is working this incident.</summary>
    public Response? ActiveResponseOf(long unitId) => responses.FirstOrDefault(r => r.IsActive && r.UnitId == unitId);

    /// <summary>
    /// When the incident entered its current status. Waiting for a unit counts from creation, or
    /// from when the last unit left it (released, diverted, declined).
    /// </summary>
    public DateTimeOffset? StatusSince => Status switch
    {
        IncidentStatus.Pending => responses.Count == 0 ? CreatedAt : responses.Max(r => r.EndedAt) ?? CreatedAt,
        IncidentStatus.Cleared => BackInServiceAt,
        IncidentStatus.Closed => ClosedAt,
        IncidentStatus.Cancelled => CancelledAt,
        _ => responses.Where(r => r.IsActive && StatusOf(r) == Status).Min(r => (DateTimeOffset?)r.StatusSince),
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
        var incident = new Incident
        {
            CallId = call.Id,
            Status = IncidentStatus.Pending,
            CreatedBy = operatorName,
            CallReceivedAt = call.ReceivedAt,
            CallAnsweredAt = call.AnsweredAt,
            CreatedAt = at,
        };
        incident.Apply(new IncidentChange
        {
            Triage = details.Triage, IsEmergency = details.IsEmergency, Category = details.Category, PatientCount = details.PatientCount,
            Location = (details.Location, details.Area), Address = details.Address, Complaint = details.Complaint,
        });
        return incident;
    }

    /// <summary>Gives an incident read from storage its responses (stores only).</summary>
    public void Load(IEnumerable<Response> stored)
    {
        if (responses.Count > 0) throw new InvalidOperationException($"Incident {Id} already has its responses.");
        responses.AddRange(stored.OrderBy(r => r.NotifiedAt).ThenBy(r => r.Id));
    }

    /// <summary>
    /// Changes what is known about the incident after creation (the caller rang back, the location
    /// was corrected...); only the fields set in <paramref name="change"/> change.
    /// </summary>
    public void Apply(IncidentChange change)
    {
        if (Id != 0 && !IsActive) throw new RuleViolation("incident-inactive", $"Incident {Id} is {Status}; it can no longer change.");
        if (change.Location is { } moved && !moved.Point.IsValid)
            throw new RuleViolation("invalid-location", "The incident location is not a valid latitude/longitude.");
        if (change.PatientCount is < 0 or > 1000)
            throw new RuleViolation("invalid-patient-count", "Patient count must be between 0 and 1000.");
        TextLimits.Ensure("address", change.Address, TextLimits.Address);
        TextLimits.Ensure("complaint", change.Complaint, TextLimits.Complaint);
        if (change.Triage is { } triage) Triage = triage;
        if (change.IsEmergency is { } emergency) IsEmergency = emergency;
        if (change.IsMajor is { } major) IsMajor = major;
        if (change.Category is { } category) Category = category;
        if (change.PatientCount is { } count) PatientCount = count;
        if (change.Address is not null) Address = change.Address.Length == 0 ? null : change.Address;
        if (change.Complaint is not null) Complaint = change.Complaint.Length == 0 ? null : change.Complaint;
        if (change.Location is ({ } at, var area))
        {
            (Lat, Lon) = (at.Lat, at.Lon);
            (KelurahanCode, KelurahanName) = (area.Kelurahan?.Code, area.Kelurahan?.Name);
            (KecamatanCode, KecamatanName) = (area.Kecamatan?.Code, area.Kecamatan?.Name);
        }
    }

    /// <summary>Sends one more unit, in any state while the incident is active.</summary>
    public Response Assign(long unitId, string callSign, string operatorName, DateTimeOffset at)
    {
        EnsureCanAssign(unitId, at);
        var response = new Response(Id, unitId, callSign, operatorName, at);
        responses.Add(response);
        Derive();
        return response;
    }

    /// <summary>
    /// Sends <paramref name="unitId"/>, committed to <paramref name="from"/> but not yet on scene,
    /// to this incident. Its response there ends as diverted, and <paramref name="from"/> waits
    /// for a unit again unless it has another. Leaving a more urgent incident for a less urgent
    /// one needs the operator's confirmation.
    /// </summary>
    public Response DivertHere(Incident from, long unitId, string callSign, bool confirmLowerPriority, string operatorName, DateTimeOffset at)
    {
        EnsureActive();
        if (from.Id == Id) throw new RuleViolation("unit-already-assigned", $"Unit {unitId} is already on incident {Id}.");
        var leaving = from.ActiveResponseOf(unitId)
            ?? throw new RuleViolation("no-assignment", $"Unit {unitId} is not on incident {from.Id}.");
        if (Urgency(Priority) > Urgency(from.Priority) && !confirmLowerPriority)
            throw new RuleViolation("divert-lower-priority",
                $"Incident {Id} ({Triage}) is less urgent than incident {from.Id} ({from.Triage}) that the unit leaves; confirm to divert.");
        // Everything that could refuse the new response is checked before the unit leaves the
        // other incident, so a refusal changes neither incident.
        EnsureCanAssign(unitId, at);
        leaving.DivertTo(Id, at);
        from.Derive();
        return Assign(unitId, callSign, operatorName, at);
    }

    /// <summary>The crew of <paramref name="unitId"/> accepts the assignment (or an operator records it from the radio).</summary>
    public void Acknowledge(long unitId, DateTimeOffset at, string via = Response.ViaCrew)
    {
        var response = ResponseOf(unitId);
        if (response.Status != ResponseStatus.Dispatched)
            throw new RuleViolation("illegal-transition", $"Unit {unitId} has already acknowledged incident {Id}.");
        response.Acknowledge(at, via);
        Derive();
    }

    /// <summary>A status of one unit's response, from its crew or entered by an operator (<paramref name="via"/> radio).</summary>
    public void ApplyStatus(long unitId, CrewStatus status, DateTimeOffset at, long? destinationId = null, string via = Response.ViaCrew)
    {
        ResponseOf(unitId).Apply(status, at, destinationId, via);
        Derive();
    }

    /// <summary>An operator takes a unit off the incident with a reason; the incident waits for a unit unless it has another.</summary>
    public void Release(long unitId, string reason, DateTimeOffset at)
    {
        ResponseOf(unitId).Release(reason, at);
        Derive();
    }

    /// <summary>The crew cannot take the job (before acknowledging).</summary>
    public void Decline(long unitId, string reason, DateTimeOffset at)
    {
        ResponseOf(unitId).Decline(reason, at);
        Derive();
    }

    /// <summary>Closes an incident whose units are all back in service.</summary>
    public void Close(DateTimeOffset at)
    {
        if (Status != IncidentStatus.Cleared)
            throw new RuleViolation("illegal-transition", $"Incident {Id} cannot go from {Status} to Closed: every unit must be back in service first.");
        EnsureNotBefore(at);
        Status = IncidentStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>Cancels an incident no unit has reached yet; the units on their way are released with it.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new RuleViolation("reason-required", "Cancelling an incident needs a reason.");
        TextLimits.Ensure("reason", reason, TextLimits.CancelReason);
        if (!IsActive || OnSceneAt is not null)
            throw new RuleViolation("illegal-transition", $"Incident {Id} cannot be cancelled while {Status}{(OnSceneAt is null ? "" : " (a unit has reached the scene)")}.");
        EnsureNotBefore(at);
        foreach (var r in responses.Where(r => r.IsActive)) r.Cancel(at);
        Derive();
        Status = IncidentStatus.Cancelled;
        CancelledAt = at;
        CancelReason = reason;
    }

    /// <summary>P1 most urgent; hitam (no priority) least.</summary>
    public static int Urgency(Priority priority) => priority == Priority.None ? int.MaxValue : (int)priority;

    /// <summary>The incident status a response in <paramref name="r"/>'s status stands for.</summary>
    public static IncidentStatus StatusOf(Response r) => r.Status switch
    {
        ResponseStatus.Dispatched => IncidentStatus.Dispatched,
        ResponseStatus.Acknowledged => IncidentStatus.Acknowledged,
        ResponseStatus.EnRoute => IncidentStatus.EnRoute,
        ResponseStatus.OnScene => IncidentStatus.OnScene,
        ResponseStatus.Transporting => IncidentStatus.Transporting,
        ResponseStatus.AtDestination => IncidentStatus.AtDestination,
        ResponseStatus.Handover => IncidentStatus.Handover,
        _ => IncidentStatus.Cleared,
    };

    private Response ResponseOf(long unitId) => ActiveResponseOf(unitId)
        ?? throw new RuleViolation("no-assignment", $"Unit {unitId} is not working incident {Id}.");

    private void EnsureCanAssign(long unitId, DateTimeOffset at)
    {
        EnsureActive();
        if (ActiveResponseOf(unitId) is not null)
            throw new RuleViolation("unit-already-assigned", $"Unit {unitId} is already on incident {Id}.");
        var latest = new[] { CallAnsweredAt, CreatedAt }.Max();
        if (latest is { } l && at < l)
            throw new RuleViolation("time-out-of-order", $"Incident {Id}: a unit notified at {at:O} would precede the incident ({l:O}).");
    }

    private void EnsureActive()
    {
        if (!IsActive) throw new RuleViolation("incident-inactive", $"Incident {Id} is {Status}.");
    }

    private void EnsureNotBefore(DateTimeOffset at)
    {
        var latest = new[] { CallAnsweredAt, CreatedAt, UnitNotifiedAt, AcknowledgedAt, EnRouteAt, OnSceneAt, LeftSceneAt, AtDestinationAt, HandoverAt, BackInServiceAt }
            .Concat(responses.Select(r => (DateTimeOffset?)r.Latest)).Max();
        if (latest is { } l && at < l)
            throw new RuleViolation("time-out-of-order", $"Incident {Id}: {at:O} would precede an earlier time point ({l:O}).");
    }

    /// <summary>
    /// Status and time points from the responses: the most advanced active response sets the
    /// status; with none active, the incident waits for a unit, or, when a unit completed its
    /// work, is cleared (back in service = when the last unit came back).
    /// </summary>
    private void Derive()
    {
        var active = responses.Where(r => r.IsActive).ToList();
        var completed = responses.Where(r => r.IsCompleted).ToList();
        Status = active.Count > 0 ? active.Max(StatusOf) : completed.Count > 0 ? IncidentStatus.Cleared : IncidentStatus.Pending;
        UnitNotifiedAt = First(r => r.NotifiedAt);
        AcknowledgedAt = First(r => r.AcknowledgedAt);
        EnRouteAt = First(r => r.EnRouteAt);
        OnSceneAt = First(r => r.OnSceneAt);
        LeftSceneAt = First(r => r.LeftSceneAt);
        AtDestinationAt = First(r => r.AtDestinationAt);
        HandoverAt = First(r => r.HandoverAt);
        BackInServiceAt = Status == IncidentStatus.Cleared ? completed.Max(r => r.BackInServiceAt) : null;
        UnitId = (active.FirstOrDefault() ?? completed.FirstOrDefault())?.UnitId;
        DestinationId = responses.Where(r => r.LeftSceneAt is not null).OrderBy(r => r.LeftSceneAt).FirstOrDefault()?.DestinationId;
    }

    private DateTimeOffset? First(Func<Response, DateTimeOffset?> time) => responses.Min(time);
}
