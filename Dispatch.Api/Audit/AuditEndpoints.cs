using Dispatch.Api.Auth;
using Dispatch.Api.Http;

namespace Dispatch.Api.Audit;

public static class AuditEndpoints
{
    public sealed record AccessLogPage(IReadOnlyList<AccessRecord> Records, long? NextBefore);

    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).WithTags("Admin");
        group.MapGet("/access-log", List)
            .Produces<AccessLogPage>()
            .ProducesValidationProblem()
            .WithSummary("Who read or exported personal data, newest first: incidentId= (its reads, and the exports whose period holds its call time) " +
                         "or user=; at most limit (1-1000, default 200) per page; nextBefore, when set, is the before= of the next page.");
        group.MapGet("/log-integrity", async (LogIntegrity integrity, CancellationToken ct) => TypedResults.Ok(await integrity.VerifyAsync(ct)))
            .Produces<IntegrityReport>()
            .WithSummary("Checks the hash chains of incident_log and access_log: { ok, rows, firstMismatch, table, tables: [{ table, rows, mismatches, firstMismatch, lastId, lastHash }] } (lastId/lastHash: the chain's end, to keep outside the server; firstMismatch: " +
                         "the id of the first row that does not match, null when all do).");
    }

    private static async Task<IResult> List(long? incidentId, string? user, int? limit, long? before, AccessLog log, CancellationToken ct)
    {
        var v = new Validation();
        v.Check(incidentId is not null || !string.IsNullOrWhiteSpace(user), "incidentId", "Give 'incidentId' or 'user'.");
        v.Check(incidentId is null || string.IsNullOrWhiteSpace(user), "user", "Give 'incidentId' or 'user', not both.");
        v.MaxLength("user", user, 100);
        v.Check(limit is null or >= 1 and <= AccessLog.MaxLimit, "limit", $"'limit' is between 1 and {AccessLog.MaxLimit}.");
        v.Check(before is null or > 0, "before", "'before' is an access record id.");
        if (v.Problem is { } invalid) return invalid;

        var take = limit ?? AccessLog.DefaultLimit;
        // One more than asked tells whether another page follows.
        var records = incidentId is { } id
            ? await log.ForIncidentAsync(id, before, take + 1, ct)
            : await log.ForActorAsync(user!.Trim(), before, take + 1, ct);
        var page = records.Take(take).ToList();
        return TypedResults.Ok(new AccessLogPage(page, records.Count > take ? page[^1].Id : null));
    }
}
