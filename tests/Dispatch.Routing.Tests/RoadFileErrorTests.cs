using Dispatch.Core.Routing;
using Dispatch.Routing.Tests.Support;
using static Dispatch.Routing.Tests.Support.RoadData;

namespace Dispatch.Routing.Tests;

/// <summary>A bad or partial road file is refused as a whole, and the message names the feature at fault.</summary>
public sealed class RoadFileErrorTests
{
    private const string Good = "{\"type\":\"Feature\",\"properties\":{\"osm_id\":11,\"highway\":\"primary\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[100.6,-0.79],[100.61,-0.79]]}}";

    private static string Collection(string second) => $"{{\"type\":\"FeatureCollection\",\"features\":[{Good},{second}]}}";

    private static string Feature(string properties, string geometry) => $"{{\"type\":\"Feature\",\"properties\":{properties},\"geometry\":{geometry}}}";

    private static readonly TestCaseData[] BadFeatures =
    [
        new TestCaseData(Feature("{\"osm_id\":42}", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}"), "features[1] (osm_id 42) has no 'highway' tag").SetName("missing highway"),
        new TestCaseData(Feature("{\"osm_id\":42,\"highway\":\"primary\"}", "{\"type\":\"Point\",\"coordinates\":[1,2]}"), "features[1] (osm_id 42) has geometry type 'Point'").SetName("a point"),
        new TestCaseData(Feature("{\"osm_id\":42,\"highway\":\"primary\"}", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[200,4]]}"), "features[1] (osm_id 42) has coordinates[1]").SetName("longitude out of range"),
        new TestCaseData(Feature("{\"osm_id\":42,\"highway\":\"primary\"}", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[\"x\",4]]}"), "features[1] (osm_id 42) has coordinates[1]").SetName("text as a coordinate"),
        new TestCaseData(Feature("{\"osm_id\":42,\"highway\":\"primary\"}", "{\"type\":\"LineString\",\"coordinates\":[[1,2]]}"), "features[1] (osm_id 42) has a line of 1 position(s)").SetName("one position"),
        new TestCaseData(Feature("{\"highway\":\"primary\"}", "null"), "features[1] has no geometry").SetName("no geometry, no id"),
        new TestCaseData("{\"type\":\"Feature\",\"id\":\"way/42\",\"geometry\":null}", "features[1] (osm_id way/42) has no properties").SetName("no properties, feature id"),
    ];

    [TestCaseSource(nameof(BadFeatures))]
    public void A_bad_feature_is_named(string feature, string expected)
    {
        var error = Assert.Throws<RoadFileException>(() => RoadFile.Parse(System.Text.Encoding.UTF8.GetBytes(Collection(feature)), "city.geojson"));
        Assert.That(error!.Message, Does.StartWith("city.geojson: ").And.Contain(expected));
    }

    [Test]
    public void A_file_cut_short_names_the_last_whole_feature_and_the_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"psc119-cut-{Guid.NewGuid():n}.geojson");
        var text = File.ReadAllText(RoadData.PathOf("monaco-roads.geojson"));
        File.WriteAllText(path, text[..(text.Length / 2)]);
        try
        {
            var error = Assert.Throws<RoadFileException>(() => RoadNetwork.Load(path, new RoadOptions()));
            Assert.That(error!.Message, Does.StartWith(Path.GetFileName(path)).And.Contain("cut-short").And.Match(@"after features\[\d+\] \(osm_id \d+\), at features\[\d+\]"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("[]", "not a GeoJSON FeatureCollection")]
    [TestCase("{\"type\":\"FeatureCollection\"}", "no 'features' array")]
    [TestCase("{\"type\":\"FeatureCollection\",\"features\":{}}", "'features' is not an array")]
    [TestCase("", "before the first feature")]
    [TestCase("{\"features\":[{\"properties\":}]}", "before the first feature")]
    public void A_file_that_is_no_feature_collection_says_so(string json, string expected)
    {
        var error = Assert.Throws<RoadFileException>(() => RoadFile.Parse(System.Text.Encoding.UTF8.GetBytes(json), "city.geojson"));
        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void A_missing_file_says_it_cannot_be_read()
    {
        var error = Assert.Throws<RoadFileException>(() => RoadNetwork.Load("/nonexistent/roads.geojson", new RoadOptions()));
        Assert.That(error!.Message, Does.StartWith("roads.geojson: cannot be read"));
    }

    [Test]
    public void Multi_line_strings_are_read_part_by_part()
    {
        var multi = Feature("{\"highway\":\"residential\"}", "{\"type\":\"MultiLineString\",\"coordinates\":[[[100.6,-0.8],[100.6,-0.79]],[[100.7,-0.8],[100.7,-0.79]]]}");
        var lines = RoadFile.Parse(System.Text.Encoding.UTF8.GetBytes(Collection(multi)), "city.geojson");
        Assert.That(lines.Select(l => (l.Index, l.PositionCount)), Is.EqualTo(new[] { (0, 2), (1, 2), (1, 2) }));
    }
}
