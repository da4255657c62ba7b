using Dispatch.Core.Geography;
using Dispatch.Core.Routing;
using static Dispatch.Routing.Tests.Support.RoadData;

namespace Dispatch.Routing.Tests;

public sealed class GraphBuildingTests
{
    // A 0.01 degree step is about 1.1 km here; positions are 7-decimal like OSM's.
    private const string WestEast = "[[100.60,-0.79],[100.61,-0.79],[100.62,-0.79]]";
    private static readonly GeoPoint West = new(-0.79, 100.60);
    private static readonly GeoPoint East = new(-0.79, 100.62);

    private static bool Drivable(RoadNetwork n, GeoPoint from, GeoPoint to) => n.Route(from, to).Route is not null;

    [Test]
    public void Lines_are_noded_where_they_share_a_position_even_inside_a_way()
    {
        // A north-south way crossing the west-east way at its middle vertex: one intersection node.
        var network = FromJson(Lines(("\"highway\":\"residential\"", WestEast), ("\"highway\":\"residential\"", "[[100.61,-0.80],[100.61,-0.79],[100.61,-0.78]]")));
        Assert.Multiple(() =>
        {
            Assert.That(network.Graph.NodeCount, Is.EqualTo(5));
            Assert.That(network.Graph.SegmentCount, Is.EqualTo(4));
            Assert.That(network.Graph.ArcCount, Is.EqualTo(8));
            Assert.That(Drivable(network, West, new GeoPoint(-0.78, 100.61)), Is.True, "west end to north end through the crossing");
        });
    }

    [TestCase("\"oneway\":\"yes\"", true, false)]
    [TestCase("\"oneway\":\"true\"", true, false)]
    [TestCase("\"oneway\":\"1\"", true, false)]
    [TestCase("\"oneway\":true", true, false)]
    [TestCase("\"oneway\":\"-1\"", false, true)]
    [TestCase("\"oneway\":\"no\"", true, true)]
    [TestCase("\"oneway\":\"reversible\"", true, true)]
    [TestCase("", true, true)]
    [TestCase("\"junction\":\"roundabout\"", true, false)]
    [TestCase("\"junction\":\"circular\"", true, false)]
    [TestCase("\"junction\":\"roundabout\",\"oneway\":\"no\"", true, true)]
    [TestCase("\"junction\":\"roundabout\",\"oneway\":\"-1\"", false, true)]
    public void One_way_tags_decide_the_directions_a_road_may_be_driven(string tags, bool westToEast, bool eastToWest)
    {
        var network = FromJson(Lines(("\"highway\":\"primary\"" + (tags.Length > 0 ? "," + tags : ""), WestEast)));
        Assert.Multiple(() =>
        {
            Assert.That(Drivable(network, West, East), Is.EqualTo(westToEast), "west to east (drawing direction)");
            Assert.That(Drivable(network, East, West), Is.EqualTo(eastToWest), "east to west");
        });
    }

    [Test]
    public void A_roundabout_ring_is_driven_one_way_round()
    {
        // A closed ring drawn anticlockwise (E, N, W, S, E): going from E to N is a quarter, N to E three quarters.
        var ring = "[[100.61,-0.79],[100.60,-0.78],[100.59,-0.79],[100.60,-0.80],[100.61,-0.79]]";
        var network = FromJson(Lines(("\"highway\":\"primary\",\"junction\":\"roundabout\"", ring)));
        var e = new GeoPoint(-0.79, 100.61);
        var n = new GeoPoint(-0.78, 100.60);
        var quarter = network.Route(e, n).Route!;
        var threeQuarters = network.Route(n, e).Route!;
        Assert.That(threeQuarters.Meters, Is.EqualTo(3 * quarter.Meters).Within(0.5).Percent);
    }

    [TestCase("50", 50.0)]
    [TestCase("50 km/h", 50.0)]
    [TestCase("50kmh", 50.0)]
    [TestCase("30 mph", 48.28032)]
    [TestCase("20 knots", 37.04)]
    [TestCase("60;40", 60.0)]
    [TestCase("none", null)]
    [TestCase("signals", null)]
    [TestCase("walk", null)]
    [TestCase("RO:urban", null)]
    [TestCase("fast", null)]
    [TestCase("-5", null)]
    [TestCase("0", null)]
    [TestCase("", null)]
    public void Maxspeed_values_are_read_as_osm_writes_them(string value, double? kmh) =>
        Assert.That(Maxspeed.Kmh(value), kmh is null ? Is.Null : Is.EqualTo(kmh.Value).Within(1e-9));

    [TestCase("\"maxspeed\":\"50\"", 50.0)]
    [TestCase("\"maxspeed\":\"30 mph\"", 48.28032)]
    [TestCase("\"maxspeed\":\"none\"", 50.0)]     // no limit given: the primary class speed
    [TestCase("\"maxspeed\":\"garbage\"", 50.0)]
    [TestCase("", 50.0)]
    public void Travel_time_uses_maxspeed_or_the_class_speed_times_the_ambulance_factor(string tags, double kmh)
    {
        var options = new RoadOptions { AmbulanceFactor = 1.25 };
        var network = FromJson(Lines(("\"highway\":\"primary\"" + (tags.Length > 0 ? "," + tags : ""), WestEast)), options);
        var segment = network.Graph.Segment(0);
        Assert.That(segment.Cost, Is.EqualTo(segment.Meters / (kmh * 1.25 / 3.6)).Within(1e-9));
        Assert.That(network.Report.MaxspeedIgnored, Is.EqualTo(tags.Contains("garbage") || tags.Contains("none") ? 1 : 0));
    }

    [Test]
    public void Classes_an_ambulance_cannot_use_are_skipped_and_counted()
    {
        var options = new RoadOptions();
        options.SpeedKmh["service"] = 0; // switched off by configuration
        var network = FromJson(Lines(
            ("\"highway\":\"residential\"", WestEast),
            ("\"highway\":\"footway\"", "[[100.60,-0.80],[100.60,-0.79]]"),
            ("\"highway\":\"steps\"", "[[100.61,-0.80],[100.61,-0.79]]"),
            ("\"highway\":\"service\"", "[[100.62,-0.80],[100.62,-0.79]]")), options);
        Assert.Multiple(() =>
        {
            Assert.That(network.Graph.SegmentCount, Is.EqualTo(2));
            Assert.That(network.Report.SkippedByClass, Is.EquivalentTo(new Dictionary<string, int> { ["footway"] = 1, ["steps"] = 1, ["service"] = 1 }));
            Assert.That(network.Report.LinesUsed, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_file_with_no_road_an_ambulance_can_use_is_refused()
    {
        var error = Assert.Throws<RoadFileException>(() => FromJson(Lines(("\"highway\":\"footway\"", WestEast))));
        Assert.That(error!.Message, Does.Contain("no usable road").And.Contain("footway"));
    }

    [Test]
    public void The_osm_networks_build_with_every_feature_used()
    {
        var monaco = Load("monaco-roads.geojson");
        var andorra = Load("andorra-roads.geojson");
        Assert.Multiple(() =>
        {
            // Figures from Data/README.md: distinct locations and features.
            Assert.That(monaco.Graph.NodeCount, Is.EqualTo(3050));
            Assert.That(monaco.Report.Features, Is.EqualTo(507));
            Assert.That(andorra.Graph.NodeCount, Is.EqualTo(16550));
            Assert.That(andorra.Report.Features, Is.EqualTo(1174));
            Assert.That(andorra.Report.SkippedByClass, Is.Empty);
        });
    }
}
