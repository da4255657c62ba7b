using System.Diagnostics;
using System.Reflection;
using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Health;

/// <summary>
/// <c>/health</c> tells anyone (nginx, systemd, Docker, a monitor) only whether the node is up:
/// 200 <c>{ "status": "healthy" }</c> or 503 <c>unhealthy</c> when the database cannot be reached.
/// The details (database provider and latency, roads, version, uptime) help an attacker map the
/// system, so <c>/health/details</c> gives them to a signed-in administrator only.
/// </summary>
public static class HealthEndpoints
{
    private static readonly SqlText Ping = SqlText.Of("Health.Ping", "SELECT COUNT(*) FROM units");

    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public sealed record DatabaseHealth(string Provider, bool Ok, double LatencyMs, string? Error);

    public sealed record HealthStatus(string Status);

    /// <summary><see cref="Roads"/>: routing by road or straight-line estimates, and the road file's last error.</summary>
    public sealed record HealthReport(string Status, DateTimeOffset At, double UptimeSeconds, string Version, string Runtime, DatabaseHealth Database, RoadStatus Roads);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).AllowAnonymous().WithTags("Health")
            .Produces<HealthStatus>().Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Up or down: 200 { status: healthy }, 503 { status: unhealthy } when the database cannot be reached. Nothing else, for anyone.");
        app.MapGet("/health/details", Details).RequireAuthorization(Policies.Admin).WithTags("Health")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Administrators: the same check with the database (provider, latency, error type), roads (by road or straight line, the road file's last error), version and uptime.");
    }

    private static async Task<Results<Ok<HealthStatus>, JsonHttpResult<HealthStatus>>> Check(Db db, CancellationToken ct)
    {
        var database = await PingAsync(db, ct);
        return database.Ok
            ? TypedResults.Ok(new HealthStatus("healthy"))
            : TypedResults.Json(new HealthStatus("unhealthy"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Details(Db db, RoadNetworkHost roads, TimeProvider time, CancellationToken ct)
    {
        var database = await PingAsync(db, ct);
        var uptime = (time.GetUtcNow() - Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds;
        var report = new HealthReport(database.Ok ? "healthy" : "unhealthy", time.GetUtcNow(), Math.Round(uptime), Version,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, database, roads.Status);
        return database.Ok ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<DatabaseHealth> PingAsync(Db db, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await db.ReadAsync(s => s.SingleOrDefaultAsync<long>(Ping), timeout.Token);
            return new DatabaseHealth(db.Dialect.Name, true, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The error type only: connection strings and messages may hold secrets.
            return new DatabaseHealth(db.Dialect.Name, false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error.GetType().Name);
        }
    }
}
