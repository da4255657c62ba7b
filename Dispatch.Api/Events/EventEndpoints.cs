using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Events;

public static class EventEndpoints
{
    public const int MaxPage = 1000;

    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", Missed)
            .RequireAuthorization(Policies.EventListener)
            .WithTags("Events")
            .Produces<IReadOnlyList<EventEnvelope>>()
            .WithSummary("Events after a sequence number, in order, filtered to what the caller may see (at most 1000 per page), none older than " +
                "Events:CatchUpHours (12 h) nor, for a crew or a hospital, than their binding to the unit or facility. The header Psc119-Events-Truncated: true says the caller " +
                "missed events it can no longer get: reload the state from the list endpoints and listen from GET /api/events/last.");
        app.MapGet("/api/events/last", async (EventStore store, CancellationToken ct) => TypedResults.Ok(new { seq = await store.LastAsync(ct) }))
            .RequireAuthorization(Policies.EventListener)
            .WithTags("Events")
            .WithSummary("The newest sequence number: where a client that just loaded its snapshot starts listening.");
        // A connection ends when the sign-in it was opened with expires (13 h); the client reconnects
        // with its current cookie or token, or is refused.
        app.MapHub<DispatchHub>(DispatchHub.Path, o => o.CloseOnAuthenticationExpiration = true);
    }

    /// <summary>Set (to "true") on an answer that leaves out events the caller missed: it must reload its state.</summary>
    public const string TruncatedHeader = "Psc119-Events-Truncated";

    private static async Task<Ok<IReadOnlyList<EventEnvelope>>> Missed(long? after, int? limit, CurrentUser user, HttpResponse response,
        EventStore store, Db db, UserStore users, TimeProvider time, IOptions<EventsOptions> options, CancellationToken ct)
    {
        var floor = time.GetUtcNow().AddHours(-options.Value.CatchUpHours).ToUnixTimeMilliseconds();
        // A crew member hears their unit from the time they were bound to it, never what it did before.
        if (user.IsInRole(Roles.Crew))
            floor = Math.Max(floor, await db.ReadAsync(async s => await users.FindAsync(s, user.Name) is { } account && account.UnitId == user.UnitId
                ? account.UnitBoundAt ?? 0 : long.MaxValue, ct));
        // A hospital hears its facility from the time the user was bound to it, likewise.
        if (user.IsInRole(Roles.Facility))
            floor = Math.Max(floor, await db.ReadAsync(async s => await users.FindAsync(s, user.Name) is { } account && account.FacilityId == user.FacilityId
                ? account.FacilityBoundAt ?? 0 : long.MaxValue, ct));
        var page = await store.CatchUpAsync(after ?? 0, DispatchHub.AudiencesOf(user).ToList(), floor, Math.Clamp(limit ?? MaxPage, 1, MaxPage), ct);
        if (page.Truncated) response.Headers[TruncatedHeader] = "true";
        return TypedResults.Ok(page.Events);
    }
}
