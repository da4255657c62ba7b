namespace Dispatch.Api.Security;

/// <summary>
/// Stores queued security events in batches of up to <see cref="Batch"/>, one transaction each,
/// so a flood of failed sign-ins costs the database writer a few short transactions rather than
/// one per attempt. A batch that cannot be stored (after the database pipeline's retries) is
/// dropped and counted: security events must never hold up call intake.
/// </summary>
public sealed partial class SecurityEventWriter(SecurityEvents events, SecurityEventStore store, ILogger<SecurityEventWriter> logger) : BackgroundService
{
    public const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SecurityEvent>(Batch);
        try
        {
            while (await events.Queue.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < Batch && events.Queue.TryRead(out var e)) batch.Add(e);
                await StoreAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is written below.
        }
        while (events.Queue.TryRead(out var left)) batch.Add(left);
        if (batch.Count > 0) await StoreAsync(batch, CancellationToken.None);
    }

    private async Task StoreAsync(List<SecurityEvent> batch, CancellationToken ct)
    {
        try
        {
            await store.WriteAsync(batch, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The type only: a message may quote a connection string.
            LogWriteFailed(batch.Count, error.GetType().Name);
            events.Lost(batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} security events: {Error}.")]
    private partial void LogWriteFailed(int count, string error);
}
