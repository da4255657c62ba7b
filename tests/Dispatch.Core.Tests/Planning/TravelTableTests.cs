using Dispatch.Core.Geography;
using Dispatch.Core.Planning;
using Dispatch.Routing.Tests.Support;

namespace Dispatch.Core.Tests.Planning;

public class TravelTableTests
{
    private static readonly StraightLineSpeed Straight = new(1.4, 40);

    [Test]
    public void Road_times_equal_the_recommendations_routes_on_random_pairs()
    {
        // A 40 x 40 grid with one-way streets and faster main roads: both directions are exercised.
        var network = RoadData.FromJson(GridRoads.GeoJson(40, 40, 120, -0.80, 100.60, seed: 7));
        var random = new Random(11);
        GeoPoint Somewhere() => new(-0.80 + (random.NextDouble() * 0.042), 100.60 + (random.NextDouble() * 0.042));
        var origins = Enumerable.Range(0, 5).Select(_ => Somewhere()).ToArray();
        var table = TravelTable.Build(network, origins, Straight);
        var compared = 0;
        for (var k = 0; k < 400; k++)
        {
            var o = k % origins.Length;
            var point = table.Place(Somewhere());
            var there = network.Route(origins[o], point.Point).Route;
            var back = network.Route(point.Point, origins[o]).Route;
            if (there is null || back is null) continue;
            Assert.That(table.From(o, point), Is.EqualTo(new TravelTime(there.Seconds, TravelBasis.Road)).Using<TravelTime>(Close), $"from origin {o} to {point.Point}");
            Assert.That(table.To(o, point), Is.EqualTo(new TravelTime(back.Seconds, TravelBasis.Road)).Using<TravelTime>(Close), $"to origin {o} from {point.Point}");
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(300));
    }

    [Test]
    public void Without_a_network_or_off_the_roads_the_straight_line_estimate_says_so()
    {
        var origin = new GeoPoint(-0.80, 100.60);
        var far = new GeoPoint(-0.85, 100.60); // more than Roads:MaxSnapMeters from the little grid
        var expected = GreatCircle.Meters(origin, far) * 1.4 / (40 / 3.6);

        var none = TravelTable.Build(null, [origin], Straight);
        Assert.That(none.Basis, Is.EqualTo(TravelBasis.StraightLine));
        Assert.That(none.From(0, none.Place(far)).Seconds, Is.EqualTo(expected).Within(1e-9));

        var roads = TravelTable.Build(RoadData.FromJson(GridRoads.GeoJson(5, 5, 100, -0.80, 100.60, seed: 1)), [origin], Straight);
        Assert.That(roads.Basis, Is.EqualTo(TravelBasis.Road));
        Assert.That(roads.From(0, roads.Place(far)), Is.EqualTo(new TravelTime(expected, TravelBasis.StraightLine)).Using<TravelTime>(Close));
        Assert.That(roads.To(0, roads.Place(far)).Basis, Is.EqualTo(TravelBasis.StraightLine));
    }

    /// <summary>Float search times: equal within float rounding (1e-5 relative, 1 ms absolute).</summary>
    private static bool Close(TravelTime a, TravelTime b) =>
        a.Basis == b.Basis && Math.Abs(a.Seconds - b.Seconds) <= Math.Max(1e-3, 1e-5 * Math.Abs(b.Seconds));
}
