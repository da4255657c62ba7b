using Dispatch.Core.Incidents;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Planning;

/// <summary>The durations a call is replayed with, in milliseconds; <see cref="TransportMs"/> and <see cref="ReturnMs"/> only when conveyed.</summary>
public readonly record struct Durations(long ProcessingMs, long TurnoutMs, long OnSceneMs, bool Conveyed, long TransportMs, long ReturnMs);

/// <summary>
/// Fills what an incident's history lacks with the period's median (Percentile.cs, rounded to
/// the millisecond) of the same duration among calls of the same triage (unknown triage is its own
/// group), else among all calls, else 0 when the period observed none at all. Deterministic:
/// no sampling.
/// </summary>
public sealed class DurationFill
{
    private const int Kinds = 5;
    private const int Groups = 6; // four triage colours, unknown, all
    private readonly long[,] _median = new long[Groups, Kinds];

    public DurationFill(IEnumerable<SimCall> calls)
    {
        var values = new List<double>[Groups, Kinds];
        for (var g = 0; g < Groups; g++)
            for (var k = 0; k < Kinds; k++) values[g, k] = [];
        foreach (var c in calls)
        {
            var o = c.Observed;
            long?[] known = [o.ProcessingMs, o.TurnoutMs, o.OnSceneMs, o.TransportMs, o.ReturnMs];
            for (var k = 0; k < Kinds; k++)
            {
                if (known[k] is not { } v) continue;
                values[Group(c.Triage), k].Add(v);
                values[Groups - 1, k].Add(v);
            }
        }
        for (var k = 0; k < Kinds; k++)
        {
            var all = Median(values[Groups - 1, k]) ?? 0;
            for (var g = 0; g < Groups; g++) _median[g, k] = Median(values[g, k]) ?? all;
        }
    }

    public Durations For(SimCall call)
    {
        var (o, g) = (call.Observed, Group(call.Triage));
        return new Durations(o.ProcessingMs ?? _median[g, 0], o.TurnoutMs ?? _median[g, 1], o.OnSceneMs ?? _median[g, 2], o.Conveyed,
            o.Conveyed ? o.TransportMs ?? _median[g, 3] : 0, o.Conveyed ? o.ReturnMs ?? _median[g, 4] : 0);
    }

    private static int Group(Triage? triage) => triage is { } t ? (int)t : 4;

    private static long? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        return (long)Math.Round(Percentile.Of(values, 0.5), MidpointRounding.AwayFromZero);
    }
}
