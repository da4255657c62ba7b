using Dispatch.Core.Common;
using Dispatch.Core.Incidents;
using static Dispatch.Core.Tests.TestData;

namespace Dispatch.Core.Tests.Incidents;

/// <summary>
/// Several units on one incident: the incident's status and time points derived from its responses
/// with the first-unit definitions of DOMAIN.md.
/// </summary>
public sealed class MultiUnitTests
{
    [Test]
    public void Two_units_each_keep_their_own_times_and_destination_and_the_incident_takes_the_first()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var a = Advance(incident, UnitId, ResponseStatus.OnScene, clock);          // notified t+2, en route t+3, on scene t+4
        var b = Advance(incident, SecondUnitId, ResponseStatus.OnScene, clock);    // notified t+5 ... on scene t+7
        var firstNotified = a.NotifiedAt;
        var firstOnScene = a.OnSceneAt;

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.OnScene));
            Assert.That(incident.UnitNotifiedAt, Is.EqualTo(firstNotified));
            Assert.That(incident.EnRouteAt, Is.EqualTo(a.EnRouteAt));
            Assert.That(incident.OnSceneAt, Is.EqualTo(firstOnScene), "a second unit on scene later does not move it");
            Assert.That(b.OnSceneAt, Is.GreaterThan(firstOnScene!.Value));
            Assert.That(incident.StatusSince, Is.EqualTo(firstOnScene), "on scene since the first unit got there");
            Assert.That(incident.UnitId, Is.EqualTo(UnitId));
        });

        incident.ApplyStatus(SecondUnitId, CrewStatus.Transporting, clock.Next(), OtherHospitalId);
        incident.ApplyStatus(UnitId, CrewStatus.Transporting, clock.Next(), HospitalId);
        incident.ApplyStatus(UnitId, CrewStatus.AtDestination, clock.Next());
        incident.ApplyStatus(UnitId, CrewStatus.Handover, clock.Next());
        var aBack = clock.Next();
        incident.ApplyStatus(UnitId, CrewStatus.Available, aBack);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Transporting), "B is still taking its patient");
            Assert.That(incident.BackInServiceAt, Is.Null, "not back in service while a unit still works");
            Assert.That(incident.LeftSceneAt, Is.EqualTo(b.LeftSceneAt), "B left the scene first");
            Assert.That(incident.DestinationId, Is.EqualTo(OtherHospitalId), "the first destination a unit took a patient to");
            Assert.That(incident.AtDestinationAt, Is.EqualTo(a.AtDestinationAt));
            Assert.That(incident.UnitId, Is.EqualTo(SecondUnitId), "the unit still active");
            Assert.That((a.DestinationId, b.DestinationId), Is.EqualTo(((long?)HospitalId, (long?)OtherHospitalId)));
        });

        incident.ApplyStatus(SecondUnitId, CrewStatus.AtDestination, clock.Next());
        var bBack = clock.Next();
        incident.ApplyStatus(SecondUnitId, CrewStatus.Returning, bBack);

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Cleared));
            Assert.That(incident.BackInServiceAt, Is.EqualTo(bBack), "back in service when the last unit came back");
            Assert.That(incident.StatusSince, Is.EqualTo(bBack));
            Assert.That(incident.HandoverAt, Is.EqualTo(a.HandoverAt), "B reported no handover");
            Assert.That(incident.UnitId, Is.EqualTo(UnitId), "the first completed response");
            Assert.That(incident.Responses.Select(r => r.EndReason), Is.All.EqualTo(ResponseEnd.Completed));
            Assert.That((a.BackInServiceAt, b.BackInServiceAt), Is.EqualTo(((DateTimeOffset?)aBack, (DateTimeOffset?)bBack)));
        });
    }

    [Test]
    public void The_most_advanced_active_unit_sets_the_status()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        Advance(incident, UnitId, ResponseStatus.Dispatched, clock);
        var b = Advance(incident, SecondUnitId, ResponseStatus.EnRoute, clock);
        Advance(incident, ThirdUnitId, ResponseStatus.Acknowledged, clock);

        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.EnRoute));
        Assert.That(incident.StatusSince, Is.EqualTo(b.EnRouteAt));

        incident.Release(SecondUnitId, Reason, clock.Next());

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Acknowledged), "the others are still coming");
            Assert.That(incident.WaitingForUnit, Is.False);
            Assert.That(incident.EnRouteAt, Is.EqualTo(b.EnRouteAt), "a time point stays once reached");
        });
    }

    [Test]
    public void Three_units_released_diverted_and_completed()
    {
        var clock = Clock();
        var incident = OpenIncident(clock, Triage.Hijau);
        var elsewhere = OpenIncident(clock, Triage.Merah, id: 202);
        var a = Advance(incident, UnitId, ResponseStatus.Acknowledged, clock);
        var b = Advance(incident, SecondUnitId, ResponseStatus.EnRoute, clock);
        var c = Advance(incident, ThirdUnitId, ResponseStatus.OnScene, clock);

        incident.Release(UnitId, Reason, clock.Next());
        elsewhere.DivertHere(incident, SecondUnitId, CallSignOf(SecondUnitId), false, Operator, clock.Next());
        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.OnScene));
        incident.ApplyStatus(ThirdUnitId, CrewStatus.Available, clock.Next());

        Assert.Multiple(() =>
        {
            Assert.That(incident.Responses.Select(r => r.EndReason), Is.EqualTo(new ResponseEnd?[] { ResponseEnd.Released, ResponseEnd.Diverted, ResponseEnd.Completed }));
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Cleared));
            Assert.That(incident.UnitId, Is.EqualTo(ThirdUnitId), "the one unit that did the work");
            Assert.That(incident.UnitNotifiedAt, Is.EqualTo(a.NotifiedAt), "first notified, even though released");
            Assert.That(incident.AcknowledgedAt, Is.EqualTo(a.AcknowledgedAt));
            Assert.That(incident.EnRouteAt, Is.EqualTo(b.EnRouteAt), "first en route, even though diverted");
            Assert.That(incident.OnSceneAt, Is.EqualTo(c.OnSceneAt));
            Assert.That(incident.BackInServiceAt, Is.EqualTo(c.BackInServiceAt));
            Assert.That(elsewhere.Status, Is.EqualTo(IncidentStatus.Dispatched));
            Assert.That(elsewhere.UnitId, Is.EqualTo(SecondUnitId));
        });
    }

    public enum Leaving { Released, Diverted, Declined }

    [Test]
    public void An_incident_whose_only_unit_left_waits_for_a_unit_again([Values] Leaving how)
    {
        var clock = Clock();
        var incident = OpenIncident(clock, Triage.Kuning);
        var response = Advance(incident, UnitId, ResponseStatus.Dispatched, clock);
        var notified = response.NotifiedAt;
        var merah = OpenIncident(clock, Triage.Merah, id: 202);
        var leftAt = clock.Next();
        switch (how)
        {
            case Leaving.Released: incident.Release(UnitId, Reason, leftAt); break;
            case Leaving.Declined: incident.Decline(UnitId, "no ALS crew on board", leftAt); break;
            case Leaving.Diverted: merah.DivertHere(incident, UnitId, CallSignOf(UnitId), false, Operator, leftAt); break;
        }

        Assert.Multiple(() =>
        {
            Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Pending));
            Assert.That(incident.WaitingForUnit, Is.True);
            Assert.That(incident.IsActive, Is.True);
            Assert.That(incident.StatusSince, Is.EqualTo(leftAt), "waiting since the unit left");
            Assert.That(incident.UnitId, Is.Null);
            Assert.That(incident.UnitNotifiedAt, Is.EqualTo(notified), "the first notification still counts");
            Assert.That(response.EndedAt, Is.EqualTo(leftAt));
            Assert.That(response.EndReason, Is.EqualTo(Enum.Parse<ResponseEnd>(how.ToString())));
        });
    }

    [Test]
    public void A_second_unit_leaving_counts_waiting_from_the_last_one_that_left()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        Advance(incident, UnitId, ResponseStatus.Dispatched, clock);
        Advance(incident, SecondUnitId, ResponseStatus.Dispatched, clock);
        incident.Release(UnitId, Reason, clock.Next());
        var last = clock.Next();
        incident.Release(SecondUnitId, Reason, last);

        Assert.That(incident.StatusSince, Is.EqualTo(last));
        Assert.That(incident.WaitingForUnit, Is.True);
    }

    [Test]
    public void A_unit_can_be_added_in_every_active_state([Values] IncidentStatus status)
    {
        var clock = Clock();
        var incident = IncidentAt(status, clock);
        var at = clock.Next();
        var before = Snapshot(incident);

        if (!incident.IsActive)
        {
            var ex = Assert.Throws<RuleViolation>(() => Send(incident, SecondUnitId, at));
            Assert.That(ex!.Code, Is.EqualTo("incident-inactive"));
            Assert.That(Snapshot(incident), Is.EqualTo(before));
            return;
        }
        var response = Send(incident, SecondUnitId, at);

        var expected = status is IncidentStatus.Pending or IncidentStatus.Cleared ? IncidentStatus.Dispatched : status;
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(ResponseStatus.Dispatched));
            Assert.That((response.UnitId, response.CallSign, response.NotifiedBy, response.NotifiedAt, response.IncidentId),
                Is.EqualTo((SecondUnitId, CallSignOf(SecondUnitId), Operator, at, IncidentId)));
            Assert.That(incident.ActiveResponseOf(SecondUnitId), Is.SameAs(response));
            Assert.That(incident.Status, Is.EqualTo(expected));
            Assert.That(incident.WaitingForUnit, Is.False);
            Assert.That(incident.BackInServiceAt, Is.Null, "a unit working again: not back in service");
            Assert.That(incident.UnitNotifiedAt, Is.EqualTo(status == IncidentStatus.Pending ? at : incident.Responses[0].NotifiedAt));
        });
    }

    [Test]
    public void The_same_unit_cannot_be_sent_twice_while_on_the_incident()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.OnScene, clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => Send(incident, UnitId, clock.Next()));

        Assert.That(ex!.Code, Is.EqualTo("unit-already-assigned"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void A_released_unit_can_be_sent_again_as_a_new_response()
    {
        var clock = Clock();
        var incident = IncidentAt(IncidentStatus.EnRoute, clock);
        incident.Release(UnitId, Reason, clock.Next());

        var again = Send(incident, UnitId, clock.Next());

        Assert.That(incident.Responses, Has.Count.EqualTo(2));
        Assert.That(incident.ActiveResponseOf(UnitId), Is.SameAs(again));
        Assert.That(incident.Status, Is.EqualTo(IncidentStatus.Dispatched));
    }

    [Test]
    public void A_unit_cannot_be_notified_before_the_incident_was_created()
    {
        var clock = Clock();
        var incident = OpenIncident(clock);
        var before = Snapshot(incident);

        var ex = Assert.Throws<RuleViolation>(() => Send(incident, UnitId, incident.CreatedAt!.Value.AddSeconds(-1)));

        Assert.That(ex!.Code, Is.EqualTo("time-out-of-order"));
        Assert.That(Snapshot(incident), Is.EqualTo(before));
    }

    [Test]
    public void Load_orders_stored_responses_by_notification()
    {
        var clock = Clock();
        var source = OpenIncident(clock);
        Advance(source, UnitId, ResponseStatus.Dispatched, clock);
        Advance(source, SecondUnitId, ResponseStatus.Dispatched, clock);
        var loaded = OpenIncident(Clock());

        loaded.Load(source.Responses.Reverse());

        Assert.That(loaded.Responses.Select(r => r.UnitId), Is.EqualTo(new[] { UnitId, SecondUnitId }));
        Assert.Throws<InvalidOperationException>(() => loaded.Load(source.Responses));
    }
}
