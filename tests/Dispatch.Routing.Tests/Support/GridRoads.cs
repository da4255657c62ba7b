using System.Globalization;
using System.Text;

namespace Dispatch.Routing.Tests.Support;

/// <summary>
/// A generated street grid as a road file (GeoJSON LineStrings with OSM tags), for the peer test
/// and the routing benchmark. Every row and column is one way (not split at crossings, like OSM);
/// about a third of the residential streets are one-way, tagged in each OSM spelling
/// (yes, true, 1, -1); every tenth street is a faster main road with a maxspeed.
/// </summary>
public static class GridRoads
{
    private static readonly string[] OnewaySpellings = ["yes", "true", "1", "-1"];

    public static string GeoJson(int columns, int rows, double spacingMeters, double originLat, double originLon, int seed)
    {
        var random = new Random(seed);
        var dLat = spacingMeters / 111_195.0;
        var dLon = dLat / Math.Cos(originLat * Math.PI / 180);
        var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        var id = 0;
        for (var r = 0; r < rows; r++)
            Way(Enumerable.Range(0, columns).Select(c => (r, c)), r % 10 == 0);
        for (var c = 0; c < columns; c++)
            Way(Enumerable.Range(0, rows).Select(r => (r, c)), c % 10 == 5);
        json.Length -= 2; // the last ",\n"
        return json.Append("\n]}\n").ToString();

        void Way(IEnumerable<(int R, int C)> cells, bool main)
        {
            var tags = new List<string> { $"\"osm_id\":{++id}", main ? "\"highway\":\"primary\"" : "\"highway\":\"residential\"" };
            if (main) tags.Add(random.Next(2) == 0 ? "\"maxspeed\":\"50\"" : "\"maxspeed\":\"30 mph\"");
            else if (random.NextDouble() < 0.35) tags.Add($"\"oneway\":\"{OnewaySpellings[random.Next(OnewaySpellings.Length)]}\"");
            var positions = cells.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"[{Math.Round(originLon + (p.C * dLon), 7)},{Math.Round(originLat + (p.R * dLat), 7)}]"));
            json.Append("{\"type\":\"Feature\",\"properties\":{").AppendJoin(',', tags)
                .Append("},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[").AppendJoin(',', positions).Append("]}},\n");
        }
    }
}
