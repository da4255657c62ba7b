using Dispatch.Api.Events;
using Polly;
using Polly.Registry;

namespace Dispatch.Api.Database;

/// <summary>
/// The one place that opens connections and transactions. Writes run inside the "database"
/// resilience pipeline (transient faults are retried as a whole transaction), and their events
/// are published only after the commit.
/// </summary>
public sealed class Db(DatabaseSetup setup, ResiliencePipelineProvider<string> pipelines, IEventPublisher publisher, TimeProvider time, Audit.LogChain chain)
{
    public const string Pipeline = "database";
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(Pipeline);

    public SqlDialect Dialect => setup.Dialect;

    public Task<T> ReadAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) =>
        _pipeline.ExecuteAsync(async token =>
        {
            await using var connection = await setup.Dialect.OpenAsync(setup.ConnectionString, token);
            return await work(new DbSession(connection, null, setup.Dialect, null, time.GetUtcNow(), token, chain));
        }, ct).AsTask();

    /// <remarks>
    /// A connection lost after the COMMIT reached the server but before its answer came back is
    /// retried like any transient fault, so the work runs again: writes must be safe to repeat or
    /// fail cleanly on the second run (ingest is keyed by externalId; changes to calls, incidents
    /// and units carry a version and answer 409 if already applied).
    /// </remarks>
    public async Task<T> WriteAsync<T>(string actor, Func<DbSession, Task<T>> work, CancellationToken ct)
    {
        var (result, events) = await _pipeline.ExecuteAsync(async token =>
        {
            await using var connection = await setup.Dialect.OpenAsync(setup.ConnectionString, token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            var session = new DbSession(connection, transaction, setup.Dialect, actor, time.GetUtcNow(), token, chain);
            var value = await work(session);
            await session.CommitAsync();
            return (value, session.Events);
        }, ct);
        if (events.Count > 0) await publisher.PublishAsync(events, CancellationToken.None);
        return result;
    }
}

/// <summary>The dialect and connection string picked once at start.</summary>
public sealed record DatabaseSetup(SqlDialect Dialect, string ConnectionString);
