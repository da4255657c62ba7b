using System.Collections.Concurrent;
using Dispatch.Api.Events;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>One call to <see cref="IEventPublisher.PublishAsync"/>.</summary>
/// <param name="CommittedRows">
/// How many of the batch's rows another connection could already see in <c>events</c> when the
/// batch was published: equal to the batch size only if publishing happened after the commit.
/// </param>
public sealed record PublishedBatch(IReadOnlyList<EventEnvelope> Events, int CommittedRows);

/// <summary>
/// Stands in for the SignalR publisher: records every batch and, at the moment it is handed one,
/// asks the database (on a separate connection) whether those events are committed yet.
/// </summary>
public sealed class RecordingPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<PublishedBatch> _batches = new();

    /// <summary>Counts the given events' rows visible to a fresh connection; set once the database exists.</summary>
    public Func<IReadOnlyList<EventEnvelope>, Task<int>>? CountCommitted { get; set; }

    public IReadOnlyList<PublishedBatch> Batches => [.. _batches];

    public async Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        var snapshot = events.ToList();
        var committed = CountCommitted is null ? -1 : await CountCommitted(snapshot);
        _batches.Enqueue(new PublishedBatch(snapshot, committed));
    }
}
