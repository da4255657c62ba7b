using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Routing;
using Dispatch.Api.Units;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;

namespace Dispatch.Api.Incidents;

/// <summary>The operator's actions on incidents: open, attach a call, recommend, assign, cancel, close.</summary>
public sealed class IncidentDesk(Db db, CallStore calls, CallDesk callDesk, IncidentStore incidents, UnitStore units,
    StationStore stations, AssignmentStore assignments, Recommender recommender, RoadNetworkHost roads)
{
    public Task<IncidentView> OpenAsync(long callId, IncidentDetails details, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var call = await calls.GetAsync(s, callId);
            var incident = await incidents.AddAsync(s, Incident.Open(call, details, operatorName, s.Now));
            var view = IncidentView.From(incident);
            s.Log("incident.created", callId, incident.Id, details: Changes.Between(null, view));
            s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view);
            await callDesk.SaveAsync(s, call, "call.incident", c => c.LinkTo(incident.Id, CallOutcome.Incident, operatorName, s.Now));
            return view;
        }, ct);

    /// <summary>A second caller about the same event: the call joins the active incident.</summary>
    public Task<CallView> AttachAsync(long callId, long incidentId, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            if (!incident.IsActive) throw new RuleViolation("incident-inactive", $"Incident {incidentId} is {incident.Status}; attach to an active one.");
            var call = await calls.GetAsync(s, callId);
            return await callDesk.SaveAsync(s, call, "call.attached", c => c.LinkTo(incidentId, CallOutcome.Attached, operatorName, s.Now));
        }, ct);

    public Task<IReadOnlyList<Candidate>> RecommendAsync(long incidentId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var homes = (await stations.ListAsync(s)).ToDictionary(x => x.Id);
            var snapshots = (await units.ListAsync(s))
                .Select(u => UnitSnapshot.From(u, u.HomeStationId is { } h ? homes.GetValueOrDefault(h) : null))
                .ToArray();
            return recommender.Rank(incident.Location, incident.Priority, snapshots, s.Now, roads.Current);
        }, ct);

    public Task<IncidentView> AssignAsync(long incidentId, long unitId, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var unit = await units.GetAsync(s, unitId);
            var before = IncidentView.From(incident);
            incident.AssignUnit(unit.Id, s.Now);
            unit.AssignTo(incident.Id);
            // Both rows are version-checked: of two operators assigning one unit at once, one
            // wins and the other gets 409 (the unique index on busy units backs this up).
            var savedUnit = await units.SaveAsync(s, unit);
            var saved = await incidents.SaveAsync(s, incident);
            var assignmentId = await assignments.AddAsync(s, incident.Id, unit.Id);
            var view = IncidentView.From(saved);
            s.Log("incident.assigned", saved.CallId, saved.Id, unit.Id, Changes.Between(before, view));
            s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view);
            s.Emit(EventTypes.UnitChanged, Audiences.Operators, UnitView.From(savedUnit));
            var assignment = (await assignments.OpenAsync(s, unit.Id))!;
            var call = await calls.GetAsync(s, saved.CallId);
            s.Emit(EventTypes.AssignmentOffered, Audiences.Unit(unit.Id), AssignmentView.From(assignment, saved, call.CallerNumber));
            return view;
        }, ct);

    public Task<IncidentView> CancelAsync(long incidentId, string reason, string operatorName, CancellationToken ct) =>
        ChangeAsync(incidentId, operatorName, "incident.cancelled", async (s, incident) =>
        {
            incident.Cancel(reason, s.Now);
            if (incident.UnitId is { } unitId) await ReleaseUnitAsync(s, unitId, incident, TextLimits.CancelledPrefix + reason);
        }, ct);

    public Task<IncidentView> CloseAsync(long incidentId, string operatorName, CancellationToken ct) =>
        ChangeAsync(incidentId, operatorName, "incident.closed", (s, incident) => { incident.Close(s.Now); return Task.CompletedTask; }, ct);

    private Task<IncidentView> ChangeAsync(long incidentId, string actor, string action, Func<DbSession, Incident, Task> change, CancellationToken ct) =>
        db.WriteAsync(actor, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            return await SaveAsync(s, incident, action, () => change(s, incident));
        }, ct);

    /// <summary>
    /// Applies a change, saves the incident, logs the changed values and pushes IncidentChanged;
    /// <paramref name="at"/> is when the change happened, if not now (a crew's tap sent late).
    /// </summary>
    public async Task<IncidentView> SaveAsync(DbSession s, Incident incident, string action, Func<Task> change, long? unitId = null, DateTimeOffset? at = null)
    {
        var before = IncidentView.From(incident);
        await change();
        var view = IncidentView.From(await incidents.SaveAsync(s, incident));
        s.Log(action, view.CallId, view.Id, unitId ?? view.UnitId, Changes.Between(before, view), at);
        s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view);
        return view;
    }

    /// <summary>Frees a unit still working this incident and tells its crew the assignment is withdrawn.</summary>
    private async Task ReleaseUnitAsync(DbSession s, long unitId, Incident incident, string reason)
    {
        var unit = await units.GetAsync(s, unitId);
        if (unit.IncidentId != incident.Id) return; // already back in service
        unit.Release();
        var saved = await units.SaveAsync(s, unit);
        s.Emit(EventTypes.UnitChanged, Audiences.Operators, UnitView.From(saved));
        if (await assignments.OpenAsync(s, unitId) is { } open)
        {
            await assignments.EndAsync(s, open.Id, reason);
            s.Emit(EventTypes.AssignmentCancelled, Audiences.Unit(unitId), AssignmentView.From(open, incident, callerNumber: null) with { EndReason = reason });
        }
    }

    public Task<IReadOnlyList<IncidentView>> ListActiveAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<IncidentView>>(async s => (await incidents.ListActiveAsync(s)).Select(IncidentView.From).ToList(), ct);

    public Task<IncidentView> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(async s => IncidentView.From(await incidents.GetAsync(s, id)), ct);
}
