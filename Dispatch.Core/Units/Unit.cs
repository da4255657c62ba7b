using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Units;

/// <summary>An ambulance with its crew's reported status and last known position.</summary>
public sealed class Unit
{
    private static readonly Dictionary<UnitStatus, UnitStatus[]> Allowed = new()
    {
        [UnitStatus.AvailableAtStation] = [UnitStatus.Assigned, UnitStatus.AvailableOnRoad, UnitStatus.Returning, UnitStatus.OutOfService],
        [UnitStatus.AvailableOnRoad] = [UnitStatus.Assigned, UnitStatus.AvailableAtStation, UnitStatus.Returning, UnitStatus.OutOfService],
        [UnitStatus.Returning] = [UnitStatus.Assigned, UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad, UnitStatus.OutOfService],
        [UnitStatus.Assigned] = [UnitStatus.EnRoute, UnitStatus.AvailableOnRoad, UnitStatus.OutOfService],
        [UnitStatus.EnRoute] = [UnitStatus.OnScene, UnitStatus.AvailableOnRoad],
        [UnitStatus.OnScene] = [UnitStatus.Transporting, UnitStatus.AvailableOnRoad, UnitStatus.Returning],
        [UnitStatus.Transporting] = [UnitStatus.AtDestination, UnitStatus.AvailableOnRoad],
        [UnitStatus.AtDestination] = [UnitStatus.AvailableOnRoad, UnitStatus.Returning],
        [UnitStatus.OutOfService] = [UnitStatus.AvailableAtStation, UnitStatus.AvailableOnRoad],
    };

    private Unit() { }

    public Unit(string callSign, string plate, UnitType type, long? homeStationId)
    {
        EnsureNames(callSign, plate);
        CallSign = callSign;
        Plate = plate;
        Type = type;
        HomeStationId = homeStationId;
        Status = UnitStatus.AvailableAtStation;
    }

    public long Id { get; private set; }
    public string CallSign { get; private set; } = "";
    public string Plate { get; private set; } = "";
    public UnitType Type { get; private set; }
    public long? HomeStationId { get; private set; }
    public UnitStatus Status { get; private set; }
    public long? IncidentId { get; private set; }
    public double? LastLat { get; private set; }
    public double? LastLon { get; private set; }
    public double? LastAccuracyMeters { get; private set; }
    public DateTimeOffset? LastPositionAt { get; private set; }
    public int Version { get; private set; }

    public GeoPoint? LastPosition => GeoPoint.Create(LastLat, LastLon);

    public static bool CanMove(UnitStatus from, UnitStatus to) => Allowed[from].Contains(to);

    public void AssignTo(long incidentId)
    {
        if (!Status.IsAvailable())
            throw new RuleViolation("unit-busy", $"Unit {CallSign} is {Status}, not available.");
        MoveTo(UnitStatus.Assigned);
        IncidentId = incidentId;
    }

    /// <summary>The crew's report moves the unit; statuses that end the task free it.</summary>
    public void ApplyCrewStatus(CrewStatus status)
    {
        var next = status switch
        {
            CrewStatus.EnRoute => UnitStatus.EnRoute,
            CrewStatus.OnScene => UnitStatus.OnScene,
            CrewStatus.Transporting => UnitStatus.Transporting,
            CrewStatus.AtDestination or CrewStatus.Handover => UnitStatus.AtDestination,
            CrewStatus.Available => UnitStatus.AvailableOnRoad,
            CrewStatus.Returning => UnitStatus.Returning,
            CrewStatus.AtStation => UnitStatus.AvailableAtStation,
            _ => throw new RuleViolation("illegal-transition", $"Unknown crew status {status}."),
        };
        if (next != Status) MoveTo(next);
        if (Status.IsAvailable()) IncidentId = null;
    }

    /// <summary>
    /// Sent on to <paramref name="incidentId"/> before reaching the scene of the incident it was
    /// committed to: it is notified again for the new one.
    /// </summary>
    public void DivertTo(long incidentId)
    {
        if (IncidentId is null || Status is not (UnitStatus.Assigned or UnitStatus.EnRoute))
            throw new RuleViolation("divert-not-allowed", $"Unit {CallSign} is {Status}; only a unit on its way can be diverted.");
        Status = UnitStatus.Assigned;
        IncidentId = incidentId;
    }

    /// <summary>The crew declined its assignment: the unit is out of service until the crew or an operator puts it back.</summary>
    public void Decline()
    {
        MoveTo(UnitStatus.OutOfService);
        IncidentId = null;
    }

    /// <summary>The unit's incident was cancelled or it was released from it: it is free again.</summary>
    public void Release()
    {
        if (Status != UnitStatus.AvailableOnRoad) MoveTo(UnitStatus.AvailableOnRoad);
        IncidentId = null;
    }

    /// <summary>Status changes without an incident: back at station, on the road, in or out of service.</summary>
    public void SetIdleStatus(UnitStatus next)
    {
        if (IncidentId is not null)
            throw new RuleViolation("unit-busy", $"Unit {CallSign} is on incident {IncidentId}; finish or cancel it first.");
        if (!next.IsAvailable() && next != UnitStatus.OutOfService)
            throw new RuleViolation("illegal-transition", $"Unit {CallSign} can only enter {next} through an incident.");
        if (next != Status) MoveTo(next);
    }

    /// <summary>Keeps the newest position; an older report arriving late is ignored.</summary>
    public bool ReportPosition(GeoPoint point, double? accuracyMeters, DateTimeOffset at)
    {
        if (!point.IsValid)
            throw new RuleViolation("invalid-position", "Position is not a valid latitude/longitude.");
        if (LastPositionAt is { } last && at <= last) return false;
        LastLat = point.Lat;
        LastLon = point.Lon;
        LastAccuracyMeters = accuracyMeters is { } a && double.IsFinite(a) && a >= 0 ? a : null;
        LastPositionAt = at;
        return true;
    }

    public void Edit(string callSign, string plate, UnitType type, long? homeStationId)
    {
        EnsureNames(callSign, plate);
        CallSign = callSign;
        Plate = plate;
        Type = type;
        HomeStationId = homeStationId;
    }

    private static void EnsureNames(string callSign, string plate)
    {
        TextLimits.Ensure("callSign", callSign, TextLimits.CallSign);
        TextLimits.Ensure("plate", plate, TextLimits.Plate);
    }

    private void MoveTo(UnitStatus next)
    {
        if (!CanMove(Status, next))
            throw new RuleViolation("illegal-transition", $"Unit {CallSign} cannot go from {Status} to {next}.");
        Status = next;
    }
}
