using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Core.Planning;

/// <summary>The box calls are spread over, and how many kelurahan cells (rows x columns) and kecamatan bands (by row) it is cut into.</summary>
public sealed record GeneratorArea(double South, double West, double North, double East, int Rows = 4, int Columns = 4, int KecamatanBands = 2);

/// <summary>
/// Seeded synthetic calls for tests and benchmarks (never shown as real data): call times spread
/// uniformly over the period, positions uniformly over the box, triage about 15% merah, 35% kuning,
/// 40% hijau, 2% hitam and 8% unknown, and every duration known (processing 30-180 s, turnout
/// 30-120 s, on scene 5-30 min, 70% conveyed with 5-30 min transport and 5-30 min return). Replayed
/// with <see cref="Simulator"/>, they give a history made by the very rules the simulation applies.
/// </summary>
public static class HistoryGenerator
{
    public static List<SimCall> Calls(int count, SimPeriod period, GeneratorArea area, int seed)
    {
        var random = new Random(seed);
        var times = new long[count];
        for (var i = 0; i < count; i++) times[i] = period.FromMs + random.NextInt64(period.ToMs - period.FromMs);
        Array.Sort(times);
        var calls = new List<SimCall>(count);
        for (var i = 0; i < count; i++)
        {
            var (r, c) = (random.NextDouble(), random.NextDouble());
            var position = new GeoPoint(area.South + (r * (area.North - area.South)), area.West + (c * (area.East - area.West)));
            var (row, column) = (Math.Min((int)(r * area.Rows), area.Rows - 1), Math.Min((int)(c * area.Columns), area.Columns - 1));
            var kecamatan = $"KEC-{Math.Min(row * area.KecamatanBands / area.Rows, area.KecamatanBands - 1)}";
            var conveyed = random.NextDouble() < 0.7;
            var observed = new ObservedDurations(Seconds(random, 30, 180), Seconds(random, 30, 120), Seconds(random, 300, 1800),
                conveyed ? Seconds(random, 300, 1800) : null, conveyed ? Seconds(random, 300, 1800) : null, conveyed);
            calls.Add(new SimCall(i + 1, times[i], Triage(random.NextDouble()), position, $"KEL-{row}-{column}", $"Kelurahan {row}-{column}", kecamatan, observed));
        }
        return calls;
    }

    /// <summary>The calls as a complete history: processing becomes call -> notified (waiting for a unit included), as an incident records it.</summary>
    public static List<SimCall> AsRecorded(IReadOnlyList<SimCall> calls, SimulationRun run) =>
        calls.Select((c, i) => run.Calls[i] is { Served: true } s
            ? c with { Observed = c.Observed with { ProcessingMs = s.NotifiedMs - s.ReceivedMs } }
            : c).ToList();

    private static long Seconds(Random random, int from, int to) => random.NextInt64(from * 1000L, to * 1000L);

    private static Triage? Triage(double p) => p switch
    {
        < 0.15 => Incidents.Triage.Merah,
        < 0.50 => Incidents.Triage.Kuning,
        < 0.90 => Incidents.Triage.Hijau,
        < 0.92 => Incidents.Triage.Hitam,
        _ => null,
    };
}
