using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Routing;
using Dispatch.Api.Units;
using Dispatch.Core.Calls;
using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Units;

namespace Dispatch.Api.Incidents;

/// <summary>
/// The operator's actions on incidents as a whole: open, attach a call, change, recommend,
/// cancel, close. What happens to one unit's response is in <see cref="ResponseDesk"/>.
/// </summary>
public sealed class IncidentDesk(Db db, CallStore calls, CallDesk callDesk, IncidentStore incidents, UnitStore units,
    StationStore stations, Recommender recommender, RoadNetworkHost roads, Facilities.PreNotifier preNotifier)
{
    public Task<IncidentView> OpenAsync(long callId, IncidentDetails details, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var call = await calls.GetAsync(s, callId);
            var incident = await incidents.AddAsync(s, Incident.Open(call, details, operatorName, s.Now));
            var view = IncidentView.From(incident);
            s.Log("incident.created", callId, incident.Id, details: Changes.Between(null, view));
            s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view, view.Id);
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

    /// <summary>
    /// Units ranked for one more response: available units, and units on their way to a less
    /// urgent incident as divert candidates; units already on this incident are left out.
    /// </summary>
    public Task<IReadOnlyList<Candidate>> RecommendAsync(long incidentId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var homes = (await stations.ListAsync(s)).ToDictionary(x => x.Id);
            var triages = await incidents.ActiveTriagesAsync(s);
            var snapshots = (await units.ListAsync(s))
                .Where(u => u.IncidentId != incident.Id)
                .Select(u => UnitSnapshot.From(u, u.HomeStationId is { } h ? homes.GetValueOrDefault(h) : null, DivertCandidate(u, incident, triages)))
                .ToArray();
            // Only imported (closed) history lacks a position; a live incident always has one.
            var scene = incident.Location ?? throw new RuleViolation("invalid-location", $"Incident {incident.Id} has no position to recommend from.");
            return recommender.Rank(scene, incident.Priority, snapshots, s.Now, roads.Current);
        }, ct);

    /// <summary>A unit on its way (not yet on scene) to an incident less urgent than <paramref name="target"/>.</summary>
    private static DivertFrom? DivertCandidate(Unit u, Incident target, IReadOnlyDictionary<long, Triage> triages) =>
        u.IncidentId is { } from && u.Status is UnitStatus.Assigned or UnitStatus.EnRoute && triages.TryGetValue(from, out var triage)
        && Incident.Urgency(triage.Priority()) > Incident.Urgency(target.Priority)
            ? new DivertFrom(from, triage) : null;

    /// <summary>
    /// Changes what is known after creation (a call back). <paramref name="version"/> is the
    /// version the operator last saw: when another change came first, 409 and nothing changes.
    /// </summary>
    public Task<IncidentView> ChangeAsync(long incidentId, IncidentChange change, int version, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            if (incident.Version != version) throw new ConcurrencyConflict($"Incident {incidentId}");
            var saved = await SaveAsync(s, incident, "incident.changed", () => incident.Apply(change));
            await TellCrewsAsync(s, saved.Incident);
            return saved.View;
        }, ct);

    /// <summary>Cancels with a reason: the units on their way are released and their crews told.</summary>
    public Task<IncidentView> CancelAsync(long incidentId, string reason, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            var working = incident.Responses.Where(r => r.IsActive).ToList();
            var saved = await SaveAsync(s, incident, "incident.cancelled", () => incident.Cancel(reason, s.Now));
            foreach (var r in working) await FreeUnitAsync(s, saved.Incident, r.UnitId);
            return saved.View;
        }, ct);

    public Task<IncidentView> CloseAsync(long incidentId, string operatorName, CancellationToken ct) =>
        db.WriteAsync(operatorName, async s =>
        {
            var incident = await incidents.GetAsync(s, incidentId);
            return (await SaveAsync(s, incident, "incident.closed", () => incident.Close(s.Now))).View;
        }, ct);

    /// <summary>
    /// Applies a change, saves the incident with its responses, logs the changed values (and those
    /// of <paramref name="unitId"/>'s response, with how it was reported: <paramref name="via"/>)
    /// and pushes IncidentChanged. <paramref name="at"/> is when it happened, if not now;
    /// <paramref name="before"/> the incident as it was, when the change was made already.
    /// </summary>
    public async Task<Saved> SaveAsync(DbSession s, Incident incident, string action, Action change, long? unitId = null,
        DateTimeOffset? at = null, string? via = null, object? extra = null, IncidentView? before = null)
    {
        before ??= IncidentView.From(incident);
        change();
        var stored = await incidents.SaveAsync(s, incident);
        var view = IncidentView.From(stored);
        var details = Changes.Between(before, view);
        if (unitId is { } u && view.Responses.LastOrDefault(r => r.UnitId == u) is { } after)
            details["response"] = Changes.Between(before.Responses.FirstOrDefault(r => r.Id == after.Id), after);
        if (via is not null) details["via"] = via;
        if (extra is not null) details["context"] = extra;
        s.Log(action, view.CallId, view.Id, unitId ?? view.UnitId, details, at);
        s.Emit(EventTypes.IncidentChanged, Audiences.Operators, view, view.Id);
        await preNotifier.AfterSaveAsync(s, before, stored); // the hospitals a patient is heading to
        return new Saved(stored, view);
    }

    /// <summary>An incident as stored after a change (its new responses have their ids) and as pushed.</summary>
    public sealed record Saved(Incident Incident, IncidentView View);

    /// <summary>Tells the crews working the incident that it changed (triage, location, other units).</summary>
    public async Task TellCrewsAsync(DbSession s, Incident incident)
    {
        var active = incident.Responses.Where(r => r.IsActive).ToList();
        if (active.Count == 0) return;
        var number = (await calls.GetAsync(s, incident.CallId)).CallerNumber;
        foreach (var r in active)
            s.Emit(EventTypes.AssignmentChanged, Audiences.Unit(r.UnitId), AssignmentView.From(r, incident, number), incident.Id);
    }

    /// <summary>
    /// A response ended by the operator's side (released, diverted, cancelled): the unit is free
    /// again (a diverted one is already on its new incident) and its crew is told at once.
    /// </summary>
    public async Task FreeUnitAsync(DbSession s, Incident incident, long unitId)
    {
        var unit = await units.GetAsync(s, unitId);
        if (unit.IncidentId == incident.Id)
        {
            unit.Release();
            s.Emit(EventTypes.UnitChanged, Audiences.Operators, UnitView.From(await units.SaveAsync(s, unit)), incident.Id);
        }
        var ended = incident.Responses.Last(r => r.UnitId == unitId);
        s.Emit(EventTypes.AssignmentCancelled, Audiences.Unit(unitId), AssignmentView.From(ended, incident, callerNumber: null), incident.Id);
    }

    public Task<IReadOnlyList<IncidentView>> ListActiveAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<IncidentView>>(async s => (await incidents.ListActiveAsync(s)).Select(IncidentView.From).ToList(), ct);

    public Task<IncidentView> GetAsync(long id, CancellationToken ct) =>
        db.ReadAsync(async s => IncidentView.From(await incidents.GetAsync(s, id)), ct);
}
