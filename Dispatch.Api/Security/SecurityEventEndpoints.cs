using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Security;

public static class SecurityEventEndpoints
{
    public const int DefaultLimit = 200, MaxLimit = 1000;

    public sealed record SecurityEventPage(IReadOnlyList<SecurityEventView> Events, long? NextBefore);

    public static void MapSecurityEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/security-events", List).RequireAuthorization(Policies.Admin).WithTags("Admin")
            .Produces<SecurityEventPage>()
            .ProducesValidationProblem()
            .WithSummary("Security events, newest first: from/to are WIB days (YYYY-MM-DD, both inclusive) or ISO-8601 times with offset " +
                         "(default: the last 24 hours); at most limit (1-1000, default 200) per page; nextBefore, when set, is the before= of the next page.");

    private static async Task<IResult> List(string? from, string? to, int? limit, long? before, SecurityEventStore store, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation();
        var end = WibTime.Parse(to, "to", endOfDay: true, v) ?? time.GetUtcNow();
        var start = WibTime.Parse(from, "from", endOfDay: false, v) ?? end.AddDays(-1);
        v.Check(end >= start, "to", "'to' must not be before 'from'.");
        v.Check(limit is null or >= 1 and <= MaxLimit, "limit", $"'limit' is between 1 and {MaxLimit}.");
        v.Check(before is null or > 0, "before", "'before' is an event id.");
        if (v.Problem is { } invalid) return invalid;

        var take = limit ?? DefaultLimit;
        // One more than asked tells whether another page follows.
        var events = await store.ListAsync(start, end, before ?? long.MaxValue, take + 1, ct);
        var page = events.Take(take).ToList();
        return TypedResults.Ok(new SecurityEventPage(page, events.Count > take ? page[^1].Id : null));
    }
}
