using Dispatch.Core.Incidents;
using Dispatch.Core.Reports;

namespace Dispatch.Core.Planning;

/// <summary>Response times of one triage group (seconds) and, where the triage has a target, how many met it; null where there is nothing to measure.</summary>
public sealed record TriageFigures(int Incidents, double? Mean, double? Median, double? P90, double? TargetSeconds, int? OnTarget, double? Compliance, int? Late);

/// <summary>One kelurahan's response times (seconds) and late arrivals among its calls with a target.</summary>
public sealed record KelurahanFigures(string Code, string? Name, int Incidents, double? Median, double? P90, int? Late, double? Compliance);

/// <summary>A unit's work: responses, busy seconds, and busy / on-duty time in the period (null when never on duty).</summary>
public sealed record UnitFigures(long? Id, string CallSign, string Station, int Responses, double BusySeconds, double? Utilisation);

/// <summary>
/// The figures of one replay. Per triage: merah, kuning, hijau, hitam and unknown (no triage).
/// <see cref="Late"/>: calls with a target whose call -> on scene exceeded it. <see cref="Waited"/>:
/// calls that found no unit free when ready. <see cref="Unserved"/>: calls no unit ever took (no unit on
/// duty after them); they count as late when they have a target.
/// </summary>
public sealed record SimulationOutcome(IReadOnlyDictionary<string, TriageFigures> ByTriage, int Late, int Waited, int Unserved,
    IReadOnlyList<KelurahanFigures> ByKelurahan, IReadOnlyList<UnitFigures> Units)
{
    public const string Unknown = "unknown";

    public static SimulationOutcome Of(SimWorld world, IReadOnlyList<SimCall> calls, SimulationRun run, SimPeriod period, TriageOptions targets)
    {
        var target = calls.Select(c => c.Triage is { } t ? targets.Target(t)?.TotalSeconds : null).ToArray();
        var all = Enumerable.Range(0, calls.Count).ToArray();
        var byTriage = Enum.GetValues<Triage>().Select(t => (Name: t.ToString().ToLowerInvariant(), Triage: (Triage?)t))
            .Append((Name: Unknown, Triage: (Triage?)null))
            .ToDictionary(x => x.Name, x => Figures(all.Where(i => calls[i].Triage == x.Triage).ToArray(), x.Triage is { } t ? targets.Target(t)?.TotalSeconds : null));
        var byKelurahan = all.Where(i => calls[i].KelurahanCode is not null).GroupBy(i => calls[i].KelurahanCode!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Kelurahan(g.Key, calls[g.First()].KelurahanName, [.. g])).ToList();
        var units = world.Units.Select((u, k) =>
        {
            var onDuty = new WeeklyShifts(u.Shifts).OnDutyMs(period.FromMs, period.ToMs);
            return new UnitFigures(u.Id, u.CallSign, world.Stations[u.Station].Name, run.Calls.Count(c => c.Unit == k), run.BusyMs[k] / 1000.0,
                onDuty > 0 ? (double)run.BusyMs[k] / onDuty : null);
        }).ToList();
        return new SimulationOutcome(byTriage, all.Count(IsLate), run.Calls.Count(c => c.Served && c.Waited), run.Calls.Count(c => !c.Served), byKelurahan, units);

        bool IsLate(int i) => target[i] is { } t && (!run.Calls[i].Served || run.Calls[i].ResponseSeconds > t);

        TriageFigures Figures(int[] group, double? targetSeconds)
        {
            var (times, late) = Times(group);
            return new TriageFigures(group.Length, times.Count > 0 ? times.Average() : null, At(times, 0.5), At(times, 0.9), targetSeconds,
                targetSeconds is null ? null : group.Length - late, targetSeconds is null || group.Length == 0 ? null : (double)(group.Length - late) / group.Length,
                targetSeconds is null ? null : late);
        }

        KelurahanFigures Kelurahan(string code, string? name, int[] group)
        {
            var (times, late) = Times(group);
            var withTarget = group.Count(i => target[i] is not null);
            return new KelurahanFigures(code, name, group.Length, At(times, 0.5), At(times, 0.9),
                withTarget == 0 ? null : late, withTarget == 0 ? null : (double)(withTarget - late) / withTarget);
        }

        (List<double> Sorted, int Late) Times(int[] group)
        {
            var times = group.Where(i => run.Calls[i].Served).Select(i => run.Calls[i].ResponseSeconds).ToList();
            times.Sort();
            return (times, group.Count(IsLate));
        }
    }

    private static double? At(List<double> sorted, double p) => sorted.Count == 0 ? null : Percentile.Of(sorted, p);
}
