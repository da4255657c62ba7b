using Dispatch.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Http;

/// <summary>
/// Turns domain refusals into ProblemDetails: an illegal or conflicting action is 409, invalid
/// content 422, a missing thing 404. A database fault that outlasted the retries is 503 with
/// Retry-After: the caller (a PBX, the console) tries again and nothing was written, so a 201 is
/// never false. Anything else stays a 500 (and is logged by the host).
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, Database.DatabaseSetup database, Telemetry.DispatchMetrics metrics) : IExceptionHandler
{
    private static readonly HashSet<string> Conflicts =
        ["illegal-transition", "call-taken", "call-not-answered", "unit-busy", "time-out-of-order", "incident-inactive", "takeover-too-soon", "assignment-changed", "last-admin", "totp-mandatory",
         "unit-committed", "unit-already-assigned", "divert-lower-priority", "divert-not-allowed", "decline-too-late", "response-ended",
         "incident-active", "call-active", "incident-erased"];

    public const string RetryAfterSeconds = "2";

    /// <summary>The stable <c>code</c> extension of a ProblemDetails: the pages translate it, people never read it.</summary>
    public static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, code) = exception switch
        {
            RuleViolation r => (Conflicts.Contains(r.Code) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, "The action was refused.", r.Code),
            ConcurrencyConflict => (StatusCodes.Status409Conflict, "Changed by someone else.", "concurrency"),
            NotFound => (StatusCodes.Status404NotFound, "Not found.", "not-found"),
            Forbidden => (StatusCodes.Status403Forbidden, "Forbidden.", "own-unit-only"),
            BadHttpRequestException b => (b.StatusCode, "Bad request.", "bad-request"),
            // Two writers raced for what may exist once (a unit's active response): the loser is told, not a 500.
            _ when database.Dialect.IsUniqueViolation(exception) => (StatusCodes.Status409Conflict, "Changed by someone else.", "concurrency"),
            _ when database.Dialect.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly.", "database-unavailable"),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        // A database error's message may name servers or hold data: only our own messages are shown.
        var details = new ProblemDetails { Status = status, Title = title, Detail = exception is RuleViolation or ConcurrencyConflict or NotFound or Forbidden or BadHttpRequestException ? exception.Message : null, Extensions = { ["code"] = code } };
        if (exception is RuleViolation { Facts: var facts })
            foreach (var (key, value) in facts) details.Extensions[key] = value;
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            metrics.DatabaseUnavailable();
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = details,
        });
    }
}
