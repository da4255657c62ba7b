using System.Globalization;
using Dispatch.Core.Geography;
using Dispatch.Core.Incidents;
using Dispatch.Core.Recommendation;
using Dispatch.Core.Units;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Recommendation;

public sealed class RecommenderTests
{
    private static readonly DateTimeOffset Now = T0;
    private static readonly GeoPoint Incident = Scene;
    /// <summary>Far enough from the scene that a candidate measured from here is recognisable.</summary>
    private static readonly GeoPoint FarStation = Offset(Incident, northKm: -6, eastKm: 0);

    private const double MeanEarthRadius = 6_371_008.8;

    /// <summary>Haversine distance, written out here independently of the code under test.</summary>
    private static double HaversineMeters(GeoPoint a, GeoPoint b)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var phi1 = Rad(a.Lat);
        var phi2 = Rad(b.Lat);
        var sinDPhi = Math.Sin((phi2 - phi1) / 2);
        var sinDLambda = Math.Sin(Rad(b.Lon - a.Lon) / 2);
        var h = (sinDPhi * sinDPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinDLambda * sinDLambda);
        return 2 * MeanEarthRadius * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
    }

    private static GeoPoint Offset(GeoPoint from, double northKm, double eastKm)
    {
        var metersPerDegree = MeanEarthRadius * Math.PI / 180;
        return new GeoPoint(
            from.Lat + (northKm * 1000 / metersPerDegree),
            from.Lon + (eastKm * 1000 / (metersPerDegree * Math.Cos(from.Lat * Math.PI / 180))));
    }

    private static GeoPoint North(double km) => Offset(Incident, km, 0);

    private static UnitSnapshot Unit(
        long id, GeoPoint? position, UnitType type = UnitType.Als, UnitStatus status = UnitStatus.AvailableOnRoad,
        TimeSpan? age = null, GeoPoint? station = null, bool noStation = false)
    {
        var home = noStation ? (GeoPoint?)null : station ?? FarStation;
        return new UnitSnapshot(id, $"U{id}", type, status,
            position?.Lat ?? double.NaN, position?.Lon ?? double.NaN,
            position is null ? long.MinValue : (Now - (age ?? TimeSpan.FromSeconds(30))).ToUnixTimeMilliseconds(),
            home?.Lat ?? double.NaN, home?.Lon ?? double.NaN);
    }

    private static IReadOnlyList<Candidate> Rank(Priority priority, params UnitSnapshot[] units) =>
        Rank(new RecommendationOptions(), priority, units);

    private static IReadOnlyList<Candidate> Rank(RecommendationOptions options, Priority priority, params UnitSnapshot[] units) =>
        new Recommender(options).Rank(Incident, priority, units, Now);

    private static double MetersPerSecond(RecommendationOptions o) => o.SpeedKmh * 1000 / 3600;

    [Test]
    public void Units_are_ordered_by_estimated_arrival()
    {
        var result = Rank(Priority.P2, Unit(1, North(3.0)), Unit(2, Offset(Incident, 0, -1.0)), Unit(3, North(2.0)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2, 3, 1 }));
            Assert.That(result.Select(c => c.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(result.Select(c => c.EtaSeconds), Is.Ordered.Ascending);
            Assert.That(result[0].CallSign, Is.EqualTo("U2"));
        });
    }

    [Test]
    public void No_units_gives_no_candidates() =>
        Assert.That(Rank(Priority.P1), Is.Empty);

    [TestCase(150, UnitType.Als)]
    [TestCase(210, UnitType.Bls)]
    public void For_p1_an_als_unit_wins_unless_the_bls_lead_exceeds_the_preference(double blsLeadSeconds, UnitType expectedFirst)
    {
        var options = new RecommendationOptions();
        Assert.That(options.AlsPreferenceSeconds, Is.EqualTo(180), "the cases straddle the default preference");
        var extraMeters = blsLeadSeconds * MetersPerSecond(options) / options.DetourFactor;
        var bls = Unit(1, North(1.0), UnitType.Bls);
        var als = Unit(2, North(1.0 + (extraMeters / 1000)), UnitType.Als);

        var result = Rank(options, Priority.P1, bls, als);

        Assert.Multiple(() =>
        {
            Assert.That(result[0].Type, Is.EqualTo(expectedFirst));
            Assert.That(result.Single(c => c.Type == UnitType.Bls).EtaSeconds,
                Is.LessThan(result.Single(c => c.Type == UnitType.Als).EtaSeconds), "the BLS unit is nearer either way");
            Assert.That(result.Single(c => c.Type == UnitType.Bls).AlsPreferenceApplied, Is.True);
            Assert.That(result.Single(c => c.Type == UnitType.Als).AlsPreferenceApplied, Is.False);
        });
    }

    [Test]
    public void For_p1_the_als_preference_also_decides_a_short_list()
    {
        var options = new RecommendationOptions { MaxCandidates = 1 };

        var result = Rank(options, Priority.P1, Unit(1, North(1.0), UnitType.Bls), Unit(2, North(1.5), UnitType.Als));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void The_als_preference_is_configurable()
    {
        var options = new RecommendationOptions { AlsPreferenceSeconds = 0 };

        var result = Rank(options, Priority.P1, Unit(1, North(1.0), UnitType.Bls), Unit(2, North(1.5), UnitType.Als));

        Assert.That(result[0].UnitId, Is.EqualTo(1));
    }

    [Test]
    public void A_transport_unit_is_also_ranked_behind_als_for_p1()
    {
        var result = Rank(Priority.P1, Unit(1, North(1.0), UnitType.Transport), Unit(2, North(1.5), UnitType.Als));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(result[1].AlsPreferenceApplied, Is.True);
    }

    [TestCase(Priority.P2)]
    [TestCase(Priority.P3)]
    [TestCase(Priority.None)]
    public void Below_p1_the_nearest_unit_wins_whatever_its_type(Priority priority)
    {
        var result = Rank(priority, Unit(1, North(1.0), UnitType.Bls), Unit(2, North(1.5), UnitType.Als));

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(result.Select(c => c.AlsPreferenceApplied), Has.All.False);
        });
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.Transporting)]
    [TestCase(UnitStatus.AtDestination)]
    [TestCase(UnitStatus.OutOfService)]
    public void Busy_and_out_of_service_units_are_skipped(UnitStatus status)
    {
        var result = Rank(Priority.P1, Unit(1, North(0.2), status: status), Unit(2, North(3.0)));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }

    [TestCase(UnitStatus.AvailableAtStation)]
    [TestCase(UnitStatus.AvailableOnRoad)]
    [TestCase(UnitStatus.Returning)]
    public void Available_units_are_included(UnitStatus status)
    {
        var result = Rank(Priority.P1, Unit(1, North(0.2), status: status), Unit(2, North(3.0)));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public void A_stale_position_falls_back_to_the_home_station()
    {
        var options = new RecommendationOptions();
        var age = TimeSpan.FromMinutes(options.StalePositionMinutes + 5);

        var candidate = Rank(options, Priority.P2, Unit(1, North(0.5), age: age)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(candidate.PositionSource, Is.EqualTo(PositionSource.HomeStation));
            Assert.That(candidate.DistanceMeters, Is.EqualTo(HaversineMeters(FarStation, Incident)).Within(1));
            Assert.That(candidate.PositionAgeSeconds, Is.EqualTo(age.TotalSeconds));
            Assert.That(candidate.Reason, Does.Contain("stale"));
        });
    }

    [Test]
    public void A_fresh_position_is_used()
    {
        var options = new RecommendationOptions();
        var age = TimeSpan.FromMinutes(options.StalePositionMinutes - 1);

        var candidate = Rank(options, Priority.P2, Unit(1, North(0.5), age: age)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(candidate.PositionSource, Is.EqualTo(PositionSource.Reported));
            Assert.That(candidate.DistanceMeters, Is.EqualTo(HaversineMeters(North(0.5), Incident)).Within(1));
            Assert.That(candidate.PositionAgeSeconds, Is.EqualTo(age.TotalSeconds));
            Assert.That(candidate.Reason, Does.Not.Contain("stale"));
        });
    }

    [Test]
    public void The_stale_limit_is_configurable()
    {
        var options = new RecommendationOptions { StalePositionMinutes = 15 };

        var candidate = Rank(options, Priority.P2, Unit(1, North(0.5), age: TimeSpan.FromMinutes(10))).Single();

        Assert.That(candidate.PositionSource, Is.EqualTo(PositionSource.Reported));
    }

    [Test]
    public void A_stale_position_ranks_the_unit_from_its_station()
    {
        // Unit 1 reported a position next to the scene long ago; its station is far. Unit 2 is fresh at 2 km.
        var result = Rank(Priority.P2, Unit(1, North(0.1), age: TimeSpan.FromHours(1)), Unit(2, North(2.0)));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2, 1 }));
    }

    [Test]
    public void A_stale_position_does_not_crowd_a_fresh_unit_off_a_short_list()
    {
        var options = new RecommendationOptions { MaxCandidates = 1 };

        var result = Rank(options, Priority.P2, Unit(1, North(0.1), age: TimeSpan.FromHours(1)), Unit(2, North(2.0)));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void No_reported_position_uses_the_home_station()
    {
        var station = North(2.5);

        var candidate = Rank(Priority.P2, Unit(1, position: null, station: station)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(candidate.PositionSource, Is.EqualTo(PositionSource.HomeStation));
            Assert.That(candidate.DistanceMeters, Is.EqualTo(HaversineMeters(station, Incident)).Within(1));
            Assert.That(candidate.PositionAgeSeconds, Is.Null);
            Assert.That(candidate.Reason, Does.Contain("home station"));
        });
    }

    [Test]
    public void A_unit_with_neither_position_nor_station_is_skipped()
    {
        var result = Rank(Priority.P2, Unit(1, position: null, noStation: true), Unit(2, North(4.0)));

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void A_fresh_position_needs_no_station()
    {
        var result = Rank(Priority.P2, Unit(1, North(1.0), noStation: true));

        Assert.That(result.Single().PositionSource, Is.EqualTo(PositionSource.Reported));
    }

    [TestCase(3)]
    [TestCase(1)]
    [TestCase(8)]
    public void MaxCandidates_is_respected_and_keeps_the_nearest(int max)
    {
        long[] idsByDistance = [4, 7, 1, 8, 2, 6, 3, 5];
        var units = idsByDistance.Select((id, i) => Unit(id, North(0.5 + i))).Reverse().ToArray();

        var result = Rank(new RecommendationOptions { MaxCandidates = max }, Priority.P2, units);

        Assert.That(result.Select(c => c.UnitId), Is.EqualTo(idsByDistance.Take(max)));
    }

    [Test]
    public void Five_candidates_by_default()
    {
        var units = Enumerable.Range(1, 9).Select(i => Unit(i, North(i * 0.7))).ToArray();

        Assert.That(Rank(Priority.P2, units), Has.Count.EqualTo(5));
    }

    [Test]
    public void Every_candidate_has_a_one_line_reason_with_its_distance_in_km()
    {
        var units = new[]
        {
            Unit(1, North(2.34)),
            Unit(2, Offset(Incident, 1.2, 3.1), UnitType.Bls),
            Unit(3, position: null, station: North(-4.46)),
            Unit(4, North(0.66), age: TimeSpan.FromHours(2), station: North(7.12), type: UnitType.Transport),
        };
        var expectedFrom = new Dictionary<long, GeoPoint>
        {
            [1] = North(2.34), [2] = Offset(Incident, 1.2, 3.1), [3] = North(-4.46), [4] = North(7.12),
        };

        foreach (var priority in new[] { Priority.P1, Priority.P2 })
        {
            var result = Rank(priority, units);
            Assert.That(result, Has.Count.EqualTo(4));
            foreach (var c in result)
            {
                var km = HaversineMeters(expectedFrom[c.UnitId], Incident) / 1000;
                var kmText = km.ToString("0.0", CultureInfo.InvariantCulture) + " km";
                Assert.That(c.Reason, Is.Not.Empty);
                Assert.That(c.Reason, Does.Not.Contain('\n').And.Not.Contain('\r'));
                Assert.That(c.Reason, Does.Contain(kmText), $"unit {c.UnitId} at {priority}");
            }
        }
    }

    [TestCase(1.4, 40)]
    [TestCase(1.25, 55)]
    [TestCase(1.0, 30)]
    public void Eta_is_haversine_distance_times_detour_over_speed(double detour, double speedKmh)
    {
        var options = new RecommendationOptions { DetourFactor = detour, SpeedKmh = speedKmh };
        var position = Offset(Incident, northKm: 1.7, eastKm: -2.3);
        var expectedMeters = HaversineMeters(position, Incident);
        var expectedEta = expectedMeters * detour / (speedKmh / 3.6);

        var candidate = Rank(options, Priority.P2, Unit(1, position)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(candidate.DistanceMeters, Is.EqualTo(expectedMeters).Within(1));
            Assert.That(candidate.EtaSeconds, Is.EqualTo(expectedEta).Within(1));
        });
    }

    [TestCase(UnitStatus.Assigned)]
    [TestCase(UnitStatus.EnRoute)]
    [TestCase(UnitStatus.OnScene)]
    [TestCase(UnitStatus.OutOfService)]
    public void A_unit_not_available_is_left_out_unless_it_is_a_divert_candidate(UnitStatus status)
    {
        var busy = Unit(1, North(0.5), status: status);

        Assert.That(Rank(Priority.P1, busy, Unit(2, North(3))).Select(c => c.UnitId), Is.EqualTo(new long[] { 2 }));
    }

    [Test]
    public void A_divert_candidate_is_ranked_by_its_arrival_and_carries_the_incident_it_would_leave()
    {
        var leaving = new DivertFrom(IncidentId: 88, Triage.Hijau);
        var onItsWay = Unit(1, North(0.5), status: UnitStatus.EnRoute) with { DivertFrom = leaving };

        var result = Rank(Priority.P1, Unit(2, North(3)), onItsWay, Unit(3, North(5)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(c => c.UnitId), Is.EqualTo(new long[] { 1, 2, 3 }), "the nearest, though committed elsewhere");
            Assert.That(result[0].DivertFrom, Is.EqualTo(leaving));
            Assert.That(result[0].Reason, Does.Contain("divert from incident 88 (Hijau)"));
            Assert.That(result.Skip(1).Select(c => c.DivertFrom), Is.All.Null, "available units divert from nothing");
            Assert.That(result.Skip(1).Select(c => c.Reason), Has.None.Contain("divert"));
        });
    }

    [Test]
    public void A_divert_candidate_farther_than_an_available_unit_ranks_behind_it()
    {
        var onItsWay = Unit(1, North(4), status: UnitStatus.Assigned) with { DivertFrom = new DivertFrom(88, Triage.Kuning) };

        var result = Rank(Priority.P2, onItsWay, Unit(2, North(1)));

        Assert.That(result.Select(c => (c.UnitId, c.DivertFrom?.IncidentId)), Is.EqualTo(new (long, long?)[] { (2, null), (1, 88) }));
    }

    [Test]
    public void UnitSnapshot_From_carries_the_divert_candidacy()
    {
        var unit = new global::Dispatch.Core.Units.Unit("SOLOK-1", "BA 1119 QA", UnitType.Bls, homeStationId: 1);
        var divert = new DivertFrom(5, Triage.Hijau);

        Assert.That(UnitSnapshot.From(unit, null, divert).DivertFrom, Is.EqualTo(divert));
        Assert.That(UnitSnapshot.From(unit, null).DivertFrom, Is.Null);
    }
}
