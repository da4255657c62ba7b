namespace Dispatch.Api.Events;

/// <summary>What the hub pushes; each method receives the event envelope (seq, type, at, data).</summary>
public interface IDispatchClient
{
    /// <summary>Operators: a new call arrived.</summary>
    Task CallReceived(EventEnvelope e);
    /// <summary>Operators: a call was answered, closed or linked to an incident.</summary>
    Task CallUpdated(EventEnvelope e);
    /// <summary>Operators: an incident was created or changed.</summary>
    Task IncidentChanged(EventEnvelope e);
    /// <summary>Operators: a unit's status or position changed.</summary>
    Task UnitChanged(EventEnvelope e);
    /// <summary>One unit's crew: a new assignment.</summary>
    Task AssignmentOffered(EventEnvelope e);
    /// <summary>One unit's crew: the assignment was withdrawn; <c>endReason</c> says why (released, diverted, cancelled).</summary>
    Task AssignmentCancelled(EventEnvelope e);
    /// <summary>One unit's crew: the incident it works changed (triage, location, other units...).</summary>
    Task AssignmentChanged(EventEnvelope e);
    /// <summary>Operators and the crews on the incident: a note was added.</summary>
    Task NoteAdded(EventEnvelope e);
    /// <summary>Operators, every crew and the hospital itself: a hospital reported its availability.</summary>
    Task AvailabilityChanged(EventEnvelope e);
    /// <summary>Operators, the unit and the hospital: a patient is coming (or their ETA, status or acknowledgement changed).</summary>
    Task PreNotification(EventEnvelope e);
    /// <summary>Operators, the unit and the hospital: a pre-notification ended (handed over, cancelled, another destination).</summary>
    Task PreNotificationEnded(EventEnvelope e);
    /// <summary>Operators and the crews on the incident: a patient record was added or changed (the whole patient, observations included).</summary>
    Task PatientChanged(EventEnvelope e);
}
