namespace Dispatch.Core.Planning;

/// <summary>
/// What the replay did with one call (UTC ms): the unit sent (index into the world's units; -1 when
/// no unit ever became available), when the call was ready for a unit (received + processing), and
/// the unit's time points. <see cref="Waited"/>: no unit could be sent when it was ready.
/// </summary>
public sealed record SimulatedCall(long CallId, int Unit, long ReceivedMs, long ReadyMs, long NotifiedMs, long EnRouteMs, long OnSceneMs,
    long LeftSceneMs, long? AtDestinationMs, long BackMs)
{
    public bool Served => Unit >= 0;
    public bool Waited => NotifiedMs > ReadyMs;
    /// <summary>Call received -> first unit on scene, seconds.</summary>
    public double ResponseSeconds => (OnSceneMs - ReceivedMs) / 1000.0;

    public static SimulatedCall Unserved(long callId, long receivedMs, long readyMs) => new(callId, -1, receivedMs, readyMs, -1, -1, -1, -1, null, -1);
}

/// <summary>A finished replay: every call's outcome (in the order of the calls given) and each unit's busy time.</summary>
public sealed record SimulationRun(IReadOnlyList<SimulatedCall> Calls, IReadOnlyList<long> BusyMs, TravelBasis Basis);
