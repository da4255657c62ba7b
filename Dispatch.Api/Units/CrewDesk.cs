using Dispatch.Api.Calls;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Incidents;
using Dispatch.Core.Common;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Api.Units;

/// <summary>What a crew does from the ambulance: acknowledge or decline, report status and position. Each acts on the unit's current response.</summary>
public sealed class CrewDesk(Db db, CallStore calls, UnitStore units, IncidentStore incidents, ResponseStore responses, ResponseDesk responseDesk, IncidentDesk incidentDesk,
    ResponseCrewStore crew, Facilities.PreNotifier preNotifier)
{
    public Task<AssignmentView?> CurrentAssignmentAsync(long unitId, CancellationToken ct) =>
        db.ReadAsync(async s =>
        {
            if (await responses.ActiveIncidentOfAsync(s, unitId) is not { } incidentId) return null;
            var incident = await incidents.GetAsync(s, incidentId);
            // The response may end between the two reads (a cancellation at that moment): then there is no assignment.
            if (incident.ActiveResponseOf(unitId) is not { } response) return null;
            var call = await calls.GetAsync(s, incident.CallId);
            return AssignmentView.From(response, incident, call.CallerNumber);
        }, ct);

    /// <summary>The crew accepts its assignment, at the tap time (<see cref="TapTime"/>).</summary>
    public Task<IncidentView> AcknowledgeAsync(long unitId, UnitEndpoints.AcknowledgeRequest tap, string crewName, CancellationToken ct) =>
        db.WriteAsync(crewName, async s =>
        {
            var when = TapTime.Resolve(tap.At, s.Now);
            var incident = await CurrentIncidentAsync(s, unitId, tap.IncidentId, "acknowledge");
            await crew.ActingAsync(s, unitId, crewName);
            return (await incidentDesk.SaveAsync(s, incident, "assignment.acknowledged", () => incident.Acknowledge(unitId, when), unitId, when, Response.ViaCrew)).View;
        }, ct);

    /// <summary>The crew cannot take the job (breakdown, no ALS crew): before acknowledging, with a reason.</summary>
    public Task<IncidentView> DeclineAsync(long unitId, string reason, long? meant, string crewName, CancellationToken ct) =>
        db.WriteAsync(crewName, async s =>
        {
            var incident = await CurrentIncidentAsync(s, unitId, meant, "decline");
            return await responseDesk.DeclineAsync(s, incident, await units.GetAsync(s, unitId), reason);
        }, ct);

    private async Task<Incident> CurrentIncidentAsync(DbSession s, long unitId, long? meant, string what)
    {
        var current = await responses.ActiveIncidentOfAsync(s, unitId)
            ?? throw new RuleViolation("no-assignment", $"This unit has no assignment to {what}.");
        EnsureSameIncident(meant, current);
        return await incidents.GetAsync(s, current);
    }

    /// <summary>
    /// Moves the unit and, when it is on an incident, its response there. Statuses that end the
    /// task (available, returning) complete the response and free the unit. The change is dated
    /// at the tap time (<see cref="TapTime"/>).
    /// </summary>
    public Task<UnitView> SetStatusAsync(long unitId, UnitEndpoints.StatusRequest tap, string crewName, CancellationToken ct) =>
        db.WriteAsync(crewName, async s =>
        {
            var status = tap.Status!.Value;
            var when = TapTime.Resolve(tap.At, s.Now);
            var unit = await units.GetAsync(s, unitId);
            if (tap.IncidentId is { } meant) EnsureSameIncident(meant, unit.IncidentId);
            if (unit.IncidentId is { } incidentId)
            {
                await crew.ActingAsync(s, unitId, crewName);
                return (await responseDesk.ApplyStatusAsync(s, await incidents.GetAsync(s, incidentId), unit, status, when, tap.DestinationId, Response.ViaCrew)).Unit;
            }
            var before = UnitView.From(unit);
            unit.SetIdleStatus(CrewSteps.IdleUnitStatusFor(status)
                ?? throw new RuleViolation("no-assignment", $"Unit {unit.CallSign} has no incident; {status} needs one."));
            return await SaveAsync(s, unit, before, $"unit.{CrewSteps.Name(status)}", when);
        }, ct);

    /// <summary>
    /// A tap that waited for signal must not land on another incident than the one it was made
    /// for (the first was cancelled and a new one assigned meanwhile).
    /// </summary>
    private static void EnsureSameIncident(long? meant, long? current)
    {
        if (meant is { } m && m != current)
            throw new RuleViolation("assignment-changed", $"The step was meant for incident {m}; the unit is now on {(current is { } c ? $"incident {c}" : "no incident")}.");
    }

    /// <summary>Keeps the newest position (device time, never later than the server's clock).</summary>
    public Task<UnitView> ReportPositionAsync(long unitId, GeoPoint point, double? accuracy, DateTimeOffset? at, string crewName, CancellationToken ct) =>
        db.WriteAsync(crewName, async s =>
        {
            var unit = await units.GetAsync(s, unitId);
            var before = UnitView.From(unit);
            var when = at is { } t && t < s.Now ? t : s.Now;
            if (!unit.ReportPosition(point, accuracy, when)) return before;
            var saved = await SaveAsync(s, unit, before, action: null);
            await preNotifier.AfterPositionAsync(s, unit, incidents); // a new ETA for the hospital it is heading to
            return saved;
        }, ct);

    /// <summary>Saves and pushes the unit; logs the change (at <paramref name="at"/>, default now) unless it is a routine position report.</summary>
    private async Task<UnitView> SaveAsync(DbSession s, Unit unit, UnitView before, string? action, DateTimeOffset? at = null)
    {
        var view = UnitView.From(await units.SaveAsync(s, unit));
        if (action is not null) s.Log(action, incidentId: before.IncidentId ?? view.IncidentId, unitId: unit.Id, details: Changes.Between(before, view), at: at);
        s.Emit(EventTypes.UnitChanged, Audiences.Operators, view, view.IncidentId);
        return view;
    }
}
