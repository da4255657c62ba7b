using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

public sealed class ResponseIntervalsTests
{
    // A complete incident: seconds after the phone rang.
    private static readonly IncidentTimes Complete = new()
    {
        CallReceived = T0,
        CallAnswered = T0.AddSeconds(12),
        Created = T0.AddSeconds(50),
        UnitNotified = T0.AddSeconds(95),
        Acknowledged = T0.AddSeconds(110),
        EnRoute = T0.AddSeconds(160),
        OnScene = T0.AddSeconds(640),
        LeftScene = T0.AddSeconds(1300),
        AtDestination = T0.AddSeconds(1900),
        Handover = T0.AddSeconds(2200),
        BackInService = T0.AddSeconds(2500),
        Closed = T0.AddSeconds(2600),
    };

    private static Interval Get(IncidentTimes times, string name) =>
        ResponseIntervals.From(times).Single(i => i.Name == name);

    [TestCase(ResponseIntervals.CallToAnswer, 12 - 0)]
    [TestCase(ResponseIntervals.AnswerToDispatch, 95 - 12)]
    [TestCase(ResponseIntervals.DispatchToEnRoute, 160 - 95)]
    [TestCase(ResponseIntervals.EnRouteToOnScene, 640 - 160)]
    [TestCase(ResponseIntervals.CallToOnScene, 640 - 0)]
    [TestCase(ResponseIntervals.OnSceneToDestination, 1900 - 640)]
    [TestCase(ResponseIntervals.DispatchToBackInService, 2500 - 95)]
    public void Interval_is_computed_from_its_time_points(string name, double expectedSeconds)
    {
        var interval = Get(Complete, name);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Valid, Is.True);
            Assert.That(interval.Invalid, Is.Null);
            Assert.That(interval.Seconds, Is.EqualTo(expectedSeconds));
        });
    }

    [Test]
    public void Every_interval_is_reported_once()
    {
        var names = ResponseIntervals.From(Complete).Select(i => i.Name).ToList();

        Assert.That(names, Is.EquivalentTo(new[]
        {
            ResponseIntervals.CallToAnswer, ResponseIntervals.AnswerToDispatch, ResponseIntervals.DispatchToEnRoute,
            ResponseIntervals.EnRouteToOnScene, ResponseIntervals.CallToOnScene, ResponseIntervals.OnSceneToDestination,
            ResponseIntervals.DispatchToBackInService,
        }));
    }

    [Test]
    public void Missing_start_is_invalid()
    {
        var interval = Get(Complete with { EnRoute = null }, ResponseIntervals.EnRouteToOnScene);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Valid, Is.False);
            Assert.That(interval.Seconds, Is.Null);
            Assert.That(interval.Invalid, Does.Contain("start"));
        });
    }

    [Test]
    public void Missing_end_is_invalid()
    {
        // A P3 patient treated on scene: no destination.
        var interval = Get(Complete with { AtDestination = null }, ResponseIntervals.OnSceneToDestination);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Valid, Is.False);
            Assert.That(interval.Seconds, Is.Null);
            Assert.That(interval.Invalid, Does.Contain("end"));
        });
    }

    [Test]
    public void End_before_start_is_invalid()
    {
        // Skewed PBX clock: the call "rang" after the operator answered.
        var interval = Get(Complete with { CallReceived = T0.AddSeconds(30) }, ResponseIntervals.CallToAnswer);

        Assert.Multiple(() =>
        {
            Assert.That(interval.Valid, Is.False);
            Assert.That(interval.Seconds, Is.Null);
            Assert.That(interval.Invalid, Does.Contain("precedes"));
        });
    }

    [Test]
    public void One_bad_time_point_invalidates_only_the_intervals_that_use_it()
    {
        var intervals = ResponseIntervals.From(Complete with { OnScene = null });

        Assert.That(intervals.Where(i => !i.Valid).Select(i => i.Name), Is.EquivalentTo(new[]
        {
            ResponseIntervals.EnRouteToOnScene, ResponseIntervals.CallToOnScene, ResponseIntervals.OnSceneToDestination,
        }));
    }

    [Test]
    public void Equal_start_and_end_is_a_valid_zero()
    {
        var interval = Interval.Between("x", T0, T0);

        Assert.That(interval.Valid, Is.True);
        Assert.That(interval.Seconds, Is.Zero);
    }

    [Test]
    public void Intervals_of_a_handled_incident_follow_its_transitions()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);

        var callToOnScene = Get(incident.Times, ResponseIntervals.CallToOnScene);

        Assert.That(callToOnScene.Seconds, Is.EqualTo((incident.OnSceneAt!.Value - incident.CallReceivedAt!.Value).TotalSeconds));
        Assert.That(callToOnScene.Seconds, Is.GreaterThan(0));
    }
}
