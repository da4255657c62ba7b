using Dispatch.Core.Units;

namespace Dispatch.Api.Units;

/// <summary>
/// The crew's own unit: the fields of <see cref="UnitView"/> and, while it has no incident, the
/// statuses it may report next (on an incident the assignment says).
/// </summary>
public sealed record CrewUnitView(
    long Id, string CallSign, string Plate, UnitType Type, long? HomeStationId, UnitStatus Status, long? IncidentId, PositionView? LastPosition, int Version,
    IReadOnlyList<Dispatch.Core.Incidents.CrewStatus> NextStatuses,
    IReadOnlyDictionary<string, IReadOnlyList<Dispatch.Core.Incidents.CrewStatus>> NextStatusesAfter)
{
    public static CrewUnitView From(Unit u)
    {
        var v = UnitView.From(u);
        return new(v.Id, v.CallSign, v.Plate, v.Type, v.HomeStationId, v.Status, v.IncidentId, v.LastPosition, v.Version,
            u.IncidentId is null ? CrewSteps.Idle(u.Status) : [], CrewSteps.AfterIdle());
    }
}
