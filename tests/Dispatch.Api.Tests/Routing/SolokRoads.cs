using System.Globalization;
using System.Text;
using Dispatch.Core.Geography;

namespace Dispatch.Api.Tests.Routing;

/// <summary>
/// A made-up street grid over Kota Solok (300 m blocks, two-way residential streets) cut by a
/// river between rows <see cref="SouthRow"/> and <see cref="SouthRow"/> + 1, bridged only by the
/// easternmost street: a point just across the river is near by air and far by road.
/// </summary>
public static class SolokRoads
{
    public const int SouthRow = 11;
    public const int Columns = 50;
    public const int Rows = 30;
    private const double MinLat = -0.82;
    private const double MinLon = 100.54;
    private const double Step = 300 / 111_195.0;

    /// <summary>A crossing on the south bank, mid-town: the incident's place.</summary>
    public static GeoPoint Scene => At(SouthRow, 27);
    /// <summary>Across the river from the scene, one block north (~300 m by air).</summary>
    public static GeoPoint AcrossRiver => At(SouthRow + 1, 27);
    /// <summary>On the scene's bank, four blocks west (~1.2 km).</summary>
    public static GeoPoint SameBank => At(SouthRow, 23);
    public static double BridgeLon => At(0, Columns - 1).Lon;

    public static GeoPoint At(int row, int column) => new(Math.Round(MinLat + (row * Step), 7), Math.Round(MinLon + (column * Step), 7));

    public static string GeoJson()
    {
        var features = new List<string>();
        for (var r = 0; r < Rows; r++) features.Add(Line(Enumerable.Range(0, Columns).Select(c => At(r, c))));
        for (var c = 0; c < Columns; c++)
        {
            if (c == Columns - 1) { features.Add(Line(Enumerable.Range(0, Rows).Select(r => At(r, c)))); continue; } // the bridge
            features.Add(Line(Enumerable.Range(0, SouthRow + 1).Select(r => At(r, c))));
            features.Add(Line(Enumerable.Range(SouthRow + 1, Rows - SouthRow - 1).Select(r => At(r, c))));
        }
        return new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n").AppendJoin(",\n", features).Append("\n]}\n").ToString();

        string Line(IEnumerable<GeoPoint> points) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"osm_id\":{features.Count + 1},\"highway\":\"residential\"}},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{string.Join(',', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Lon},{p.Lat}]")))}]}}}}");
    }

    /// <summary>Writes the network to a new temporary file and returns its path.</summary>
    public static string WriteFile(string? json = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"psc119-roads-{Guid.NewGuid():n}.geojson");
        File.WriteAllText(path, json ?? GeoJson());
        return path;
    }
}
