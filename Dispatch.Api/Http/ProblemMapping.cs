using Dispatch.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Dispatch.Api.Http;

/// <summary>
/// Turns domain refusals into ProblemDetails: an illegal or conflicting action is 409, invalid
/// content 422, a missing thing 404. Anything else stays a 500 (and is logged by the host).
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly HashSet<string> Conflicts =
        ["illegal-transition", "call-taken", "call-not-answered", "unit-busy", "time-out-of-order", "incident-inactive"];

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title, code) = exception switch
        {
            RuleViolation r => (Conflicts.Contains(r.Code) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, "The action was refused.", r.Code),
            ConcurrencyConflict => (StatusCodes.Status409Conflict, "Changed by someone else.", "concurrency"),
            NotFound => (StatusCodes.Status404NotFound, "Not found.", "not-found"),
            BadHttpRequestException b => (b.StatusCode, "Bad request.", "bad-request"),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message, Extensions = { ["code"] = code } },
        });
    }
}
