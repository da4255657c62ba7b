using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Incidents;
using Dispatch.Api.Patients;
using Dispatch.Api.Routing;
using Dispatch.Api.Units;
using Dispatch.Core.Facilities;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Units;

namespace Dispatch.Api.Facilities;

/// <summary>
/// Tells a hospital, in the same transaction as the change, that a patient is coming: whenever an
/// incident with a response heading to a facility is saved (the crew chose it, the status moved,
/// the triage changed), when the unit moves (ETA), and when the pre-notification ends. Each event
/// goes to the facility, the operators and the unit; it carries the complaint, so it names the incident.
/// </summary>
public sealed class PreNotifier(UnitStore units, StationStore stations, PreNotificationStore store, TravelEstimator travel, PatientStore patients)
{
    /// <summary>After an incident was saved: pushes its pre-notifications now, and the end of those it no longer holds.</summary>
    public async Task AfterSaveAsync(DbSession s, IncidentView before, Incident after)
    {
        var was = Incoming.Of(before.Responses.Select(r => (r.Id, r.Status, r.DestinationId)));
        var now = Incoming.Of(after.Responses.Select(r => (r.Id, r.Status, r.DestinationId)));
        foreach (var ended in Incoming.Ended(was, now))
        {
            var unitId = before.Responses.First(r => r.Id == ended.ResponseId).UnitId;
            EmitAll(s, EventTypes.PreNotificationEnded, new PreNotificationEndedView(ended.ResponseId, after.Id, ended.FacilityId, unitId), ended.FacilityId, unitId, after.Id);
        }
        foreach (var key in now) Emit(s, await ViewAsync(s, after, key));
    }

    /// <summary>After a patient record of the incident changed: the hospitals it is heading to see it at once.</summary>
    public async Task AfterPatientAsync(DbSession s, Incident incident)
    {
        foreach (var key in Incoming.Of(incident.Responses.Select(r => (r.Id, r.Status, r.DestinationId))))
            Emit(s, await ViewAsync(s, incident, key));
    }

    /// <summary>After a unit's position report: a new ETA for the hospital it is taking a patient to.</summary>
    public async Task AfterPositionAsync(DbSession s, Unit unit, IncidentStore incidents)
    {
        if (unit is not { Status: UnitStatus.Transporting, IncidentId: { } incidentId }) return;
        var incident = await incidents.GetAsync(s, incidentId);
        foreach (var key in Incoming.Of(incident.Responses.Where(r => r.UnitId == unit.Id).Select(r => (r.Id, r.Status, r.DestinationId))))
            Emit(s, await ViewAsync(s, incident, key, unit));
    }

    public async Task<PreNotificationView> ViewAsync(DbSession s, Incident incident, IncomingKey key, Unit? unit = null)
    {
        var response = incident.Responses.First(r => r.Id == key.ResponseId);
        unit ??= await units.GetAsync(s, response.UnitId);
        var facility = await stations.GetAsync(s, key.FacilityId);
        var eta = unit.LastPosition is { } from ? travel.Estimate(from, new GeoPoint(facility.Lat, facility.Lon)) : null;
        return PreNotificationView.From(incident, response, eta, await store.AcknowledgementAsync(s, key),
            await patients.ListAsync(s, incident.Id, _ => null));
    }

    public static void Emit(DbSession s, PreNotificationView view) =>
        EmitAll(s, EventTypes.PreNotification, view, view.FacilityId, view.UnitId, view.IncidentId);

    private static void EmitAll(DbSession s, string type, object data, long facilityId, long unitId, long incidentId)
    {
        s.Emit(type, Audiences.Facility(facilityId), data, incidentId);
        s.Emit(type, Audiences.Operators, data, incidentId);
        s.Emit(type, Audiences.Unit(unitId), data, incidentId);
    }
}
