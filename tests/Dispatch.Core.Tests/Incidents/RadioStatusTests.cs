using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>
/// Statuses an operator enters from a radio or phone report (and crew taps sent late): the time
/// reported, never before the response's previous time point.
/// </summary>
public sealed class RadioStatusTests
{
    [Test]
    public void An_operator_records_a_radio_status_with_the_time_it_was_reported()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var response = incident.Responses.Single();
        var reported = clock.Next();
        clock.Next(); // entered a minute later

        incident.Acknowledge(UnitId, reported, Response.ViaRadio);
        Assert.That((response.AcknowledgedAt, response.Via), Is.EqualTo(((DateTimeOffset?)reported, Response.ViaRadio)));

        incident.ApplyStatus(UnitId, CrewStatus.EnRoute, clock.Next(), via: Response.ViaRadio);
        var onSceneAt = clock.Next();
        incident.ApplyStatus(UnitId, CrewStatus.OnScene, onSceneAt, via: Response.ViaRadio);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(ResponseStatus.OnScene));
            Assert.That(response.OnSceneAt, Is.EqualTo(onSceneAt));
            Assert.That(response.Via, Is.EqualTo(Response.ViaRadio));
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.OnScene));
            Assert.That(incident.OnSceneAt, Is.EqualTo(onSceneAt));
        });

        incident.ApplyStatus(UnitId, CrewStatus.Available, clock.Next());
        Assert.That(response.Via, Is.EqualTo(Response.ViaCrew), "the latest report came from the crew");
    }

    [TestCase(ResponseStatus.Dispatched, CrewStatus.EnRoute)]
    [TestCase(ResponseStatus.EnRoute, CrewStatus.OnScene)]
    [TestCase(ResponseStatus.OnScene, CrewStatus.Transporting)]
    [TestCase(ResponseStatus.Transporting, CrewStatus.AtDestination)]
    [TestCase(ResponseStatus.AtDestination, CrewStatus.Handover)]
    [TestCase(ResponseStatus.Handover, CrewStatus.Available)]
    public void A_radio_time_before_the_responses_previous_time_point_is_refused(ResponseStatus from, CrewStatus report)
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var response = Advance(incident, UnitId, from, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() =>
            incident.ApplyStatus(UnitId, report, response.Latest.AddSeconds(-1), HospitalId, Response.ViaRadio));

        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));

        incident.ApplyStatus(UnitId, report, response.Latest, HospitalId, Response.ViaRadio);
        Assert.That(response.Via, Is.EqualTo(Response.ViaRadio), "the same time as the previous point is accepted");
    }

    [Test]
    public void A_radio_acknowledgement_before_the_notification_is_refused()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.Dispatched, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.Acknowledge(UnitId, incident.UnitNotifiedAt!.Value.AddSeconds(-1), Response.ViaRadio));

        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void Statuses_reported_late_and_out_of_order_across_units_keep_the_first_unit_times()
    {
        // Unit A's crew taps on scene at 10:08; unit B, on the radio, reported on scene at 10:06,
        // but the operator enters it after A's tap arrived. The rule is per response: B's time is
        // valid, and B is the first unit on scene.
        var clock = Clock();
        var incident = OpenIncident(clock);
        var a = Advance(incident, UnitId, ResponseStatus.EnRoute, clock);
        var b = Advance(incident, SecondUnitId, ResponseStatus.EnRoute, clock);
        var bReported = clock.Next();
        var aTapped = clock.Next();
        incident.ApplyStatus(UnitId, CrewStatus.OnScene, aTapped);
        Assert.That(incident.OnSceneAt, Is.EqualTo(aTapped));

        incident.ApplyStatus(SecondUnitId, CrewStatus.OnScene, bReported, via: Response.ViaRadio);

        Assert.Multiple(() =>
        {
            Assert.That(incident.OnSceneAt, Is.EqualTo(bReported), "on scene = the first unit on scene, whenever it was entered");
            Assert.That(incident.StatusSince, Is.EqualTo(bReported));
            Assert.That((a.Via, b.Via), Is.EqualTo((Response.ViaCrew, Response.ViaRadio)));
        });
    }

    [Test]
    public void A_status_for_a_unit_not_on_the_incident_is_refused()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.EnRoute, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => incident.ApplyStatus(SecondUnitId, CrewStatus.OnScene, clock.Next(), via: Response.ViaRadio));

        Assert.That(ex!.Code, Is.EqualTo("no-assignment"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }
}
