using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Units;
using Dispatch.Core.Facilities;

namespace Dispatch.Api.Facilities;

/// <summary>Hospitals report their availability; everyone who chooses a hospital sees it at once.</summary>
public sealed class AvailabilityDesk(Db db, StationStore stations, AvailabilityStore store)
{
    public Task<IReadOnlyList<FacilityView>> ListAsync(CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<FacilityView>>(async s =>
        {
            var reported = await store.AllAsync(s);
            return (await stations.ListAsync(s)).Select(f => FacilityView.From(f, reported.GetValueOrDefault(f.Id))).ToList();
        }, ct);

    /// <summary>
    /// A (partial) report: logged with who, when, before and after; pushed to operators, every crew
    /// and the hospital itself.
    /// </summary>
    public Task<FacilityView> SetAsync(long facilityId, EdStatus? status, IReadOnlyDictionary<string, int>? beds, string by, CancellationToken ct) =>
        db.WriteAsync(by, async s =>
        {
            var facility = await stations.GetAsync(s, facilityId);
            var before = await store.GetAsync(s, facilityId);
            var after = before.Apply(status, beds, by, s.Now);
            await store.SaveAsync(s, facilityId, after, s.Now);
            var view = FacilityView.From(facility, after);
            s.Log("facility.availability", details: new { facilityId, before = AvailabilityView.From(before), after = view.Availability });
            foreach (var audience in new[] { Audiences.Operators, Audiences.Crews, Audiences.Facility(facilityId) })
                s.Emit(EventTypes.AvailabilityChanged, audience, view);
            return view;
        }, ct);
}
