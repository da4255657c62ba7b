using Dispatch.Api.Database;
using Dispatch.Api.Incidents;
using Dispatch.Core.Common;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

/// <summary>A hospital's incoming patients, and its acknowledgement of each.</summary>
public sealed class PreNotificationDesk(Db db, IncidentStore incidents, PreNotificationStore store, PreNotifier notifier)
{
    /// <summary>Live work of the hospital (not a read of a past incident): what is heading to it now.</summary>
    public Task<IReadOnlyList<PreNotificationView>> IncomingAsync(long facilityId, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<PreNotificationView>>(async s =>
        {
            var views = new List<PreNotificationView>();
            foreach (var (responseId, incidentId) in await store.HeadingToAsync(s, facilityId))
                views.Add(await notifier.ViewAsync(s, await incidents.GetAsync(s, incidentId), new IncomingKey(responseId, facilityId)));
            return views;
        }, ct);

    /// <summary>
    /// The hospital acknowledges a patient heading to it (once; a second acknowledgement answers the
    /// first). 404 when no such patient is heading to this facility now.
    /// </summary>
    public Task<PreNotificationView> AcknowledgeAsync(long facilityId, long responseId, string by, CancellationToken ct) =>
        db.WriteAsync(by, async s =>
        {
            var heading = (await store.HeadingToAsync(s, facilityId)).Where(h => h.ResponseId == responseId).ToList();
            if (heading.Count == 0) throw new NotFound($"Pre-notification {responseId}");
            var key = new IncomingKey(responseId, facilityId);
            var incident = await incidents.GetAsync(s, heading[0].IncidentId);
            if (await store.AcknowledgementAsync(s, key) is null)
            {
                await store.AcknowledgeAsync(s, key, new Acknowledgement { At = s.Now, AcknowledgedBy = by });
                var unitId = incident.Responses.First(r => r.Id == responseId).UnitId;
                s.Log("prenotification.acknowledged", incidentId: incident.Id, unitId: unitId, details: new { facilityId, responseId, at = s.Now, by });
            }
            var view = await notifier.ViewAsync(s, incident, key);
            PreNotifier.Emit(s, view);
            return view;
        }, ct);
}
