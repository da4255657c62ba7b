using Dispatch.Core.Incidents;

namespace Dispatch.Core.Planning;

/// <summary>
/// A discrete-event replay of calls on a configuration, pure and deterministic (no clock, no
/// randomness). Each call is ready for a unit at its call time plus its processing time. At each
/// moment something happens (a call becomes ready, a unit is back, a unit comes on duty, a hold of
/// the kecamatan rule ends), the waiting calls are served in order of triage (merah, kuning, hijau,
/// then hitam and unknown), then call time, each taking the unit the policy picks among the free ones;
/// a call without one waits. A unit is busy from notified through turnout, travel from its station
/// (the travel table), on scene, transport and return (the incident's own, or the period's median),
/// or, when not conveyed, the road back from the scene; then it is free at its station again. Units
/// always start from their station (no dispatch on the way back: a simplification). A unit going off
/// duty during a call finishes it; an off-duty unit is not sent.
/// </summary>
public static class Simulator
{
    public static SimulationRun Run(SimWorld world, IReadOnlyList<SimCall> calls, TravelTable table, TriageOptions targets, Action<double>? progress = null)
    {
        var units = world.Units;
        var origin = world.Stations.Select(s => table.IndexOf(s.Position)).ToArray();
        var shifts = units.Select(u => new WeeklyShifts(u.Shifts)).ToArray();
        var chooser = new UnitChooser(world, table, origin, shifts);
        var fill = new DurationFill(calls);
        var durations = calls.Select(fill.For).ToArray();
        var ready = new long[calls.Count];
        for (var i = 0; i < calls.Count; i++) ready[i] = calls[i].ReceivedMs + durations[i].ProcessingMs;
        var order = Enumerable.Range(0, calls.Count).OrderBy(i => ready[i]).ThenBy(i => calls[i].ReceivedMs).ThenBy(i => i).ToArray();

        var freeAt = new long[units.Count];
        var busy = new long[units.Count];
        var results = new SimulatedCall?[calls.Count];
        var placed = new PlacedPoint?[calls.Count];
        var waiting = new SortedSet<(int Rank, long Received, int Index)>();
        var wakes = new PriorityQueue<long, long>();
        var next = 0;
        var step = Math.Max(1, calls.Count / 100);
        while (next < order.Length || (waiting.Count > 0 && wakes.Count > 0))
        {
            var now = long.MaxValue;
            if (next < order.Length) now = ready[order[next]];
            if (wakes.TryPeek(out var wake, out _)) now = Math.Min(now, wake);
            while (wakes.TryPeek(out wake, out _) && wake <= now) wakes.Dequeue();
            for (; next < order.Length && ready[order[next]] == now; next++)
            {
                var i = order[next];
                waiting.Add((Rank(calls[i].Triage), calls[i].ReceivedMs, i));
                if (progress is not null && next % step == 0) progress((double)next / order.Length);
            }
            Dispatch(now);
        }
        for (var i = 0; i < calls.Count; i++) results[i] ??= SimulatedCall.Unserved(calls[i].Id, calls[i].ReceivedMs, ready[i]);
        return new SimulationRun(results!, busy, table.Basis);

        void Dispatch(long now)
        {
            if (waiting.Count == 0) return;
            if (!Enumerable.Range(0, units.Count).Any(u => chooser.Free(u, now, freeAt)))
            {
                WakeAtNextDuty(now);
                return;
            }
            chooser.Prepare(now, freeAt);
            long? hold = null;
            foreach (var entry in waiting.ToArray())
            {
                var call = calls[entry.Index];
                var holdUntil = call.ReceivedMs + (long)Hold(call.Triage, targets).TotalMilliseconds;
                var scene = placed[entry.Index] ??= table.Place(call.Position);
                var u = chooser.Choose(call, scene, now, holdUntil, freeAt);
                if (u < 0)
                {
                    if (world.Policy.KeepOnePerKecamatan && holdUntil > now) hold = Math.Min(hold ?? long.MaxValue, holdUntil);
                    continue;
                }
                chooser.Took(u);
                waiting.Remove(entry);
                results[entry.Index] = Serve(entry.Index, u, now, scene);
            }
            if (hold is { } h) wakes.Enqueue(h, h);
            if (waiting.Count > 0) WakeAtNextDuty(now);
        }

        SimulatedCall Serve(int i, int u, long now, PlacedPoint scene)
        {
            var (d, station) = (durations[i], origin[units[u].Station]);
            var enRoute = now + d.TurnoutMs;
            var onScene = enRoute + Ms(table.From(station, scene).Seconds);
            var left = onScene + d.OnSceneMs;
            long? atDestination = d.Conveyed ? left + d.TransportMs : null;
            var back = atDestination is { } a ? a + d.ReturnMs : left + Ms(table.To(station, scene).Seconds);
            freeAt[u] = back;
            busy[u] += back - now;
            wakes.Enqueue(back, back);
            return new SimulatedCall(calls[i].Id, u, calls[i].ReceivedMs, ready[i], now, enRoute, onScene, left, atDestination, back);
        }

        void WakeAtNextDuty(long now)
        {
            long? first = null;
            for (var u = 0; u < units.Count; u++)
                if (freeAt[u] <= now && !shifts[u].OnDuty(now) && shifts[u].NextOnDuty(now) is { } on) first = Math.Min(first ?? long.MaxValue, on);
            if (first is { } f) wakes.Enqueue(f, f);
        }
    }

    /// <summary>Merah first, then kuning, hijau, and hitam with unknown last.</summary>
    public static int Rank(Triage? triage) => triage is { } t and not Triage.Hitam ? (int)t : 3;

    /// <summary>How long the kecamatan rule may hold a unit back from a call: its target, else <see cref="SimPolicy.HoldWithoutTarget"/>.</summary>
    private static TimeSpan Hold(Triage? triage, TriageOptions targets) =>
        (triage is { } t ? targets.Target(t) : null) ?? SimPolicy.HoldWithoutTarget;

    private static long Ms(double seconds) => (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
}
