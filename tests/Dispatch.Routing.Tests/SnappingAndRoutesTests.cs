using Dispatch.Core.Geography;
using Dispatch.Core.Routing;
using static Dispatch.Routing.Tests.Support.RoadData;

namespace Dispatch.Routing.Tests;

public sealed class SnappingAndRoutesTests
{
    private const string WestEast = "[[100.60,-0.79],[100.61,-0.79],[100.62,-0.79]]";
    private static readonly RoadOptions Options = new() { OffRoadSpeedKmh = 9, MaxSnapMeters = 300 };

    /// <summary>Metres per degree of latitude (mean Earth radius), for placing points off the road.</summary>
    private const double MetersPerDegree = 6_371_008.8 * Math.PI / 180;

    [Test]
    public void A_point_beside_a_road_snaps_to_its_foot_on_the_road_and_the_gap_is_covered_slowly()
    {
        var network = FromJson(Lines(("\"highway\":\"primary\"", WestEast)), Options);
        var beside = new GeoPoint(-0.79 + (80 / MetersPerDegree), 100.605);
        var snap = network.Snap(beside)!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(snap.DistanceMeters, Is.EqualTo(80).Within(0.5));
            Assert.That(snap.Point.Lat, Is.EqualTo(-0.79).Within(1e-9));
            Assert.That(snap.Point.Lon, Is.EqualTo(100.605).Within(1e-9));
        });

        var onRoad = network.Route(new GeoPoint(-0.79, 100.615), new GeoPoint(-0.79, 100.605)).Route!;
        var fromBeside = network.Route(new GeoPoint(-0.79, 100.615), beside).Route!;
        Assert.Multiple(() =>
        {
            Assert.That(fromBeside.SnapMeters, Is.EqualTo(80).Within(0.5));
            Assert.That(fromBeside.Meters - onRoad.Meters, Is.EqualTo(80).Within(0.5));
            Assert.That(fromBeside.Seconds - onRoad.Seconds, Is.EqualTo(80 / (9 / 3.6)).Within(0.3), "80 m at the off-road 9 km/h");
            Assert.That(fromBeside.Path[^1], Is.EqualTo(beside), "the drawn route ends at the point itself");
        });
    }

    [Test]
    public void Snapping_finds_a_road_at_least_as_near_as_every_node_of_the_network()
    {
        var network = Load("andorra-roads.geojson");
        var graph = network.Graph;
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var near = graph.Node(random.Next(graph.NodeCount));
            var p = new GeoPoint(near.Lat + ((random.NextDouble() - 0.5) * 0.006), near.Lon + ((random.NextDouble() - 0.5) * 0.006));
            var nearestNode = Enumerable.Range(0, graph.NodeCount).Min(n => GreatCircle.Meters(p, graph.Node(n)));
            var snap = network.Snap(p);
            if (nearestNode > 500) continue; // may legitimately be off the network
            Assert.That(snap, Is.Not.Null, $"{p} is {nearestNode:0} m from a node");
            Assert.That(snap!.Value.DistanceMeters, Is.LessThanOrEqualTo(nearestNode + 0.01), $"{p}");
        }
    }

    [Test]
    public void A_point_too_far_from_every_road_cannot_be_routed()
    {
        var network = FromJson(Lines(("\"highway\":\"primary\"", WestEast)), Options);
        var far = new GeoPoint(-0.79 + (400 / MetersPerDegree), 100.61);
        var onRoad = new GeoPoint(-0.79, 100.605);
        Assert.Multiple(() =>
        {
            Assert.That(network.Snap(far), Is.Null);
            Assert.That(network.Route(far, onRoad).Failure, Is.EqualTo(RouteFailure.FromOffRoad));
            Assert.That(network.Route(onRoad, far).Failure, Is.EqualTo(RouteFailure.ToOffRoad));
        });
    }

    [Test]
    public void Points_on_separate_pieces_of_the_network_are_unreachable()
    {
        var network = FromJson(Lines(("\"highway\":\"primary\"", WestEast), ("\"highway\":\"primary\"", "[[100.60,-0.75],[100.62,-0.75]]")), Options);
        var outcome = network.Route(new GeoPoint(-0.79, 100.61), new GeoPoint(-0.75, 100.61));
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Route, Is.Null);
            Assert.That(outcome.Failure, Is.EqualTo(RouteFailure.Unreachable));
        });
    }

    [Test]
    public void On_one_one_way_segment_the_route_goes_along_it_only_in_its_direction()
    {
        // A one-way block: along the loop's drawing only (W -> E on the south side, back W on the north).
        var loop = "[[100.60,-0.79],[100.62,-0.79],[100.62,-0.78],[100.60,-0.78],[100.60,-0.79]]";
        var network = FromJson(Lines(("\"highway\":\"residential\",\"oneway\":\"yes\"", loop)), Options);
        var a = new GeoPoint(-0.79, 100.605);
        var b = new GeoPoint(-0.79, 100.615);
        var along = network.Route(a, b).Route!;
        var against = network.Route(b, a).Route!; // must go round the block
        Assert.Multiple(() =>
        {
            Assert.That(along.Meters, Is.EqualTo(GreatCircle.Meters(a, b)).Within(0.5));
            Assert.That(along.Path, Has.Count.EqualTo(2), "straight along the one segment");
            Assert.That(against.Meters, Is.GreaterThan(5 * along.Meters));
        });
    }

    [Test]
    public void One_search_for_many_sources_answers_as_each_route_alone()
    {
        var network = Load("andorra-roads.geojson");
        var random = new Random(5);
        var target = network.Graph.Node(random.Next(network.Graph.NodeCount));
        var sources = Enumerable.Range(0, 40).Select(_ => network.Graph.Node(random.Next(network.Graph.NodeCount)))
            .Select(p => new GeoPoint(p.Lat + 0.0003, p.Lon - 0.0002)).ToArray(); // beside the road, not on a node
        var together = network.ToTarget(target, sources, withPath: true);
        for (var i = 0; i < sources.Length; i++)
        {
            var alone = network.Route(sources[i], target);
            Assert.That(together[i].Failure, Is.EqualTo(alone.Failure));
            if (alone.Route is null) continue;
            Assert.That(together[i].Route!.Seconds, Is.EqualTo(alone.Route.Seconds).Within(1e-6));
            Assert.That(together[i].Route!.Path, Is.EqualTo(alone.Route.Path));
        }
        Assert.That(together.Count(o => o.Route is not null), Is.GreaterThan(30));
    }

    [Test]
    public void A_route_path_follows_roads_from_start_to_end_and_its_length_adds_up()
    {
        var network = Load("monaco-roads.geojson");
        var from = new GeoPoint(43.7310, 7.4190);
        var to = new GeoPoint(43.7430, 7.4300);
        var route = network.Route(from, to).Route!;
        var pathMeters = route.Path.Zip(route.Path.Skip(1), GreatCircle.Meters).Sum();
        Assert.Multiple(() =>
        {
            Assert.That(route.Path[0], Is.EqualTo(from));
            Assert.That(route.Path[^1], Is.EqualTo(to));
            Assert.That(pathMeters, Is.EqualTo(route.Meters).Within(0.1).Percent);
            Assert.That(route.Meters, Is.GreaterThan(GreatCircle.Meters(from, to)));
            Assert.That(route.Seconds, Is.GreaterThan(route.Meters / (50 * 1.2 / 3.6)), "no faster than the network's top speed");
        });
    }
}
