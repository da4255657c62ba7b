namespace Dispatch.Core.Incidents;

/// <summary>Where an incident stands; the allowed moves are in <see cref="Incident"/>.</summary>
public enum IncidentStatus
{
    /// <summary>Created, waiting for a unit.</summary>
    Pending,
    /// <summary>A unit was notified.</summary>
    Dispatched,
    Acknowledged,
    EnRoute,
    OnScene,
    Transporting,
    AtDestination,
    /// <summary>Patient handed over at the destination.</summary>
    Handover,
    /// <summary>The unit is back in service; the incident waits to be closed.</summary>
    Cleared,
    Closed,
    Cancelled,
}

/// <summary>The status a crew reports from the ambulance.</summary>
public enum CrewStatus
{
    EnRoute,
    OnScene,
    Transporting,
    AtDestination,
    Handover,
    /// <summary>Back in service, ready for the next call wherever the unit is.</summary>
    Available,
    /// <summary>Back in service, driving back to the home station.</summary>
    Returning,
    /// <summary>Back at the home station (only without an incident).</summary>
    AtStation,
}
