using System.Diagnostics;
using Dispatch.Api.Database;
using Dispatch.Api.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Health;

public static class HealthEndpoints
{
    private static readonly SqlText Ping = SqlText.Of("Health.Ping", "SELECT COUNT(*) FROM units");

    public sealed record DatabaseHealth(string Provider, bool Ok, double LatencyMs, string? Error);

    /// <summary><see cref="Roads"/>: routing by road or straight-line estimates, and the road file's last error.</summary>
    public sealed record HealthReport(string Status, DateTimeOffset At, double UptimeSeconds, DatabaseHealth Database, RoadStatus Roads);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", Check).AllowAnonymous().WithTags("Health")
            .WithSummary("Process and database health (200 when healthy, 503 when the database cannot be reached) and whether ETAs are by road or straight line (roads).");

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(Db db, RoadNetworkHost roads, TimeProvider time, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        DatabaseHealth database;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await db.ReadAsync(s => s.SingleOrDefaultAsync<long>(Ping), timeout.Token);
            database = new DatabaseHealth(db.Dialect.Name, true, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The error type only: connection strings and messages may hold secrets.
            database = new DatabaseHealth(db.Dialect.Name, false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error.GetType().Name);
        }
        var uptime = (time.GetUtcNow() - Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds;
        var report = new HealthReport(database.Ok ? "healthy" : "unhealthy", time.GetUtcNow(), Math.Round(uptime), database, roads.Status);
        return database.Ok ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
