using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Calls;

/// <summary>
/// Stores an incoming call exactly once per externalId and pushes CallReceived after commit.
/// A retry of the same externalId returns the stored record and pushes nothing.
/// </summary>
public sealed class CallIntake(Db db, CallStore calls, Telemetry.DispatchMetrics metrics)
{
    /// <param name="sender">The name of the telephony key that delivered the call, kept in the call's log.</param>
    public async Task<(CallView Call, bool Created)> IngestAsync(IngestCallRequest.Parsed p, string sender, CancellationToken ct)
    {
        try
        {
            var (result, created) = await db.WriteAsync(Roles.Telephony, async s =>
            {
                var call = CallRecord.Receive(p.ExternalId, p.CallerNumber, p.ReceivedAt, p.Source, p.Lat, p.Lon, p.Accuracy, s.Now, p.Flags);
                if (await calls.AddIfNewAsync(s, call) is not { } stored)
                {
                    // A retry of a call already stored: answer with the stored record, push nothing.
                    var existing = await calls.FindByExternalIdAsync(s, p.ExternalId) ?? throw new InvalidOperationException("A call that exists was not found.");
                    return (CallView.From(existing), false);
                }
                var view = CallView.From(stored);
                s.Log("call.received", callId: stored.Id, details: new { stored.ExternalId, stored.Source, stored.Flags, sender });
                s.Emit(EventTypes.CallReceived, Audiences.Operators, view, callId: stored.Id);
                return (view, true);
            }, ct);
            if (created) metrics.CallIngested(result.Source);
            return (result, created);
        }
        catch (Exception error) when (db.Dialect.IsUniqueViolation(error))
        {
            // Two deliveries of the same call raced; the other one stored it.
            var stored = await db.ReadAsync(s => calls.FindByExternalIdAsync(s, p.ExternalId), ct);
            return (CallView.From(stored ?? throw new InvalidOperationException("Unique violation without a stored call.", error)), false);
        }
    }

}
