using Dispatch.Api.Database;
using Dispatch.Api.Events;
using Dispatch.Core.Calls;

namespace Dispatch.Api.Calls;

/// <summary>The operator's actions on a call: answer (claim), take over, close with an outcome.</summary>
public sealed class CallDesk(Db db, CallStore calls, Microsoft.Extensions.Options.IOptions<Web.ConsoleOptions> console, Telemetry.DispatchMetrics metrics)
{
    /// <summary>Takes over a call another operator answered and left; the log keeps who had it (the change of answered_by).</summary>
    public Task<CallView> TakeOverAsync(long id, string operatorName, CancellationToken ct) =>
        ChangeAsync(id, operatorName, "call.takenOver",
            (call, s) => call.TakeOver(operatorName, s.Now, TimeSpan.FromSeconds(console.Value.TakeOverSeconds)), ct);

    public async Task<CallView> AnswerAsync(long id, string operatorName, CancellationToken ct)
    {
        var answered = await ChangeAsync(id, operatorName, "call.answered", (call, s) => call.Answer(operatorName, s.Now), ct);
        // From the server's own arrival time: a telephony clock running ahead or behind does not skew it.
        if (answered.AnsweredAt is { } at) metrics.CallAnswered(at - answered.IngestedAt);
        return answered;
    }

    public Task<CallView> CloseAsync(long id, CallOutcome outcome, string operatorName, CancellationToken ct) =>
        ChangeAsync(id, operatorName, "call.closed", (call, s) => call.Close(outcome, operatorName, s.Now), ct);

    private Task<CallView> ChangeAsync(long id, string actor, string action, Action<CallRecord, DbSession> change, CancellationToken ct) =>
        db.WriteAsync(actor, async s =>
        {
            var call = await calls.GetAsync(s, id);
            return await SaveAsync(s, call, action, c => change(c, s));
        }, ct);

    /// <summary>Applies a change to a call, saves it, logs the changed values and pushes CallUpdated.</summary>
    public async Task<CallView> SaveAsync(DbSession s, CallRecord call, string action, Action<CallRecord> change)
    {
        var before = CallView.From(call);
        change(call);
        var after = CallView.From(await calls.SaveAsync(s, call));
        s.Log(action, callId: call.Id, incidentId: after.IncidentId, details: Changes.Between(before, after));
        s.Emit(EventTypes.CallUpdated, Audiences.Operators, after, after.IncidentId, call.Id);
        return after;
    }
}
