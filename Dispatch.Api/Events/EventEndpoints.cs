using Dispatch.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Events;

public static class EventEndpoints
{
    public const int MaxPage = 1000;

    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", Missed)
            .RequireAuthorization(Policies.HubListener)
            .WithTags("Events")
            .WithSummary("Events after a sequence number, in order, filtered to what the caller may see (at most 1000 per page).");
        app.MapGet("/api/events/last", async (EventStore store, CancellationToken ct) => TypedResults.Ok(new { seq = await store.LastAsync(ct) }))
            .RequireAuthorization(Policies.HubListener)
            .WithTags("Events")
            .WithSummary("The newest sequence number: where a client that just loaded its snapshot starts listening.");
        // A connection ends when the sign-in it was opened with expires (13 h); the client reconnects
        // with its current cookie or token, or is refused.
        app.MapHub<DispatchHub>(DispatchHub.Path, o => o.CloseOnAuthenticationExpiration = true);
    }

    private static async Task<Ok<IReadOnlyList<EventEnvelope>>> Missed(long? after, int? limit, CurrentUser user, EventStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.AfterAsync(after ?? 0, DispatchHub.AudiencesOf(user).ToList(), Math.Clamp(limit ?? MaxPage, 1, MaxPage), ct));
}
