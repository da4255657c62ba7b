using Dispatch.Api.Auth;
using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Calls;

/// <summary>
/// Stores an incoming call exactly once per externalId and pushes CallReceived after commit.
/// A retry of the same externalId returns the stored record and pushes nothing.
/// </summary>
public sealed class CallIntake(Db db, CallStore calls)
{
    public async Task<(CallView Call, bool Created)> IngestAsync(IngestCallRequest.Parsed p, CancellationToken ct)
    {
        try
        {
            return await db.WriteAsync(Roles.Telephony, async s =>
            {
                if (await calls.FindByExternalIdAsync(s, p.ExternalId) is { } existing) return (CallView.From(existing), false);
                var call = CallRecord.Receive(p.ExternalId, p.CallerNumber, p.ReceivedAt, p.Source, p.Lat, p.Lon, p.Accuracy, s.Now, p.Flags);
                var stored = await calls.AddAsync(s, call);
                var view = CallView.From(stored);
                await s.LogAsync("call.received", callId: stored.Id, details: new { stored.ExternalId, stored.Source, stored.Flags });
                await s.EmitAsync(EventTypes.CallReceived, Audiences.Operators, view);
                return (view, true);
            }, ct);
        }
        catch (Exception error) when (db.Dialect.IsUniqueViolation(error))
        {
            // Two deliveries of the same call raced; the other one stored it.
            var stored = await db.ReadAsync(s => calls.FindByExternalIdAsync(s, p.ExternalId), ct);
            return (CallView.From(stored ?? throw new InvalidOperationException("Unique violation without a stored call.", error)), false);
        }
    }

}
