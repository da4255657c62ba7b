using Dispatch.Api.Database;
using Dispatch.Api.Imports;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;

namespace Dispatch.Api.Demo;

/// <summary>
/// Sample history for the demo's reports page: past incidents generated from a fixed seed,
/// stored like an import (marked imported, external ids "contoh-NNNN"). Not real data.
/// </summary>
public static class DemoHistory
{
    public static async Task SeedAsync(DbSession s, ImportStore store, AreaResolver areas, IReadOnlyList<long> unitIds, int count)
    {
        var random = new Random(119);
        var kelurahan = areas.KelurahanAreas.ToList();
        for (var n = 1; n <= count; n++)
        {
            var area = kelurahan[random.Next(kelurahan.Count)];
            var centre = areas.InteriorPoint(area.Code)!.Value;
            var point = new GeoPoint(centre.Lat + (random.NextDouble() - 0.5) * 0.004, centre.Lon + (random.NextDouble() - 0.5) * 0.004);
            // Busier by day: the hour is drawn twice and the later kept, which leans toward evening.
            var received = s.Now.AddDays(-1 - random.Next(120)).Date.AddHours(Math.Max(random.Next(24), random.Next(6, 24))).AddMinutes(random.Next(60));
            var at = new DateTimeOffset(received, TimeSpan.Zero).AddHours(-7);
            var times = new Dictionary<string, DateTimeOffset> { ["callReceived"] = at };
            void Step(string field, int minSeconds, int maxSeconds) => times[field] = at = at.AddSeconds(random.Next(minSeconds, maxSeconds));
            Step("callAnswered", 3, 40);
            Step("incidentCreated", 30, 150);
            Step("unitNotified", 10, 120);
            Step("unitAcknowledged", 5, 40);
            Step("enRoute", 20, 150);
            if (random.NextDouble() > 0.04) Step("onScene", 240, 1500); // a few records lack the arrival time
            if (random.NextDouble() < 0.7)
            {
                Step("leftScene", 300, 1200);
                Step("atDestination", 300, 900);
                Step("handover", 120, 600);
            }
            Step("backInService", 300, 1500);
            Step("closed", 60, 600);
            var triage = random.NextDouble() switch { < 0.2 => Triage.Merah, < 0.65 => Triage.Kuning, < 0.95 => Triage.Hijau, _ => Triage.Hitam };
            var source = random.NextDouble() switch { < 0.75 => "Line119", < 0.9 => "Ncc", < 0.97 => "App", _ => "Walkin" };
            await store.AddAsync(s, new ParsedRow(n, $"contoh-{n:0000}", source, triage.ToString(), random.NextDouble() < 0.35 ? "Trauma" : "NonTrauma",
                Math.Round(point.Lat, 6), Math.Round(point.Lon, 6), "Riwayat contoh (data sampel)", unitIds[random.Next(unitIds.Count)], null,
                areas.Resolve(point), times, []));
        }
    }
}
