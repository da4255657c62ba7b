using Dispatch.Core.Routing;

namespace Dispatch.Routing.Tests.Support;

/// <summary>The OpenStreetMap test networks in Data/ (ODbL, © OpenStreetMap contributors) and small hand-made road files.</summary>
public static class RoadData
{
    public static string PathOf(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Data", file);

    public static RoadNetwork Load(string file, RoadOptions? options = null) => RoadNetwork.Load(PathOf(file), options ?? new RoadOptions());

    public static RoadNetwork FromJson(string geoJson, RoadOptions? options = null) =>
        RoadNetwork.Build(RoadFile.Parse(System.Text.Encoding.UTF8.GetBytes(geoJson), "test.geojson"), options ?? new RoadOptions());

    /// <summary>A one-feature-per-line FeatureCollection from (tags, [lon, lat] positions).</summary>
    public static string Lines(params (string Tags, string Coordinates)[] lines) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", lines.Select((l, i) =>
            $"{{\"type\":\"Feature\",\"properties\":{{\"osm_id\":{i + 1}{(l.Tags.Length > 0 ? "," : "")}{l.Tags}}},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":{l.Coordinates}}}}}")) + "]}";
}
