using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Api.Units;
using Dispatch.Core.Facilities;
using Dispatch.Core.Units;

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
        db.WriteAsync(by, async s => await ApplyAsync(s, await stations.GetAsync(s, facilityId), status, beds, "facility.availability"), ct);

    /// <summary>One report within the caller's transaction (the hospital's own, or a row of a bulk file: <paramref name="action"/> says which).</summary>
    public async Task<FacilityView> ApplyAsync(DbSession s, Station facility, EdStatus? status, IReadOnlyDictionary<string, int>? beds, string action)
    {
        var before = await store.GetAsync(s, facility.Id);
        var after = before.Apply(status, beds, s.Actor, s.Now);
        await store.SaveAsync(s, facility.Id, after, s.Now);
        var view = FacilityView.From(facility, after);
        s.Log(action, details: new { facilityId = facility.Id, before = AvailabilityView.From(before), after = view.Availability });
        foreach (var audience in new[] { Audiences.Operators, Audiences.Crews, Audiences.Facility(facility.Id) })
            s.Emit(EventTypes.AvailabilityChanged, audience, view);
        return view;
    }
}
