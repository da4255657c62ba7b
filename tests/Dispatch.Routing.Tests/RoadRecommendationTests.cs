using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Routing;
using Dispatch.Core.Units;
using Dispatch.Routing.Tests.Support;

namespace Dispatch.Routing.Tests;

/// <summary>
/// A river between two parallel roads, bridged only at the east end: the unit across the river is
/// nearest by air and far by road. Speeds: residential 25 km/h x 1.2.
/// </summary>
public sealed class RoadRecommendationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Incident = new(-0.790, 100.650);       // on the south road
    private static readonly GeoPoint AcrossRiver = new(-0.787, 100.650);    // on the north road, ~330 m by air
    private static readonly GeoPoint SameBank = new(-0.790, 100.635);       // on the south road, ~1.7 km
    private static readonly GeoPoint Island = new(-0.810, 100.650);         // a road piece connected to nothing
    private static readonly GeoPoint Hills = new(-0.770, 100.650);          // ~1.9 km from any road

    private static readonly RoadNetwork River = RoadData.FromJson(RoadData.Lines(
        ("\"highway\":\"residential\"", "[[100.63,-0.790],[100.635,-0.790],[100.65,-0.790],[100.67,-0.790]]"),
        ("\"highway\":\"residential\"", "[[100.63,-0.787],[100.65,-0.787],[100.67,-0.787]]"),
        ("\"highway\":\"residential\",\"name\":\"bridge\"", "[[100.67,-0.790],[100.67,-0.787]]"),
        ("\"highway\":\"residential\"", "[[100.645,-0.810],[100.655,-0.810]]")));

    private static UnitSnapshot Unit(long id, GeoPoint at, UnitType type = UnitType.Als) =>
        new(id, $"U{id}", type, UnitStatus.AvailableOnRoad, at.Lat, at.Lon, (Now - TimeSpan.FromSeconds(20)).ToUnixTimeMilliseconds(), double.NaN, double.NaN);

    private static readonly UnitSnapshot[] Fleet = [Unit(1, AcrossRiver), Unit(2, SameBank), Unit(3, Island), Unit(4, Hills)];

    private static IReadOnlyList<Candidate> Rank(RoadNetwork? roads, Priority priority = Priority.P2, UnitSnapshot[]? fleet = null) =>
        new Recommender(new RecommendationOptions()).Rank(Incident, priority, fleet ?? Fleet, Now, roads);

    [Test]
    public void Without_roads_the_unit_across_the_river_is_first_and_with_roads_the_one_on_the_same_bank()
    {
        Assert.That(Rank(null)[0].UnitId, Is.EqualTo(1));
        var ranked = Rank(River);
        var across = ranked.Single(c => c.UnitId == 1);
        var sameBank = ranked.Single(c => c.UnitId == 2);
        Assert.Multiple(() =>
        {
            Assert.That(ranked[0].UnitId, Is.EqualTo(2));
            Assert.That(across.Rank, Is.GreaterThan(sameBank.Rank));
            Assert.That(across.EtaBasis, Is.EqualTo(EtaBasis.Road));
            Assert.That(across.RoadMeters, Is.EqualTo(2 * 2226 + 333).Within(1).Percent, "east to the bridge, across, and back west");
            Assert.That(across.EtaSeconds, Is.EqualTo(across.RoadMeters!.Value / (25 * 1.2 / 3.6)).Within(1));
            Assert.That(across.Reason, Does.StartWith("4.8 km by road, ETA ~10 min by road (0.3 km straight line)"));
            Assert.That(sameBank.Reason, Does.StartWith("1.7 km by road, ETA ~3 min by road"));
            Assert.That(sameBank.DistanceMeters, Is.EqualTo(GreatCircle.Meters(SameBank, Incident)).Within(1));
        });
    }

    [Test]
    public void A_unit_the_network_cannot_route_keeps_its_straight_line_estimate_and_says_why()
    {
        var ranked = Rank(River);
        var island = ranked.Single(c => c.UnitId == 3);
        var hills = ranked.Single(c => c.UnitId == 4);
        var straight = Rank(null);
        Assert.Multiple(() =>
        {
            Assert.That(island.EtaBasis, Is.EqualTo(EtaBasis.StraightLine));
            Assert.That(island.RoadMeters, Is.Null);
            Assert.That(island.EtaSeconds, Is.EqualTo(straight.Single(c => c.UnitId == 3).EtaSeconds));
            Assert.That(island.Reason, Does.Contain("straight-line estimate: no road route, no drivable road connects the two points"));
            Assert.That(hills.EtaBasis, Is.EqualTo(EtaBasis.StraightLine));
            Assert.That(hills.Reason, Does.Contain("no road route, the start is more than 500 m from any road"));
        });
    }

    [Test]
    public void An_incident_off_the_network_leaves_every_unit_on_straight_line_estimates()
    {
        var ranked = new Recommender(new RecommendationOptions()).Rank(Hills, Priority.P2, Fleet[..2], Now, River);
        Assert.That(ranked.Select(c => c.EtaBasis), Is.All.EqualTo(EtaBasis.StraightLine));
        Assert.That(ranked.Select(c => c.Reason), Is.All.Contain("the destination is more than 500 m from any road"));
    }

    [Test]
    public void For_p1_the_als_preference_is_added_to_routed_times()
    {
        // The BLS unit on the same bank is 2x faster by road than the ALS unit across the river,
        // which is still more than the 180 s preference behind: the BLS unit leads, marked.
        var ranked = Rank(River, Priority.P1, [Unit(1, AcrossRiver), Unit(2, SameBank, UnitType.Bls)]);
        Assert.Multiple(() =>
        {
            Assert.That(ranked.Select(c => c.UnitId), Is.EqualTo(new long[] { 2, 1 }));
            Assert.That(ranked[0].AlsPreferenceApplied, Is.True);
            Assert.That(ranked[0].Reason, Does.Contain("by road").And.Contain("BLS ranked +180 s behind ALS for P1"));
        });
    }

    [Test]
    public void The_shortlist_by_air_is_reranked_by_road_and_cut_to_max_candidates()
    {
        var options = new RecommendationOptions { MaxCandidates = 1, RoadShortlist = 2 };
        // The two nearest by air are units 1 (0.3 km) and 2 (1.7 km); routing picks unit 2.
        var ranked = new Recommender(options).Rank(Incident, Priority.P2, Fleet, Now, River);
        Assert.That(ranked.Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }
}
