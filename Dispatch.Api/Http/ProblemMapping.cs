using Dispatch.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

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
        ["illegal-transition", "call-taken", "call-not-answered", "unit-busy", "time-out-of-order", "incident-inactive", "takeover-too-soon", "assignment-changed", "last-admin", "totp-mandatory"];

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
            BadHttpRequestException b => (b.StatusCode, "Bad request.", "bad-request"),
            _ when database.Dialect.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly.", "database-unavailable"),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
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
            // A database error's message may name servers or hold data: only our own messages are shown.
            ProblemDetails = { Status = status, Title = title, Detail = code == "database-unavailable" ? null : exception.Message, Extensions = { ["code"] = code } },
        });
    }
}
