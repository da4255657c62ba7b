namespace Dispatch.Benchmarks.Reports;

/// <summary>One generated closed incident with its call: times are UTC milliseconds.</summary>
internal readonly record struct BenchIncident(
    long Number, long Received, string Source, string Triage, string Kelurahan, int UnitId, long Answered, long Created,
    long Notified, long? EnRoute, long OnScene, long? AtDestination, long BackInService, long Closed)
{
    public string ExternalId => $"bench-{Number}";

    /// <summary>The kecamatan code: the kelurahan code's first eight characters.</summary>
    public string Kecamatan => Kelurahan[..8];
}

/// <summary>
/// The benchmark's history, the same for every database: plausible incidents from 2023 to 2025
/// (fixed seed per starting number, so a database filled in one go or in parts holds the same
/// rows), twenty bench units, and the set-based SQL that gives every incident its responses.
/// </summary>
internal static class ReportsHistory
{
    private static readonly string[] Triages = ["Merah", "Kuning", "Hijau", "Hitam"];
    private static readonly string[] Sources = ["Line119", "Ncc", "App", "Radio", "Walkin"];
    private static readonly string[] Kelurahan = ["13.72.01.1001", "13.72.01.1002", "13.72.01.1003", "13.72.01.1004", "13.72.01.1005",
        "13.72.01.1006", "13.72.01.1007", "13.72.02.1001", "13.72.02.1002", "13.72.02.1003", "13.72.02.1004", "13.72.02.1005", "13.72.02.1006"];

    /// <summary>Incidents number <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static IEnumerable<BenchIncident> Generate(long from, long to)
    {
        var random = new Random(2023 + (int)from);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        var span = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds() - start;
        for (var n = from; n < to; n++)
        {
            var received = start + (long)(random.NextDouble() * span);
            var source = Sources[random.Next(Sources.Length)];
            var triage = Triages[random.Next(Triages.Length)];
            var kelurahan = Kelurahan[random.Next(Kelurahan.Length)];
            var unit = 1 + random.Next(20);
            var t = received;
            long Step(int min, int max) => t += random.Next(min, max) * 1000L;
            // Evaluated in this order (the seed's sequence): a few calls are answered out of order.
            var answered = random.NextDouble() < 0.01 ? received - 5000 : Step(3, 40);
            var created = Step(20, 120);
            var notified = Step(10, 120);
            long? enRoute = random.NextDouble() < 0.03 ? null : Step(20, 150);
            var onScene = Step(240, 1500);
            long? atDestination = random.NextDouble() < 0.3 ? null : Step(600, 1800);
            var backInService = Step(300, 1500);
            var closed = Step(60, 600);
            yield return new BenchIncident(n, received, source, triage, kelurahan, unit, answered, created, notified, enRoute, onScene,
                atDestination, backInService, closed);
        }
    }

    /// <summary>The twenty bench units, once (portable SQL: SQLite and PostgreSQL).</summary>
    public const string UnitsSql =
        "INSERT INTO units (call_sign, plate, type, status) SELECT 'BENCH-' || value, 'B-' || value, 'Bls', 'AvailableAtStation' " +
        "FROM (WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 20) SELECT value FROM n) AS numbers " +
        "WHERE NOT EXISTS (SELECT 1 FROM units WHERE call_sign LIKE 'BENCH-%')";

    private const string Missing = "FROM incidents i WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.incident_id = i.id)";

    private const string Columns = "INSERT INTO responses (incident_id, unit_id, call_sign, status, notified_by, notified_at, acknowledged_at, en_route_at, on_scene_at, " +
        "at_destination_at, back_in_service_at, ended_at, end_reason, end_note, call_received_at) ";

    /// <summary>
    /// The responses of incidents that have none (a database from before responses gets them too), in
    /// one set-based statement each (portable SQL): every incident's unit with its time points, ended
    /// completed; one incident in eight a second unit, notified a minute later and on scene two minutes
    /// after the first, busy ten minutes longer; one in forty a third, released after five minutes.
    /// Most incidents have one unit, some two or three, as in issue 13. The extra units come first,
    /// while the incidents still lack responses.
    /// </summary>
    public static readonly string[] ResponsesSql =
    [
        Columns + "SELECT i.id, 1 + i.unit_id % 20, 'BENCH-' || (1 + i.unit_id % 20), 'Ended', 'bench', i.unit_notified_at + 60000, i.unit_notified_at + 90000, " +
        "i.en_route_at + 60000, i.on_scene_at + 120000, i.at_destination_at + 120000, i.back_in_service_at + 600000, i.back_in_service_at + 600000, 'Completed', NULL, i.call_received_at " +
        Missing + " AND i.id % 8 = 0",
        Columns + "SELECT i.id, 1 + (i.unit_id + 1) % 20, 'BENCH-' || (1 + (i.unit_id + 1) % 20), 'Ended', 'bench', i.unit_notified_at + 30000, NULL, " +
        "NULL, NULL, NULL, NULL, i.unit_notified_at + 330000, 'Released', 'not needed', i.call_received_at " +
        "FROM incidents i WHERE i.unit_id IS NOT NULL AND i.id % 40 = 0 AND (SELECT COUNT(*) FROM responses r WHERE r.incident_id = i.id) = 1",
        Columns + "SELECT i.id, i.unit_id, 'BENCH-' || i.unit_id, 'Ended', 'bench', i.unit_notified_at, i.unit_notified_at + 20000, i.en_route_at, i.on_scene_at, " +
        "i.at_destination_at, i.back_in_service_at, COALESCE(i.back_in_service_at, i.closed_at), 'Completed', NULL, i.call_received_at " +
        "FROM incidents i WHERE i.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.incident_id = i.id AND r.unit_id = i.unit_id " +
        "AND r.notified_at = i.unit_notified_at)",
    ];
}
