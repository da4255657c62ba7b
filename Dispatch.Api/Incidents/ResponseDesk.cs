using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Units;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Api.Incidents;

/// <summary>
/// What happens to one unit's response: sent (or diverted from another incident), released,
/// declined, and each status, from the crew's phone or entered by an operator from the radio.
/// The incident and the unit change together in one transaction, both version-checked, so of two
/// operators sending the same unit at once exactly one wins.
/// </summary>
public sealed class ResponseDesk(Db db, CallStore calls, IncidentStore incidents, UnitStore units, StationStore stations, IncidentDesk incidentDesk)
{
    /// <summary>
    /// Sends a unit. A unit committed to another incident is refused (409 unit-committed, naming
    /// it) unless <paramref name="divert"/>; leaving a more urgent incident also needs
    /// <paramref name="confirmLowerPriority"/>. <paramref name="fromIncidentId"/> is the incident
    /// the operator saw the unit on: of two operators diverting it at once, the second would
    /// otherwise take it from the first one's incident without having seen that.
    /// </summary>
    public Task<IncidentView> AssignAsync(long incidentId, long unitId, bool divert, bool confirmLowerPriority, string operatorName, CancellationToken ct,
        long? fromIncidentId = null) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var unit = await units.GetAsync(s, unitId);
            if (unit.IncidentId is { } holding && holding != incident.Id)
            {
                if (!divert || (fromIncidentId is { } seen && seen != holding))
                    throw new RuleViolation("unit-committed", $"Unit {unit.CallSign} is on incident {holding}; divert it to send it here.",
                        new Dictionary<string, object?> { ["incidentId"] = holding, ["unitId"] = unit.Id });
                return await DivertAsync(s, incident, unit, holding, confirmLowerPriority);
            }
            var before = IncidentView.From(incident);
            incident.Assign(unit.Id, unit.CallSign, operatorName, s.Now);
            unit.AssignTo(incident.Id);
            // The unit first: of two operators sending it at once, its version check stops the second.
            await SaveUnitAsync(s, unit);
            var saved = await incidentDesk.SaveAsync(s, incident, "incident.assigned", () => { }, unit.Id, before: before);
            await OfferAsync(s, saved.Incident, unit.Id);
            return saved.View;
        }, ct);

    private async Task<IncidentView> DivertAsync(DbSession s, Incident to, Unit unit, long fromId, bool confirmLowerPriority)
    {
        var from = await incidents.GetAsync(s, fromId);
        // Read committed: the unit row was read before another operator's diversion committed, its
        // incident after. The unit moved meanwhile: a conflict like any other, not a missing response.
        if (from.ActiveResponseOf(unit.Id) is null) throw new ConcurrencyConflict($"Unit {unit.CallSign}");
        // The domain checks and changes both incidents; the one the unit leaves is saved first, so
        // the unit never holds two active responses, even for a moment.
        var (beforeFrom, beforeTo) = (IncidentView.From(from), IncidentView.From(to));
        to.DivertHere(from, unit.Id, unit.CallSign, confirmLowerPriority, s.Actor, s.Now);
        unit.DivertTo(to.Id);
        await SaveUnitAsync(s, unit);
        var left = await SaveDivertedFromAsync(s, from, beforeFrom, unit.Id, to.Id);
        var savedTo = await incidentDesk.SaveAsync(s, to, "incident.assigned", () => { }, unit.Id, extra: new { divertedFrom = from.Id }, before: beforeTo);
        var withdrawn = left.Responses.Last(r => r.UnitId == unit.Id);
        s.Emit(EventTypes.AssignmentCancelled, Audiences.Unit(unit.Id), AssignmentView.From(withdrawn, left, callerNumber: null), left.Id);
        await OfferAsync(s, savedTo.Incident, unit.Id);
        return savedTo.View;
    }

    /// <summary>The incident the unit left: saved as the domain changed it, logged with the diversion.</summary>
    private async Task<Incident> SaveDivertedFromAsync(DbSession s, Incident from, IncidentView before, long unitId, long toId)
    {
        var stored = await incidents.SaveAsync(s, from);
        var view = IncidentView.From(stored);
        var details = Changes.Between(before, view);
        details["response"] = Changes.Between(before.Responses.Last(r => r.UnitId == unitId), view.Responses.Last(r => r.UnitId == unitId));
        details["context"] = new { divertedTo = toId };
        s.Log("response.diverted", view.CallId, view.Id, unitId, details);
        s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view, view.Id);
        await incidentDesk.TellCrewsAsync(s, stored);
        return stored;
    }

    /// <summary>An operator takes a unit off the incident with a reason; the unit is available again and its crew told.</summary>
    public Task<IncidentView> ReleaseAsync(long incidentId, long unitId, string reason, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var saved = await incidentDesk.SaveAsync(s, incident, "response.released", () => incident.Release(unitId, reason, s.Now), unitId);
            await incidentDesk.FreeUnitAsync(s, saved.Incident, unitId);
            await incidentDesk.TellCrewsAsync(s, saved.Incident);
            return saved.View;
        }, ct);

    /// <summary>A status reported by radio or phone and entered by an operator, at the time it was reported.</summary>
    public Task<IncidentView> RecordStatusAsync(long incidentId, long unitId, CrewStatus status, DateTimeOffset at, long? destinationId, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var unit = await units.GetAsync(s, unitId);
            return (await ApplyStatusAsync(s, incident, unit, status, at, destinationId, Response.ViaRadio)).Incident.View;
        }, ct);

    /// <summary>
    /// Moves one response and its unit: the incident's derived status follows. Statuses that end
    /// the task (available, returning) complete the response and free the unit.
    /// </summary>
    public async Task<(IncidentDesk.Saved Incident, UnitView Unit)> ApplyStatusAsync(DbSession s, Incident incident, Unit unit, CrewStatus status, DateTimeOffset at,
        long? destinationId, string via)
    {
        if (destinationId is { } d) await stations.GetAsync(s, d); // 404 for an unknown facility
        var saved = await incidentDesk.SaveAsync(s, incident, $"{(via == Response.ViaRadio ? "radio" : "crew")}.{CrewSteps.Name(status)}",
            () => incident.ApplyStatus(unit.Id, status, at, destinationId, via), unit.Id, at, via);
        var before = UnitView.From(unit);
        unit.ApplyCrewStatus(status);
        var view = await SaveUnitAsync(s, unit);
        s.Log($"unit.{CrewSteps.Name(status)}", incidentId: incident.Id, unitId: unit.Id, details: Changes.Between(before, view), at: at);
        return (saved, view);
    }

    /// <summary>The crew cannot take the job (before acknowledging): the unit goes out of service and operators see why at once.</summary>
    public async Task<IncidentView> DeclineAsync(DbSession s, Incident incident, Unit unit, string reason)
    {
        var saved = await incidentDesk.SaveAsync(s, incident, "response.declined", () => incident.Decline(unit.Id, reason, s.Now), unit.Id);
        unit.Decline();
        await SaveUnitAsync(s, unit);
        await incidentDesk.TellCrewsAsync(s, saved.Incident);
        return saved.View;
    }

    private async Task<UnitView> SaveUnitAsync(DbSession s, Unit unit)
    {
        var view = UnitView.From(await units.SaveAsync(s, unit));
        s.Emit(EventTypes.UnitChanged, Audiences.Operators, view, view.IncidentId);
        return view;
    }

    /// <summary>Offers the new response to its crew, and tells the others on the incident.</summary>
    private async Task OfferAsync(DbSession s, Incident incident, long unitId)
    {
        var response = incident.ActiveResponseOf(unitId)!;
        var call = await calls.GetAsync(s, incident.CallId);
        s.Emit(EventTypes.AssignmentOffered, Audiences.Unit(unitId), AssignmentView.From(response, incident, call.CallerNumber), incident.Id);
        foreach (var other in incident.Responses.Where(r => r.IsActive && r.UnitId != unitId))
            s.Emit(EventTypes.AssignmentChanged, Audiences.Unit(other.UnitId), AssignmentView.From(other, incident, call.CallerNumber), incident.Id);
    }
}
