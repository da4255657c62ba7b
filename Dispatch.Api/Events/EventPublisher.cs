using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Events;

public interface IEventPublisher
{
    /// <summary>Pushes committed events, in sequence order, to their audiences.</summary>
    Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct);
}

public sealed partial class HubEventPublisher(IHubContext<DispatchHub, IDispatchClient> hub, Telemetry.DispatchMetrics metrics, TimeProvider time, ILogger<HubEventPublisher> logger)
    : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            try
            {
                await Send(hub.Clients.Group(e.Audience), e);
                metrics.Pushed(e.Type, time.GetUtcNow() - e.At);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The event is committed; a client that missed the push catches up via /api/events.
                LogPushFailed(logger, e.Seq, e.Type, error);
            }
        }
    }

    private static Task Send(IDispatchClient client, EventEnvelope e) => e.Type switch
    {
        EventTypes.CallReceived => client.CallReceived(e),
        EventTypes.CallUpdated => client.CallUpdated(e),
        EventTypes.IncidentChanged => client.IncidentChanged(e),
        EventTypes.UnitChanged => client.UnitChanged(e),
        EventTypes.AssignmentOffered => client.AssignmentOffered(e),
        EventTypes.AssignmentCancelled => client.AssignmentCancelled(e),
        EventTypes.AssignmentChanged => client.AssignmentChanged(e),
        EventTypes.NoteAdded => client.NoteAdded(e),
        EventTypes.AvailabilityChanged => client.AvailabilityChanged(e),
        EventTypes.PreNotification => client.PreNotification(e),
        EventTypes.PreNotificationEnded => client.PreNotificationEnded(e),
        EventTypes.PatientChanged => client.PatientChanged(e),
        _ => throw new InvalidOperationException($"Unknown event type {e.Type}."),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push of event {Seq} ({Type}) failed; clients will catch up from the feed")]
    private static partial void LogPushFailed(ILogger logger, long seq, string type, Exception error);
}
