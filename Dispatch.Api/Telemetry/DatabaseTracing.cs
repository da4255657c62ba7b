using System.Diagnostics;
using Dispatch.Api.Database;

namespace Dispatch.Api.Telemetry;

/// <summary>
/// A span per statement the stores run, on every database: named by the statement's
/// <see cref="SqlText.Name"/> (e.g. <c>CallStore.InsertNew</c>), carrying the SQL text with its
/// @parameters and never their values (caller numbers, complaints). On PostgreSQL, Npgsql's own
/// span for the same command (wire timings) appears as its child.
/// </summary>
public static class DatabaseTracing
{
    public const string SourceName = "Psc119.Database";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts a span, or returns null when nothing listens (tracing off costs one check).</summary>
    public static Activity? Start(SqlText sql, SqlDialect dialect)
    {
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity(sql.Name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", SystemName(dialect));
            activity.SetTag("db.query.summary", sql.Name);
            activity.SetTag("db.query.text", sql.For(dialect));
        }
        return activity;
    }

    /// <summary>Starts a span for a transaction's closing writes and commit.</summary>
    public static Activity? StartCommit(SqlDialect dialect, int writes)
    {
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity("DbSession.Commit", ActivityKind.Client);
        activity?.SetTag("db.system.name", SystemName(dialect));
        activity?.SetTag("db.operation.batch.size", writes);
        return activity;
    }

    /// <summary>Awaits the statement, marking the span failed with the error's type only (messages may quote data).</summary>
    public static async Task<T> Watch<T>(Activity? activity, Task<T> statement)
    {
        using (activity)
        {
            try
            {
                return await statement;
            }
            catch (Exception error) when (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
                activity.SetTag("error.type", error.GetType().FullName);
                throw;
            }
        }
    }

    private static string SystemName(SqlDialect dialect) => dialect.Name switch
    {
        "postgres" => "postgresql",
        "sqlserver" => "microsoft.sql_server",
        var other => other,
    };
}
